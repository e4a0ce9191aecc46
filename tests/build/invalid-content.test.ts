import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected, scenarios } from '../support/fixtures.ts';
import { root } from '../support/sites.ts';

/** Builds the site from a fixture's content folder, as `npm run build` would. */
function build(scenario: string) {
  const outDir = mkdtempSync(join(tmpdir(), `build-${scenario}-`));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: `tests/fixtures/content/${scenario}/content` },
    encoding: 'utf8',
  });
  const pages = existsSync(outDir)
    ? readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.html'))
    : [];
  rmSync(outDir, { recursive: true, force: true });
  return { status: result.status, output: result.stdout + result.stderr, pages };
}

describe('a build with invalid content', () => {
  it("succeeds on the valid fixture (so the failures below are the content's)", () => {
    const result = build('valid');
    expect(result.status, result.output).toBe(0);
    expect(result.pages.length).toBeGreaterThan(5);
  });

  it.each(scenarios)('fails on %s, names the file and line, and publishes nothing', (scenario) => {
    const { file, line, message } = expected(scenario);
    const result = build(scenario);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(line ? `${file}:${line}:` : file);
    expect(result.output).toContain(message);
    expect(result.pages).toEqual([]);
  });
});

describe('a second report', () => {
  it('is one more folder: it builds with no code change, and speakers span reports', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'build-two-'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/content/two-reports/content' },
      encoding: 'utf8',
    });
    try {
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const home = readFileSync(join(outDir, 'index.html'), 'utf8');
      // The newest report leads the home page, which then lists all reports.
      expect(home).toContain('<h1>第二份报告 新的标题</h1>');
      expect(home).toContain('href="/reports/test-report/"');
      expect(home).toContain('href="/reports/2016-second/"');
      const zhang = readFileSync(join(outDir, 'speakers/zhang-san/index.html'), 'utf8');
      expect(zhang.match(/data-remark=/g)).toHaveLength(2);
      expect(zhang).toContain('党总支书记、校长'); // newest role first
      expect(existsSync(join(outDir, 'reports/2016-second/disan-bufen-zongjie/index.html'))).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
