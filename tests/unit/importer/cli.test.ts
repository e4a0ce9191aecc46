import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check.ts';
import { contentModel } from '../../../src/content.config.ts';
import { cli, fixtures, mended, readTree, root } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Commits a content folder in a repository of its own, as an editor's is, so that --force may replace its files. */
const commit = (dir: string) => {
  const git = (...command: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...command], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'content');
};

describe('npm run import', () => {
  it('imports a report, prints a summary, and the result passes the site checks', async () => {
    const content = join(temp, 'ok');
    const r = cli(
      join(fixtures, 'displaced-after/input.txt'),
      '--report',
      'test-report',
      '--date',
      '2016-05',
      '--content',
      content,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导入：.*test-report（原文编码 UTF-8）\n/);
    expect(r.out).toContain('小标题 3 个');
    expect(r.out).toContain('发言人 5 位');
    expect(r.out).toContain('发言 9 篇');
    expect(r.out).toMatch(/修复排版断裂 2 处：\n {2}- 孙明远.*组成词“实践”.*\n {2}- 郑海波.*组成词“带头”/);
    expect(mended(readTree(join(content, 'reports/test-report')))).toEqual(
      mended(readTree(join(fixtures, 'clean/expected'))),
    );
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
  });

  it('refuses to overwrite without --force and replaces with it', () => {
    const content = join(temp, 'again');
    const args = [
      join(fixtures, 'clean/input.txt'),
      '--report',
      'test-report',
      '--date',
      '2016-05',
      '--content',
      content,
    ];
    expect(cli(...args).code).toBe(0);
    const again = cli(...args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^导入失败：报告 .* 已经存在，没有覆盖。.*--force。\n$/);
    const same = cli(...args, '--force');
    expect(same.code).toBe(0);
    expect(same.out).not.toContain('替换了原有的报告');
    // Edited by hand meanwhile, a photo added: replaced, and said so.
    const folder = join(content, 'reports/test-report');
    const first = readdirSync(join(folder, 'remarks')).sort()[0]!;
    writeFileSync(
      join(folder, 'remarks', first),
      `${readFileSync(join(folder, 'remarks', first), 'utf8')}\n手工加的一段。\n`,
    );
    writeFileSync(join(folder, 'remarks/photo.jpg'), 'x');
    const edited = readTree(folder);
    const shown = (path: string) => relative(root, join(folder, path));
    // Not in git, they could not be given back: refused, and nothing written.
    const refused = cli(...args, '--force');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force 会删除或改写报告里的 2 个文件，而 git 里没有它们现在的样子');
    expect(refused.err).toContain(`  - ${shown('remarks/photo.jpg')}\n`);
    expect(readTree(folder)).toEqual(edited);
    // Committed, they are replaced, and said so with the paths git takes back.
    commit(content);
    const replaced = cli(...args, '--force');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain(
      `替换了原有的报告：删除了新导入里没有的 1 个文件（${shown('remarks/photo.jpg')}）；1 个文件的内容与原来的不同（${shown(`remarks/${first}`)}）。`,
    );
    const back = [shown('remarks/photo.jpg'), shown(`remarks/${first}`)].map((path) => resolve(root, path));
    execFileSync('git', ['checkout', '--', ...back], { cwd: content });
    expect(readTree(folder)).toEqual(edited);
  });

  const empty = join(temp, 'empty.txt');
  const binary = join(temp, 'binary.png');
  writeFileSync(empty, '');
  writeFileSync(
    binary,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  it.each([
    ['an empty file', empty, '文件是空的'],
    ['a binary file', binary, '不是文本文件'],
    ['a missing file', join(temp, 'nowhere.txt'), '文件不存在'],
    ['a folder', temp, '这是一个文件夹'],
    ['structureless text', join(fixtures, 'structureless/input.txt'), '没有报告的结构'],
    ['an unknown role', join(fixtures, 'unknown-role/input.txt'), 'roles.txt'],
  ])('fails on %s with one line in Chinese, no stack trace, nothing written', (_, file, message) => {
    const content = join(temp, 'bad');
    const r = cli(file, '--report', 'test-report', '--date', '2016', '--content', content);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^导入失败：[^\\n]*${message}[^\\n]*\\n$`));
    expect(existsSync(content)).toBe(false);
  });

  it('lists every unresolvable break, one line each, and writes nothing', () => {
    const content = join(temp, 'broken');
    const r = cli(
      join(fixtures, 'unresolvable/input.txt'),
      '--report',
      'test-report',
      '--date',
      '2016',
      '--content',
      content,
    );
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('导入失败：有 2 处排版断裂无法可靠修复，没有写入任何文件：');
    expect(lines.slice(1).every((l) => l.startsWith('  - '))).toBe(true);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(content)).toBe(false);
  });

  it('imports two speakers of one name at two organisations, and the report passes the site checks', async () => {
    const content = join(temp, 'same-name');
    const r = cli(
      join(fixtures, 'same-name/input.txt'),
      '--report',
      'test-report',
      '--date',
      '2016',
      '--content',
      content,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('发言人 2 位');
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
  });

  it('refuses a Big5 text, naming its file and how to save it as UTF-8, and writes nothing', () => {
    const content = join(temp, 'big5');
    const input = join(temp, '繁体原文.txt');
    writeFileSync(
      input,
      iconv.encode(
        Converter({ from: 'cn', to: 'tw' })(readFileSync(join(fixtures, 'clean/input.txt'), 'utf8')),
        'big5',
      ),
    );
    const r = cli(input, '--report', 'test-report', '--date', '2016', '--content', content);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `导入失败：无法识别原文文件 ${input} 的编码：它不是 UTF-8，按 GB18030/GBK 读出来又不像中文（可能是繁体的 Big5 或别的编码），导入程序不猜，没有导入。请用文本编辑器把它另存为 UTF-8（例如在记事本里选“另存为”，“编码”选 UTF-8），再导入。\n`,
    );
    expect(existsSync(content)).toBe(false);
  });

  it('imports a cut after a Markdown character or before a mark that takes its width from the next words', async () => {
    const content = join(temp, 'marks');
    const input = join(temp, 'marks.txt');
    // 3~5 is written 3\~5 in the Markdown; the comma after 85% is half-width at the end of its line, full-width once
    // the line is joined to the next: the record of repairs quotes both as the page reads them.
    const text = readFileSync(join(fixtures, 'clean/input.txt'), 'utf8')
      .replace('引导教师做学生健康成长的引路人。', '每组3~5人,组长负责管\n\n理工作。')
      .replace('占全校学生的85%。', '占全校学生的85%,\n\n较去年有较大提高。');
    writeFileSync(input, text);
    const r = cli(input, '--report', 'test-report', '--date', '2016', '--content', content);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const index = readFileSync(join(content, 'reports/test-report/index.md'), 'utf8');
    expect(index).toContain('after: 每组3~5人，组长负责管');
    expect(index).toContain('after: 次，占全校学生的85%，');
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
  });

  it('removes characters that show nothing, says how many, and the report passes the checks', async () => {
    const content = join(temp, 'invisible');
    const input = join(temp, 'invisible.txt');
    // Zero-width spaces as a PDF leaves them, in a sentence and in a speaker's school.
    const text = readFileSync(join(fixtures, 'clean/input.txt'), 'utf8')
      .replace('学校坚持每周', '学校\u200b坚持每周')
      .replace('(实验中学校长)', '(实验中学\u200b校长)');
    writeFileSync(input, text);
    const r = cli(input, '--report', 'test-report', '--date', '2016-05', '--content', content);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('删除看不见的字符 2 个');
    expect(mended(readTree(join(content, 'reports/test-report')))).toEqual(
      mended(readTree(join(fixtures, 'clean/expected'))),
    );
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
  });

  it("gives a speaker whose pinyin another report's speaker has an address of their own, and one already there the same", async () => {
    const content = join(temp, 'homophone');
    cpSync(join(root, 'tests/fixtures/content/valid/content'), content, { recursive: true });
    const existing = join(content, 'reports/test-report/remarks/1-1-zhang-san.md');
    const before = readFileSync(existing, 'utf8');
    const input = join(temp, 'homophone.txt');
    // 张叁 has the pinyin of the report there's 张三, /speakers/zhang-san/, at the same school.
    writeFileSync(input, readFileSync(join(fixtures, 'clean/input.txt'), 'utf8').replaceAll('孙明远', '张叁'));
    const r = cli(input, '--report', 'new-report', '--date', '2016', '--content', content);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '  发言人张叁（实验中学）的拼音网址 /speakers/zhang-san/ 已是张三（实验中学）的，另设为 /speakers/zhang-san-shiyan-zhongxue/（speakerSlug）。如果其实是同一个人，请把名字和单位写成与那里一样。\n',
    );
    const imported = readTree(join(content, 'reports/new-report/remarks'));
    const zhang = [...imported].filter(([path]) => path.endsWith('zhang-san.md'));
    expect(zhang.length).toBeGreaterThan(0);
    for (const [, text] of zhang) expect(text).toMatch(/\norder: \d+\nspeakerSlug: zhang-san-shiyan-zhongxue\n---\n/);
    // The organisation is the one already there: its address is its own, written nowhere.
    expect([...imported.values()].join('')).not.toContain('schoolSlug');
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
    expect(readFileSync(existing, 'utf8')).toBe(before);

    // Imported again (--force): the addresses the report has stay, though its own pinyin would now be free.
    rmSync(join(content, 'reports/test-report'), { recursive: true });
    expect(cli(input, '--report', 'new-report', '--date', '2016', '--content', content, '--force').code).toBe(0);
    expect(readTree(join(content, 'reports/new-report/remarks'))).toEqual(imported);
    cpSync(join(root, 'tests/fixtures/content/valid/content'), content, { recursive: true });

    // 张三 of the report there, whose address its file gives: the same person, at the same address.
    writeFileSync(existing, before.replace('order: 1\n', 'order: 1\nspeakerSlug: zhang-san-x\n'));
    writeFileSync(input, readFileSync(join(fixtures, 'clean/input.txt'), 'utf8').replaceAll('孙明远', '张三'));
    commit(content);
    const again = cli(input, '--report', 'new-report', '--date', '2016', '--content', content, '--force');
    expect(again.code).toBe(0);
    const same = [...readTree(join(content, 'reports/new-report/remarks'))].filter(([path]) =>
      path.endsWith('zhang-san.md'),
    );
    expect(same.length).toBeGreaterThan(0);
    for (const [, text] of same) expect(text).toContain('\nspeakerSlug: zhang-san-x\n');
    expect((await checkContent(content, contentModel)).problems).toEqual([]);
  });

  it('imports the seed report with no flag, exit 0, listing its joins in doubt under 请核对', () => {
    const content = join(temp, 'seed');
    const r = cli(
      join(fixtures, 'seed/report.txt'),
      '--report',
      '2015-dangjian-zuotanhui',
      '--date',
      '2015',
      '--content',
      content,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /\n请核对 4 处：[^\n]*\n {2}- 编者按（index\.md）：第 5 行[^\n]*第 15 行[^\n]*\n {2}- 王鑫[^\n]*（remarks\/1-2-wang-xin\.md）：第 20 行[^\n]*\n {2}- 王甫[^\n]*第 60 行[^\n]*\n {2}- 左丽君[^\n]*第 64 行[^\n]*\n {2}接错的[^\n]*\n$/,
    );
    expect(readTree(join(content, 'reports/2015-dangjian-zuotanhui'))).toEqual(
      readTree(join(root, 'content/reports/2015-dangjian-zuotanhui')),
    );
  });

  it('imports a break between words with --strict once --join confirms it, saying so in the summary', () => {
    const input = join(fixtures, 'adjacent-confirmed/input.txt');
    const refused = cli(
      input,
      '--strict',
      '--report',
      'test-report',
      '--date',
      '2016-05',
      '--content',
      join(temp, 'unconfirmed'),
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--join "教师开展读书交流活动，" 确认');
    expect(existsSync(join(temp, 'unconfirmed'))).toBe(false);
    const content = join(temp, 'confirmed');
    const r = cli(
      input,
      '--report',
      'test-report',
      '--date',
      '2016-05',
      '--content',
      content,
      '--join',
      '教师开展读书交流活动，',
      '--strict',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/修复排版断裂 1 处：\n {2}- 吴晓燕.*编辑已用 --join 确认。\n/);
    expect(mended(readTree(join(content, 'reports/test-report')))).toEqual(
      mended(readTree(join(fixtures, 'clean/expected'))),
    );
  });

  it.each([
    [
      'matches no cut paragraph',
      'adjacent-confirmed',
      ['--join', '不存在的文字'],
      '--join “不存在的文字” 没有对应的段落',
    ],
    ['matches several', 'ambiguous', ['--join', '管'], '--join “管” 对应 2 段中断的段落'],
    [
      'matches one of two but not the other',
      'adjacent-confirmed',
      ['--join', '读书交流活动，', '--join', '读书心得'],
      '--join “读书心得” 没有对应的段落',
    ],
  ])('fails when a --join %s, with one line in Chinese, nothing written', (_, folder, joins, message) => {
    const content = join(temp, 'badjoin');
    const r = cli(
      join(fixtures, folder, 'input.txt'),
      '--report',
      'test-report',
      '--date',
      '2016',
      '--content',
      content,
      ...joins,
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^导入失败：${message}[^\\n]*\\n$`));
    expect(existsSync(content)).toBe(false);
  });

  it('asks for the date instead of guessing one, for a report name and date it can take and a --join or --name with text, as wrong command lines', () => {
    const input = join(fixtures, 'clean/input.txt');
    for (const [args, message] of [
      [['--report', 'test-report'], '请用 --date 写明报告的日期'],
      [['--report', 'test-report', '--date', '2015年7月'], '日期“2015年7月”请写成 --date 2015-07'],
      [['--report', 'test-report', '--date', '2015年2月30日'], '日期“2015年2月30日”的格式不对，或没有这一天'],
      [['--report', 'Test_Report', '--date', '2015'], '报告名“Test_Report”会成为网址的一部分'],
      // Without text, or only the quote's ellipsis: every cut paragraph ends so.
      [['--report', 'test-report', '--date', '2015', '--join', ''], '--join 后面没有文字：要写的是断开的那段话的结尾'],
      [['--report', 'test-report', '--date', '2015', '--join', ' …'], '--join 后面没有文字'],
      // An empty name would be taken for the start of every line, before the names given with it.
      [['--report', 'test-report', '--date', '2015', '--name', '', '--name', '乌兰其其格'], '--name 后面没有写名字'],
    ] as const) {
      const r = cli(input, ...args, '--content', join(temp, 'nodate'));
      expect(r.code, message).toBe(2);
      expect(r.err).toMatch(new RegExp(`^${message}.*\n用法：npm run import`));
      expect(existsSync(join(temp, 'nodate'))).toBe(false);
    }
  });

  it('explains a wrong command line with the usage, exit code 2', () => {
    for (const args of [[], ['--report', 'x'], ['a.txt'], ['a.txt', '--report', 'x', '--bogus']]) {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('用法：npm run import -- <原文.txt> --report <报告名>');
    }
    expect(readdirSync(temp).some((f) => f === 'reports')).toBe(false);
    expect(cli('a.txt', '--dat', '2015').err).toMatch(/^不认识的选项 --dat。您是否想写 --date？/);
  });
});
