import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected, fixtures, scenarios } from '../support/fixtures.ts';
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

  it('reads an archive of more files than the system lets it open at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-many-'));
    try {
      cpSync(`${fixtures}valid/content`, dir, { recursive: true });
      const remarks = join(dir, 'reports/test-report/remarks');
      const one = readFileSync(join(remarks, '1-1-zhang-san.md'), 'utf8');
      for (let order = 2; order <= 300; order++)
        writeFileSync(join(remarks, `1-${order}-zhang-san.md`), one.replace('order: 1', `order: ${order}`));
      // A limit of 128 open files, as small as a system's may be (256 on macOS, 1,024 on many Linux systems).
      const result = spawnSync('bash', ['-c', 'ulimit -n 128 && node scripts/check.ts --content-only'], {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: 'utf8',
      });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('没有问题');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a mistake, naming file, line and field in Chinese', () => {
    const result = run([], 'tests/fixtures/content/unknown-section/content');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'tests/fixtures/content/unknown-section/content/reports/test-report/remarks/2-1-li-si.md:5:1',
    );
    expect(result.stdout).toContain('您是否想写「第二部分 服务」');
  });

  it('says each content error once, leaving the code for after, which would only say it again', () => {
    const result = spawnSync('node', ['scripts/check.ts'], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/content/unknown-section/content' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output.split('您是否想写「第二部分 服务」')).toHaveLength(2);
    expect(output).toContain('内容改好后，再运行一次 npm run check，检查代码类型（astro check）。');
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

  it("makes a special space after a list item's marker plain with --fix", () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
    cpSync(`${root}tests/fixtures/content/list-special-space/content`, dir, { recursive: true });
    expect(run(['--fix'], dir).stdout).toContain('1 个列表项目符号后的特殊空格改为普通空格');
    expect(readFileSync(join(dir, 'reports/test-report/remarks/2-1-li-si.md'), 'utf8')).toContain('\n- 走访家庭');
    expect(run([], dir).stdout).toContain('没有问题');
  });

  it('fixes in one run what another fix uncovers: a list marker behind an invisible character', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
    cpSync(`${root}tests/fixtures/content/list-special-space/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n-\u00a0走访家庭', '\n\u200b-\u00a0走访家庭'));
    const fixed = run(['--fix'], dir).stdout;
    // Said once for the file, with everything done to it.
    expect(fixed.match(/已改正/g)).toHaveLength(1);
    expect(fixed).toContain('删除 1 个看不见的字符，1 个列表项目符号后的特殊空格改为普通空格');
    expect(readFileSync(file, 'utf8')).toContain('\n- 走访家庭');
    expect(fixed).toContain('没有问题');
  });

  it('leaves a file that is not UTF-8 as it is with --fix, which would write replacement marks over its words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const [head, tail] = readFileSync(file, 'utf8').split('一幼');
    // 一幼 as Windows Notepad's "ANSI" (GBK) writes it, and a line break Word's Shift+Enter leaves, which --fix removes.
    const bytes = Buffer.concat([Buffer.from(head!), Buffer.from([0xd2, 0xbb, 0xd3, 0xd7]), Buffer.from(`${tail!}\v`)]);
    writeFileSync(file, bytes);
    const result = run(['--fix'], dir);
    expect(readFileSync(file)).toEqual(bytes);
    expect(result.stdout).not.toContain('已改正');
    expect(result.stdout).toContain('不是 UTF-8 编码');
  });

  it('removes invisible characters with --fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
    cpSync(`${root}tests/fixtures/content/invisible-name/content`, dir, { recursive: true });
    expect(run([], dir).status).toBe(1);
    expect(run(['--fix'], dir).stdout).toContain('删除 1 个看不见的字符');
    expect(readFileSync(join(dir, 'reports/test-report/remarks/2-1-li-si.md'), 'utf8')).toContain('speaker: \n');
    // What is left is the name the character made look filled: now plainly empty.
    expect(run([], dir).stdout).toContain('发言人姓名是空的，请填写');
  });

  it.each(scenarios)('explains %s in one Chinese line per problem, with no stack trace', (scenario) => {
    const { message } = expected(scenario);
    const result = run([], `tests/fixtures/content/${scenario}/content`);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(message);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at |Error:/m);
    const lines = result.stdout.split('\n').filter((l) => l.trim() !== '');
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}(错误|提醒) {2}\S/);
  });
});
