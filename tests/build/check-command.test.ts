import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/sites.ts';

const run = (args: string[], contentDir: string) =>
  spawnSync('node', ['scripts/check.ts', '--content-only', ...args], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });

describe('npm run check', () => {
  it('passes on the seed content', () => {
    const result = run([], 'content');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('没有问题');
  });

  it('fails on a mistake, naming file, line and field in Chinese', () => {
    const result = run([], 'tests/fixtures/content/unknown-section/content');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'tests/fixtures/content/unknown-section/content/reports/test-report/remarks/2-1-li-si.md:5:1',
    );
    expect(result.stdout).toContain('您是否想写「第二部分 服务」');
  });

  it('warns about half-width punctuation and fixes it with --fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
    cpSync(`${root}tests/fixtures/content/half-width/content`, dir, { recursive: true });
    const warned = run([], dir);
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('提醒');
    const fixed = run(['--fix'], dir);
    expect(fixed.stdout).toContain('已改正');
    expect(readFileSync(join(dir, 'reports/test-report/remarks/2-1-li-si.md'), 'utf8')).toContain(
      '开展活动，凝聚人心；',
    );
    expect(run([], dir).stdout).toContain('没有问题');
  });
});
