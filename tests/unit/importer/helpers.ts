// Shared by the importer tests: fixture paths, reading a written report folder, importing with the real role list.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importReport, type ImportResult } from '../../../src/lib/importer/importer.ts';
import { loadRoles } from '../../../src/lib/importer/roles.ts';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixtures = join(root, 'tests/fixtures/import');
export const roles = loadRoles();

/** Every file under a folder, by path relative to it (with `/`), as text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

/** The import result as a path → text map, comparable with readTree. */
export function asTree(result: ImportResult): Map<string, string> {
  return new Map(result.files.map((f) => [f.path, f.text]));
}

/**
 * A report's files without the joins in its record of repairs (index.md's `repairs.joins`): that part says how the
 * text was mended, so it differs between a damaged text and the clean one it is mended to; everything else must not.
 */
export function mended(tree: Map<string, string>): Map<string, string> {
  const index = tree.get('index.md');
  return index === undefined ? tree : new Map(tree).set('index.md', index.replace(/^ {2}joins:\n(?: {4}.*\n)*/m, ''));
}

/** Imports bytes with the committed role list (and the `--join` confirmations given, and `--strict` if asked). */
export function run(
  bytes: Uint8Array | string,
  date = '2016-05',
  reportId = 'test-report',
  joins: string[] = [],
  strict = false,
): ImportResult {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return importReport(data, { reportId, date, roles, joins, strict });
}

/** The bytes of a fixture file. */
export function fixture(...parts: string[]): Buffer {
  return readFileSync(join(fixtures, ...parts));
}

/** Runs `npm run import -- …` the way npm does: node on scripts/import.ts from the project root. */
export function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
