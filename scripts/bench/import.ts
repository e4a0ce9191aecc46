// Importer benchmark: how long `npm run import` takes on large texts, and how much it prints. Not a test: it
// generates texts into a temporary folder (never content/), runs the command on each and reports.
//
//   node scripts/bench/import.ts [--sizes 1,2,4,20] [--kinds seed,clean,broken] [--timeout 300] [--importer <file>]
//
// Kinds, each repeated or recombined up to the size in MB (10^6 bytes):
//   seed    the seed report's body repeated: every copy repeats its two breaks, so the import is refused;
//   clean   a clean test report's body repeated: imported, one file per remark;
//   broken  the seed's clauses recombined into paragraphs that each stop mid-word: thousands of breaks.
// --importer runs another copy of scripts/import.ts (an older commit's, to compare).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/import');

const HEADING = /^(\p{Script=Han}+ \p{Script=Han}+)$/mu;

/** The lines before the first heading (title, note) once, then the rest repeated until the text has `bytes`, each
 * copy's headings numbered (a report has no heading twice). */
function repeated(file: string, bytes: number): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines.findIndex((l, i) => i > 0 && HEADING.test(l.trim()));
  const parts = [lines.slice(0, first).join('\n')];
  const body = lines.slice(first).join('\n');
  let size = Buffer.byteLength(parts[0]!);
  while (size < bytes) {
    const copy = body.replace(new RegExp(HEADING.source, 'gmu'), `$1${parts.length}`);
    parts.push(copy);
    size += Buffer.byteLength(copy) + 1;
  }
  return parts.join('\n');
}

/** Paragraphs of the seed's clauses in a fixed pseudo-random order, each cut after a Han character. */
function broken(bytes: number): string {
  const seed = readFileSync(join(fixtures, 'seed/report.txt'), 'utf8');
  const clauses = seed.split(/[,，。;；:：\n]/u).filter((c) => /^\p{Script=Han}{4,}$/u.test(c.trim()));
  let state = 1;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const out = ['断句测试 大量断裂', '', '第一部分 断开的段落', '', '张三(某校校长):开场。'];
  let size = 200;
  while (size < bytes) {
    const words = Array.from({ length: 2 + next(4) }, () => clauses[next(clauses.length)]!.trim());
    const text = words.join('，');
    const line = text.slice(0, 4 + next(text.length - 4));
    out.push(line, '');
    size += Buffer.byteLength(line) + 2;
  }
  return out.join('\n');
}

const generators: Record<string, (bytes: number) => string> = {
  seed: (bytes) => repeated(join(fixtures, 'seed/report.txt'), bytes),
  clean: (bytes) => repeated(join(fixtures, 'clean/input.txt'), bytes),
  broken,
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,2,4,20' },
    kinds: { type: 'string', default: 'seed,clean,broken' },
    timeout: { type: 'string', default: '300' },
    importer: { type: 'string', default: join(root, 'scripts/import.ts') },
  },
});

const temp = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  console.log('kind\tMB\tseconds\texit\tprinted bytes');
  for (const kind of values.kinds.split(',')) {
    for (const mb of values.sizes.split(',').map(Number)) {
      const file = join(temp, `${kind}-${mb}.txt`);
      writeFileSync(file, generators[kind]!(mb * 1e6));
      const content = join(temp, `content-${kind}-${mb}`);
      const start = performance.now();
      const r = spawnSync(
        process.execPath,
        [values.importer, file, '--report', 'bench', '--date', '2015', '--content', content],
        { encoding: 'utf8', timeout: Number(values.timeout) * 1000, maxBuffer: 1 << 30 },
      );
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      const printed = Buffer.byteLength(r.stdout ?? '') + Buffer.byteLength(r.stderr ?? '');
      console.log(`${kind}\t${mb}\t${seconds}\t${r.error ? 'timeout' : r.status}\t${printed}`);
      rmSync(content, { recursive: true, force: true });
      rmSync(file);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
