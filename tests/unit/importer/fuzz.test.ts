// Fuzz: random and hostile texts (mixed Chinese, marks of both widths, speaker tags, headings, blank lines, control
// characters, very long lines, raw bytes) are either imported with every character kept, or refused with an
// ImportError in Chinese; the command never prints a stack trace and never leaves a partial report folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { countChars } from '../../../src/lib/importer/conserve.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { fixture, root, run } from './helpers.ts';

const seed = fixture('seed/report.txt').toString('utf8');
const clauses = seed.split(/[,，。\n]/u).filter((c) => c.trim());

const piece = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...clauses), fc.constantFrom('', '。', '。\n')).map(([c, e]) => c + e),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(',', '，', '。', '.', ';', '；', ':', '：', '!', '？', '(', '）', '“', '”', '…'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '张三(某校校长):',
      '李四（实验中学党支部书记）：',
      '王五:',
      '目标:',
      '编者按:',
      '【编者按】',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\n围绕中心 严字当头\n', '\n队伍建设 凝心聚力\n') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0001', '\u0007', '\u001b', '\f', '\v', '\u3000', '\uFEFF', '\u2028', ' '),
  },
  { weight: 1, arbitrary: fc.constantFrom('𠀀𠀁', 'family', '2015', '40%', '7·1', '\ud800', '\\*_<>[]~`#') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('管', '，', ' ', '(', '张三(某校校长):', '体会深刻'),
        fc.integer({ min: 1000, max: 20000 }),
      )
      .map(([s, n]) => s.repeat(n)),
  },
);

/** A report-shaped start (title, heading, a speaker), often kept, so that texts get past the first checks. */
const text = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 60 }))
  .map(
    ([shaped, pieces]) => (shaped ? '标题 一\n\n围绕中心 严字当头\n\n张三(某校校长):开场。\n' : '') + pieces.join(''),
  );

const bytes = fc.oneof(
  { weight: 5, arbitrary: text.map((t) => new TextEncoder().encode(t)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
);

/** Nothing added, nothing lost: bodies hold no character the input lacks, and every input character is written. */
function expectConserved(input: string, files: { path: string; text: string }[]) {
  const bodies = countChars(files.map((f) => f.text.slice(f.text.indexOf('\n---\n', 4) + 5)));
  const written = countChars(files.map((f) => f.text));
  for (const [c, n] of bodies) expect(n, c).toBeLessThanOrEqual(countChars(input).get(c) ?? 0);
  for (const c of countChars(input).keys()) expect(written.has(c), c).toBe(true);
}

describe('importReport on random and hostile text', () => {
  it('imports keeping every character, or refuses with an ImportError in Chinese', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          const { files } = run(input, '2015');
          expectConserved(new TextDecoder().decode(input), files);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message).toMatch(/\p{Script=Han}/u);
          expect(error.message).not.toMatch(/\n\s+at /);
          for (const p of error.problems) expect(p).toMatch(/\p{Script=Han}/u);
        }
      }),
      { numRuns: 300, seed: 20151 },
    );
  });
});

const temp = mkdtempSync(join(tmpdir(), 'import-fuzz-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run import on random and hostile text', () => {
  const cases = [
    ...fc.sample(text, { numRuns: 4, seed: 7 }),
    `标题 一\n\n围绕中心 严字当头\n\n张三(某校校长):${'管\n\n理'.repeat(2000)}`,
    `标题 一\n\n围绕中心 严字当头\n\n张三${' '.repeat(19_000_000)}x`,
    `标题 一\n\n围绕中心 严字当头\n\n张三(某校校长):开场。\n${','.repeat(200000)}`,
  ];
  it.each(cases.map((c, i) => [i, c]))('case %i: exit 0 or 1, no stack trace, no partial folder', (i, input) => {
    const file = join(temp, `${i}.txt`);
    writeFileSync(file, input);
    const content = join(temp, `content-${i}`);
    const r = spawnSync(
      process.execPath,
      [join(root, 'scripts/import.ts'), file, '--report', 'fuzz', '--date', '2015', '--content', content],
      { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root } },
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect([0, 1]).toContain(r.status);
    if (r.status === 1) {
      expect(r.stderr).toMatch(/^导入失败：\p{Script=Han}/u);
      expect(existsSync(content)).toBe(false);
    } else {
      expect(readdirSync(join(content, 'reports'))).toEqual(['fuzz']);
      expect(readdirSync(join(content, 'reports/fuzz'))).toContain('index.md');
    }
  });
});
