// Shared by the importer tests: fixture paths, reading a written report folder, importing with the real role list.
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
