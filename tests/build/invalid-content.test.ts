import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/sites.ts';

const fixtures = `${root}tests/fixtures/content/`;
const scenarios = readdirSync(fixtures).filter((d) => existsSync(`${fixtures}${d}/expected.json`));

/** Builds the site from a fixture's content folder, as `npm run build` would. */
function build(scenario: string) {
  const outDir = mkdtempSync(join(tmpdir(), `build-${scenario}-`));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: `tests/fixtures/content/${scenario}/content` },
    encoding: 'utf8',
  });
  const pages = existsSync(outDir) ? readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : [];
  rmSync(outDir, { recursive: true, force: true });
  return { status: result.status, output: result.stdout + result.stderr, pages };
}

describe('a build with invalid content', () => {
  it('succeeds on the valid fixture (so the failures below are the content\'s)', () => {
    const result = build('valid');
    expect(result.status, result.output).toBe(0);
    expect(result.pages.length).toBeGreaterThan(5);
  });

  it.each(scenarios)('fails on %s, names the file and line, and publishes nothing', (scenario) => {
    const expected = JSON.parse(readFileSync(`${fixtures}${scenario}/expected.json`, 'utf8')) as { file: string; line: number; message: string };
    const result = build(scenario);
    expect(result.status).not.toBe(0);
    const where = expected.line ? `${expected.file}:${expected.line}:` : expected.file;
    expect(result.output).toContain(where);
    expect(result.output).toContain(expected.message);
    expect(result.pages).toEqual([]);
  });
});
