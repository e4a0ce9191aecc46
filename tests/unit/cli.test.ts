// The editors' commands explain a wrong command line in Chinese (src/lib/cli.ts), never with Node's English error.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { afterEnd, argsProblem, givenTwice } from '../../src/lib/cli.ts';
import { root } from '../support/sites.ts';

const OPTIONS = { report: { type: 'string' }, section: { type: 'string' }, fix: { type: 'boolean' } } as const;
/** What a command line would be told. */
const told = (...args: string[]) => {
  try {
    parseArgs({ args, options: OPTIONS });
    return '';
  } catch (error) {
    return argsProblem(error, Object.keys(OPTIONS));
  }
};

describe('a wrong command line', () => {
  it('is explained in Chinese, with the likely option or the missing quotes', () => {
    expect(told('--sectoin', '甲')).toBe(
      '不认识的选项 --sectoin。您是否想写 --section？可用的选项：--report、--section、--fix。',
    );
    expect(told('--section', '立足实际', '打造服务特色')).toContain(
      '多出了「打造服务特色」。值里有空格时，请用英文双引号',
    );
    expect(told('-s', '甲')).toBe('不认识的选项 -s。您是否想写 --section？可用的选项：--report、--section、--fix。');
    expect(told('--report')).toBe('选项 --report 后面要写一个值。');
    expect(told('--section', '--report', 'r')).toBe(
      '选项 --section 后面要写一个值，这里紧接着的是另一个选项。值本身以减号 - 开头时，请写成 --section=-……。',
    );
    expect(told('--fix=1')).toBe('选项 --fix 后面不能写值（写 --fix 即可）。');
  });

  it('refuses an option of one value given twice, which would keep the last without a word', () => {
    const config = { options: OPTIONS, allowPositionals: true };
    expect(givenTwice({ ...config, args: ['--report', 'a', '--fix', '--report', 'b'] })).toBe('report');
    expect(givenTwice({ ...config, args: ['--report', 'a', '--fix', '--fix', '--section', 'b'] })).toBeUndefined();
    const run = spawnSync('node', ['scripts/import.ts', 'x.txt', '--report', 'r', '--date', '2016', '--date', '2017'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^选项 --date 写了两次：它只能有一个值，请删去多的那个。\n用法：/);
  });

  it('names an option written after a second --, which ends the options, instead of taking it for a file', () => {
    for (const [script, ...args] of [
      ['scripts/import.ts', '--', 'x.txt', '--report', 'r', '--date', '2016'],
      ['scripts/import.ts', 'x.txt', '--report', 'r', '--', '--date=2016'],
      ['scripts/check.ts', '--', '--fix'],
    ] as const) {
      const run = spawnSync('node', [script, ...args], { cwd: root, encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(
        /^选项 --(report|date|fix) 写在了多出来的 -- 后面：-- 表示选项到此为止，.*请删去多的那个。\n用法：/,
      );
    }
    // A file after -- is a file, as on any command line.
    const config = { options: OPTIONS, allowPositionals: true };
    expect(afterEnd({ ...config, args: ['--report', 'r', '--', '-x.txt'] })).toBeUndefined();
    expect(afterEnd({ ...config, args: ['--', 'a.txt', '--section=甲'] })).toBe('--section');
  });

  it('is not --help or -h, which each command answers with how it is used', () => {
    for (const [script, option, usage] of [
      ['scripts/check.ts', '--help', '用法：npm run check'],
      ['scripts/new.ts', '-h', '用法：npm run new -- --report'],
      ['scripts/import.ts', '--help', '用法：npm run import -- <原文.txt>'],
    ] as const) {
      const run = spawnSync('node', [script, option], { cwd: root, encoding: 'utf8' });
      expect(run.status, script).toBe(0);
      expect(run.stdout.startsWith(usage), run.stdout).toBe(true);
      expect(run.stderr, script).toBe('');
    }
    // After --, which ends the options, it is a file's name.
    const run = spawnSync('node', ['scripts/import.ts', '--', '--help'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^缺少 --report/);
  });

  it('makes npm run new guess a report or heading as the checks do, only where it is likely a slip', () => {
    const run = (...args: string[]) =>
      spawnSync('node', ['scripts/new.ts', ...args, '--speaker', '王五'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: 'tests/fixtures/content/valid/content' },
      });
    const told = (...args: string[]) =>
      run(...args)
        .stderr.split('小标题有')[0]!
        .split('现有的报告')[0];
    expect(told('--report', 'test-reprot', '--section', '服务')).toBe(
      '没有创建文件：没有报告 test-reprot。您是否想写「test-report」？',
    );
    expect(told('--report', 'test-report', '--section', '服务')).toBe(
      '没有创建文件：「服务」不是报告 test-report 的小标题。您是否想写「第二部分 服务」？',
    );
    // Nothing like any heading: no nearest one is offered.
    expect(told('--report', 'test-report', '--section', '总结与展望')).toBe(
      '没有创建文件：「总结与展望」不是报告 test-report 的小标题。',
    );
    expect(run('--report', 'test-report', '--section', '服务').status).toBe(1);
  });

  it('makes each command say so and exit with 2, without a stack trace', () => {
    for (const [script, option] of [
      ['scripts/check.ts', '--fx'],
      ['scripts/new.ts', '--shcool'],
    ] as const) {
      const run = spawnSync('node', [script, option], { cwd: root, encoding: 'utf8' });
      expect(run.status, script).toBe(2);
      expect(run.stderr, script).toMatch(/^不认识的选项/);
      expect(run.stderr, script).not.toMatch(/TypeError|ERR_PARSE_ARGS|\n\s+at /);
    }
  });
});
