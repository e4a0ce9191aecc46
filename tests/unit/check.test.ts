import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentModel } from '../../src/content.config.ts';
import { checkContent, formatProblems } from '../../src/lib/check.ts';
import {
  applyMarkFixes,
  halfWidthMarks,
  lineSeparators,
  listSpaces,
  paragraphIndents,
} from '../../src/lib/check/fixes.ts';
import { readContent } from '../../src/lib/check/read.ts';
import { examples, expected as expectedOf, fixtures, scenarios } from '../support/fixtures.ts';
import { root } from '../support/sites.ts';

describe('content checks', () => {
  it('find nothing wrong in the seed content and the valid fixture', async () => {
    process.chdir(root);
    expect(formatProblems((await checkContent('content', contentModel)).problems)).toBe('');
    expect(formatProblems((await checkContent('tests/fixtures/content/valid/content', contentModel)).problems)).toBe(
      '',
    );
  });

  it('cover at least ten kinds of mistake', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  it('have fixtures that are no mistake only where they are listed as such, and are there', () => {
    for (const example of examples) {
      expect(existsSync(`${fixtures}${example}/content`), example).toBe(true);
      expect(existsSync(`${fixtures}${example}/expected.json`), example).toBe(false);
    }
  });

  it.each(scenarios)('report %s with its file, line, field and message in Chinese', async (scenario) => {
    process.chdir(root);
    const expected = expectedOf(scenario);
    const problems = (await checkContent(`tests/fixtures/content/${scenario}/content`, contentModel)).problems.filter(
      (p) => p.severity === 'error',
    );
    const match = problems.find((p) => p.file === expected.file && p.message.includes(expected.message));
    expect(match, formatProblems(problems)).toBeDefined();
    expect(match!.line).toBe(expected.line);
    if (expected.field) expect(match!.field).toBe(expected.field);
    // One mistake gives one message, not a cascade.
    expect(
      problems.filter((p) => p.file === expected.file),
      formatProblems(problems),
    ).toHaveLength(1);
  });

  it('says first that a file saved in another encoding is not UTF-8, at the line where it starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-encoding-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const [head, tail] = readFileSync(file, 'utf8').split('一幼');
    // 一幼 as Windows Notepad's "ANSI" (GBK) writes it.
    writeFileSync(file, Buffer.concat([Buffer.from(head!), Buffer.from([0xd2, 0xbb, 0xd3, 0xd7]), Buffer.from(tail!)]));
    const { problems } = await checkContent(dir, contentModel);
    const first = problems.find((p) => p.file.endsWith('2-1-li-si.md'));
    expect(first, formatProblems(problems)).toMatchObject({ line: 3, severity: 'error' });
    expect(first!.message).toContain('不是 UTF-8 编码');
    rmSync(dir, { recursive: true });
  });

  it('says that a file saved as UTF-16 is, and reads it so, with no mistake it does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-encoding-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    // As Windows Notepad saves it with the encoding "Unicode": a byte order mark, then UTF-16 little-endian.
    writeFileSync(file, Buffer.from(`\ufeff${readFileSync(file, 'utf8')}`, 'utf16le'));
    const { problems } = await checkContent(dir, contentModel);
    expect(problems, formatProblems(problems)).toMatchObject([{ line: 1, severity: 'error' }]);
    expect(problems[0]!.message).toContain('UTF-16 编码');
    rmSync(dir, { recursive: true });
  });

  it('refuses a remark whose extension is nearly .md, naming the file to rename it to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-extension-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const remarks = join(dir, 'reports/test-report/remarks');
    const text = readFileSync(join(remarks, '2-1-li-si.md'), 'utf8').replace('order: 1', 'order: 2');
    writeFileSync(join(remarks, '2-2-wang-wu.MD'), text.replace('李四', '王五'));
    writeFileSync(join(remarks, '2-3-zhao-liu.md.txt'), text.replace('李四', '赵六').replace('order: 2', 'order: 3'));
    writeFileSync(join(remarks, '2-4-qian-qi.markdown'), text.replace('李四', '钱七').replace('order: 2', 'order: 4'));
    writeFileSync(join(remarks, '2-5-sun-ba.txt'), text.replace('李四', '孙八').replace('order: 2', 'order: 5'));
    // A text that is no remark, such as the raw text a report was imported from, is only said to be left out.
    writeFileSync(join(dir, 'reports/test-report/yuanwen.txt'), '测试报告\n');
    const { problems } = await checkContent(dir, contentModel);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message).sort()).toEqual([
      '文件名的扩展名写成了「.MD」，这个文件不会被发布。请把它改名为 2-2-wang-wu.md。',
      '文件名的扩展名写成了「.markdown」，这个文件不会被发布。请把它改名为 2-4-qian-qi.md。',
      '文件名的扩展名写成了「.md.txt」，这个文件不会被发布。请把它改名为 2-3-zhao-liu.md。',
      '文件名的扩展名写成了「.txt」，这个文件不会被发布。请把它改名为 2-5-sun-ba.md。',
    ]);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.file.replace(/.*\//, ''))).toEqual([
      'yuanwen.txt',
    ]);
    rmSync(dir, { recursive: true });
  });

  it('says where a misplaced remark goes, and a report file named in capitals, naming the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-place-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const report = join(dir, 'reports/test-report');
    renameSync(join(report, 'index.md'), join(report, 'Index.md'));
    renameSync(join(report, 'remarks/1-1-zhang-san.md'), join(report, '1-1-zhang-san.md'));
    mkdirSync(join(report, 'remark'));
    renameSync(join(report, 'remarks/2-1-li-si.md'), join(report, 'remark/2-1-li-si.md'));
    const remarks = `${relative(process.cwd(), join(report, 'remarks'))}/`;
    const errors = (await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.file.replace(/^.*\/test-report\//, ''), p.message])).toEqual([
      [
        '1-1-zhang-san.md',
        `这个文件不会被发布。发言的文件要放在报告文件夹里的 remarks 文件夹中：请把它移到 ${remarks}。`,
      ],
      ['Index.md', '这个文件不会被发布。报告的文件名要全用小写：请把它改名为 index.md。'],
      [
        'remark/2-1-li-si.md',
        `这个文件不会被发布。发言的文件夹要叫 remarks（小写英文），这里是「remark」：请把文件夹改名为 remarks，或把文件移到 ${remarks}。`,
      ],
    ]);
    rmSync(dir, { recursive: true });
  });

  it('does not tell the record of repairs that a remark is missing when it is there but invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-repairs-'));
    cpSync(`${root}content`, dir, { recursive: true });
    const file = join(dir, 'reports/2015-dangjian-zuotanhui/remarks/1-2-wang-xin.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('speaker: ', 'speaker：'));
    const errors = (await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'error');
    expect(
      errors.map((p) => p.file.replace(/.*\/reports\//, '')),
      formatProblems(errors),
    ).toEqual(['2015-dangjian-zuotanhui/remarks/1-2-wang-xin.md']);
    rmSync(dir, { recursive: true });
  });

  it('says first that a file is misnamed, before what its name as it stands makes wrong elsewhere', async () => {
    process.chdir(root);
    const dir = 'tests/fixtures/content/misnamed-in-record/content';
    const errors = (await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'error');
    expect(
      errors.map((p) => [p.file.replace(/.*\/test-report\//, ''), p.message.split('，')[0]]),
      formatProblems(errors),
    ).toEqual([
      ['remarks/2-1 李四.md', '文件名「2-1 李四」会成为这篇发言在报告页上的锚点（网址 # 后面的部分）'],
      ['index.md', '校勘记提到的发言「2-1-li-si」不在报告 test-report 中：请写 remarks 文件夹里的文件名（不含 .md）'],
    ]);
  });

  it('reports an invalid index.md once, and not its remarks as lacking one', async () => {
    process.chdir(root);
    const { problems } = await checkContent('tests/fixtures/content/bad-report/content', contentModel);
    expect(
      problems.map((p) => p.file),
      formatProblems(problems),
    ).toEqual(['tests/fixtures/content/bad-report/content/reports/test-report/index.md']);
  });

  it('says where a heading differs from the one meant only in a space that looks the same', async () => {
    const heading = async (edit: (dir: string) => void) => {
      const dir = mkdtempSync(join(tmpdir(), 'check-space-'));
      cpSync(`${fixtures}valid/content`, dir, { recursive: true });
      edit(dir);
      const { problems } = await checkContent(dir, contentModel);
      rmSync(dir, { recursive: true });
      return problems.map((p) => [
        p.file.replace(/^.*\//, ''),
        p.line,
        p.message.replace(/^.*小标题。|该报告.*$/g, ''),
      ]);
    };
    const change = (dir: string, file: string, from: string, to: string) =>
      writeFileSync(`${dir}/${file}`, readFileSync(`${dir}/${file}`, 'utf8').replace(from, to));
    const remark = 'reports/test-report/remarks/2-1-li-si.md';
    expect(await heading((dir) => change(dir, remark, '第二部分 服务', '第二部分\u00a0服务'))).toEqual([
      [
        '2-1-li-si.md',
        5,
        '它和小标题「第二部分 服务」只差在空格上：这里用了不换行空格（U+00A0，常从 Word 复制而来），请删去它，打一个普通的英文空格。',
      ],
    ]);
    expect(
      await heading((dir) =>
        change(dir, 'reports/test-report/index.md', '  - 第二部分 服务', '  - 第二部分\u00a0服务'),
      ),
    ).toEqual([
      [
        '2-1-li-si.md',
        5,
        expect.stringMatching(/^它和小标题「第二部分\u00a0服务」只差在空格上：\S*index\.md 第 6 行用了不换行空格/),
      ],
    ]);
  });

  it('suggests a heading only when it is close to what was written, and names the report a heading is of', async () => {
    const hint = async (section: string, dir = `${fixtures}two-reports/content`) => {
      const copy = mkdtempSync(join(tmpdir(), 'check-heading-'));
      cpSync(dir, copy, { recursive: true });
      const file = `${copy}/reports/test-report/remarks/2-1-li-si.md`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('section: 第二部分 服务', `section: ${section}`));
      const { problems } = await checkContent(copy, contentModel);
      rmSync(copy, { recursive: true });
      return problems.map((p) => p.message.replace(/^.*test-report 的小标题。|该报告.*$/g, ''));
    };
    expect(await hint('第二部分 服物')).toEqual(['您是否想写「第二部分 服务」？']);
    expect(await hint('第貳部份 服務')).toEqual(['您是否想写「第二部分 服务」？']);
    expect(await hint('服务')).toEqual(['您是否想写「第二部分 服务」？']);
    // Part of both headings: no one of them is meant.
    expect(await hint('部分')).toEqual(['请照下面的一个小标题一字不差地抄写。']);
    expect(await hint('總結與展望')).toEqual(['请照下面的一个小标题一字不差地抄写。']);
    expect(await hint('第三部分 总结')).toEqual([
      '它是报告 2016-second 的小标题：这篇发言是不是放错了文件夹？如果它属于报告 test-report，请照下面的一个小标题一字不差地抄写。',
    ]);
  });

  it("lists the report's headings when a heading is unknown", async () => {
    process.chdir(root);
    const {
      problems: [problem],
    } = await checkContent('tests/fixtures/content/unknown-section/content', contentModel);
    expect(problem!.message).toContain('1.「第一部分 学习」 2.「第二部分 服务」');
  });
});

describe('one person, one organisation, one page', () => {
  /** The valid fixture with a second remark of 张三 of 实验中学, its frontmatter `front`, and the first one changed by
   * `edit`: the file, line and message of each problem. */
  async function withSecond(front: string, edit = (t: string) => t) {
    const dir = mkdtempSync(join(tmpdir(), 'one-page-'));
    try {
      cpSync(`${fixtures}valid/content`, dir, { recursive: true });
      const folder = `${dir}/reports/test-report/remarks/`;
      writeFileSync(`${folder}1-1-zhang-san.md`, edit(readFileSync(`${folder}1-1-zhang-san.md`, 'utf8')));
      writeFileSync(
        `${folder}1-2-zhang-san.md`,
        `---\n${front}\nrole: 校长\nsection: 第一部分 学习\norder: 2\n---\n\n又一篇。\n`,
      );
      const { problems } = await checkContent(dir, contentModel);
      return problems.map((p) => ({ file: p.file.replace(/^.*\//, ''), line: p.line, message: p.message }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('accepts every remark of a speaker at one address', async () => {
    expect(await withSecond('speaker: 张三\nschool: 实验中学')).toEqual([]);
    const slug = (t: string) => t.replace('school: 实验中学\n', 'school: 实验中学\nspeakerSlug: zhang-san-x\n');
    expect(await withSecond('speaker: 张三\nschool: 实验中学\nspeakerSlug: zhang-san-x', slug)).toEqual([]);
  });

  it('refuses a name or an organisation written another way (a full-width space, another dot)', async () => {
    const [speaker, ...more] = await withSecond('speaker: 张\u3000三\nschool: 实验中学');
    expect(more).toEqual([]);
    expect(speaker).toMatchObject({ file: '1-2-zhang-san.md', line: 2 });
    expect(speaker!.message).toMatch(
      /^发言人「张\u3000三（实验中学）」和 .*1-1-zhang-san\.md 里的「张三（实验中学）」只是写法不同/,
    );
    const [school, ...others] = await withSecond('speaker: 张三\nschool: 实验中学 ', (t) =>
      t.replace('实验中学', '实验．中学'),
    );
    expect(others).toEqual([]);
    expect(school).toMatchObject({ file: '1-2-zhang-san.md', line: 3 });
    expect(school!.message).toMatch(/^单位「实验中学」和 .*1-1-zhang-san\.md 里的「实验．中学」只是写法不同/);
    const [zero] = await withSecond('speaker: 张三\nschool: 第二〇中学', (t) => t.replace('实验中学', '第二○中学'));
    expect(zero!.message).toMatch(/^单位「第二〇中学」和 .*里的「第二○中学」只是写法不同/);
  });

  it('takes one name at two organisations in one report for a typo, and says how two people keep their addresses', async () => {
    const problems = await withSecond('speaker: 张三\nschool: 二中');
    const typo = problems.find((p) => p.message.startsWith('同一报告中 张三 的单位不一致'));
    expect(typo).toMatchObject({ file: '1-2-zhang-san.md', line: 3 });
    expect(typo!.message).toContain(
      '请给新来的那一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: zhang-san-erzhong），已发布的那一位不用改',
    );
    // Done so (npm run new does it), the two are two people, each at an address of their own; the one there keeps his.
    expect(await withSecond('speaker: 张三\nschool: 二中\nspeakerSlug: zhang-san-erzhong')).toEqual([]);
  });

  it('takes two names of one organisation at one address for one person, at the line of the one to change', async () => {
    const [problem, ...more] = await withSecond('speaker: 章三\nschool: 实验中学');
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: '1-2-zhang-san.md', line: 2 });
    expect(problem!.message).toMatch(
      /^发言人「章三」和 .*1-1-zhang-san\.md 第 2 行的「张三」都在实验中学，网址名都是 zhang-san，多半是同一个人的名字写成了两样。请核对原文：是同一个人，就把这里的姓名照「张三」一字不差地改过来；确是两个人，就给这一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: zhang-san-2）。$/,
    );
    // The name most of his remarks give is the one to copy, wherever it is.
    const dir = mkdtempSync(join(tmpdir(), 'one-person-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const first = `${dir}/reports/test-report/remarks/1-1-zhang-san.md`;
    const text = readFileSync(first, 'utf8');
    writeFileSync(first, text.replace('speaker: 张三', 'speaker: 章三'));
    for (const order of [2, 3])
      writeFileSync(first.replace('1-1', `1-${order}`), text.replace('order: 1', `order: ${order}`));
    const { problems } = await checkContent(dir, contentModel);
    rmSync(dir, { recursive: true });
    expect(problems.map((p) => [p.file.replace(/^.*\//, ''), p.line, p.message])).toEqual([
      ['1-1-zhang-san.md', 2, expect.stringMatching(/^发言人「章三」和 .*1-2-zhang-san\.md 第 2 行的「张三」/)],
    ]);
    expect(problems[0]!.message).toContain('（有 2 篇发言这样写）');
  });

  it('tells apart names that differ by a character of the private use area (造字)', async () => {
    const first = (t: string) => t.replace('speaker: 张三', 'speaker: 李\uE000明');
    const problems = await withSecond('speaker: 李\uE001明\nschool: 实验中学\nspeakerSlug: li-ming-2', first);
    expect(problems.filter((p) => p.message.includes('只是写法不同'))).toEqual([]);
  });

  it("refuses a speaker's remarks at two addresses, at the line that differs", async () => {
    const [problem, ...more] = await withSecond('speaker: 张三\nschool: 实验中学\nspeakerSlug: zhang-san-2016');
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: '1-2-zhang-san.md', line: 4 });
    expect(problem!.message).toMatch(
      /^发言人 张三（实验中学）的网址名不一致：这里是 zhang-san-2016，.*1-1-zhang-san\.md 里是 zhang-san，网站用的是后者。.*要保持现在的网址，请删去这里的 speakerSlug；/,
    );
    // The file the site takes gives one: the others are told to write it.
    const given = (t: string) => t.replace('school: 实验中学\n', 'school: 实验中学\nspeakerSlug: zhang-san-x\n');
    const [missing] = await withSecond('speaker: 张三\nschool: 实验中学', given);
    expect(missing!.message).toContain('要保持现在的网址，请在这里写 speakerSlug: zhang-san-x；');
  });
});

describe('the record of repairs (校勘记)', () => {
  const RECORD = `repairs:
  punctuation: 2
  joins:
    - remark: 1-1-zhang-san
      after: 认真学习，
    - remark: note
      after: 这是编者按
  intros:
    - remark: 2-1-li-si
      from: 第一部分 学习
---`;
  /** The valid fixture with a record of repairs, changed by `edit`: its problems. `before` changes the folder first. */
  async function withRecord(edit: (record: string) => string, before?: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'repairs-'));
    try {
      cpSync(`${fixtures}valid/content`, dir, { recursive: true });
      before?.(dir);
      const index = `${dir}/reports/test-report/index.md`;
      const text = readFileSync(index, 'utf8');
      const close = text.indexOf('\n---\n', 4);
      writeFileSync(index, text.slice(0, close + 1) + edit(RECORD) + text.slice(close + 4));
      return (await checkContent(dir, contentModel)).problems;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('accepts a record whose remarks, quoted ends and headings are all there', async () => {
    expect(formatProblems(await withRecord((r) => r))).toBe('');
  });

  it('says nothing of a remark whose body cannot be read: its own mistake is said where it is', async () => {
    const problems = await withRecord(
      (r) => r,
      (dir) => {
        const remark = `${dir}/reports/test-report/remarks/1-1-zhang-san`;
        writeFileSync(`${remark}.mdx`, `${readFileSync(`${remark}.md`, 'utf8')}\n<Figure src=“./a.jpg” alt="" />\n`);
        rmSync(`${remark}.md`);
      },
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.field === 'repairs')).toEqual([]);
  });

  it('names a misspelt key inside it at its own line, among the keys it may have', async () => {
    const problems = await withRecord((r) => r.replace('      after: 这是编者按', '      aftr: 这是编者按'));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [12, 'repairs', '校勘记（字段 repairs）的这一项缺少 after：校勘记中断开处前半段的结尾必须是一段文字。'],
      [
        13,
        'repairs',
        '校勘记（字段 repairs）里没有 aftr 这一项。您是否想写 after？这里可用的是：remark、after、from。',
      ],
    ]);
  });

  it.each([3, 4, 5])(
    "says a field of an item indented by %i, less than the item's first, at its line, with the spaces it needs",
    async (spaces) => {
      const problems = await withRecord((r) =>
        r.replace('      after: 认真学习，', `${' '.repeat(spaces)}after: 认真学习，`),
      );
      expect(problems.map((p) => [p.line, p.message])).toEqual([
        [
          11,
          `这一行的字段名没有和上面这一项的 remark 对齐（「${' '.repeat(spaces)}after: 认真学习，」）。列表里一项的各个字段要上下对齐：请让字段名前面正好有 6 个空格。`,
        ],
      ]);
    },
  );

  it('says a wrong value inside it, and an empty heading, at its line', async () => {
    const problems = await withRecord((r) =>
      r
        .replace('      after: 这是编者按', '      after: 2016')
        .replace('  intros:', '  intros:\n    - remark: 2-1-li-si\n      from: ""'),
    );
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [13, 'repairs', '校勘记中断开处前半段的结尾必须是一段文字（字段 repairs，校勘记）。'],
      [16, 'repairs', '校勘记中写明单位职务的小标题是空的，请填写（字段 repairs，校勘记）。'],
    ]);
  });

  it("says a heading's address written wrong at its line, with an address of a heading as its example", async () => {
    const problems = await withRecord((r) => r.replace('---', 'sectionSlugs:\n  第二部分 服务: Fuwu\n---'));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        18,
        'sectionSlugs',
        '小标题的网址名只能用小写英文字母、数字和连字符（例如 fahui-longtou-zuoyong）（字段 sectionSlugs，小标题的网址名）。',
      ],
    ]);
  });

  it('has sectionSlugs name only headings of its report, at the line of the one that is not', async () => {
    const problems = await withRecord((r) =>
      r.replace('---', 'sectionSlugs:\n  第一部分 学习: xuexi\n  第二部分 服物: fuwu\n---'),
    );
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        19,
        'sectionSlugs',
        'sectionSlugs 里的「第二部分 服物」不是报告 test-report 的小标题，它的网址名用不上。您是否想写「第二部分 服务」？请照 sections 中的写法抄写。',
      ],
    ]);
  });

  it('finds a quoted end whatever the width of its marks, as --fix leaves the record and not the body', async () => {
    expect(formatProblems(await withRecord((r) => r.replace('after: 认真学习，', 'after: 认真学习,')))).toBe('');
    expect(formatProblems(await withRecord((r) => r.replace('after: 认真学习，', 'after: 认真思考,')))).toContain(
      '校勘记说「认真思考,」处的断开已接上',
    );
  });

  it('finds a quoted end past an invisible character in the body, which is said once, where it is', async () => {
    const problems = await withRecord(
      (r) => r,
      (dir) => {
        const remark = `${dir}/reports/test-report/remarks/1-1-zhang-san.md`;
        writeFileSync(remark, readFileSync(remark, 'utf8').replace('认真学习', '认真\u00ad学习'));
      },
    );
    expect(problems.map((p) => [p.file.split('/').at(-1), p.message.split('（')[0]])).toEqual([
      ['1-1-zhang-san.md', '正文里有 1 个看不见的字符'],
    ]);
  });

  it('names only remarks and headings of its own report, each at its line', async () => {
    const problems = await withRecord((r) =>
      r.replace('remark: 1-1-zhang-san', 'remark: 9-9-nobody').replace('from: 第一部分 学习', 'from: 第三部分 不存在'),
    );
    expect(problems.map((p) => [p.line, p.field, p.message.split('」')[0]])).toEqual([
      [10, 'repairs', '校勘记提到的发言「9-9-nobody'],
      [16, 'repairs', '校勘记提到的小标题「第三部分 不存在'],
    ]);
  });
});

describe('a list item pasted with a special space after its marker', () => {
  it('is said at its line, and --fix makes the space plain, so that the item is one', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-list-'));
    cpSync(`${fixtures}list-special-space/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) =>
      f.file.endsWith('2-1-li-si.md'),
    )!;
    const fixes = listSpaces(parsed);
    expect(fixes.map((f) => [f.line, f.column, f.to])).toEqual([[12, 2, ' ']]);
    writeFileSync(file, applyMarkFixes(parsed.source, fixes));
    expect(readFileSync(file, 'utf8')).toContain('- 学习理论\n- 走访家庭');
    expect(formatProblems((await checkContent(dir, contentModel)).problems)).toBe('');
    rmSync(dir, { recursive: true });
  });

  it("keeps a numbered item's ) half-width, and takes no year for an item", async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-list-'));
    cpSync(`${fixtures}list-special-space/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const head = readFileSync(file, 'utf8').split('\n\n')[0]!;
    writeFileSync(file, `${head}\n\n2015.\u00a0年，我们召开了会议。\n\n1)\u00a0第一项\n2)\u00a0第二项\n`);
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) =>
      f.file.endsWith('2-1-li-si.md'),
    )!;
    const fixes = [...halfWidthMarks(parsed), ...listSpaces(parsed)];
    expect(fixes.map((f) => [f.line, f.from])).toEqual([
      [11, '\u00a0'],
      [12, '\u00a0'],
    ]);
    writeFileSync(file, applyMarkFixes(parsed.source, fixes));
    expect(readFileSync(file, 'utf8')).toContain('2015.\u00a0年，我们召开了会议。\n\n1) 第一项\n2) 第二项\n');
    expect(formatProblems((await checkContent(dir, contentModel)).problems)).toBe('');
    rmSync(dir, { recursive: true });
  });
});

describe('a line or paragraph separator pasted from Word or a PDF', () => {
  it('is refused in the frontmatter too, and --fix makes it the line break it stands for, or removes it', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-separator-'));
    cpSync(`${fixtures}line-separator/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('speaker: 李四', 'speaker: 李\u2028四'));
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.line, p.column, p.message.split('（如')[0]])).toEqual([
      [2, 11, 'frontmatter 里有 1 个看不见的换行符'],
      [9, 11, '正文里有 2 个看不见的换行符'],
    ]);
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) => f.file.endsWith('li-si.md'))!;
    writeFileSync(file, applyMarkFixes(parsed.source, lineSeparators(parsed)));
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toContain('speaker: 李四\n');
    expect(fixed).toContain('凝聚人心。\n活动结束后，大家一起收拾了操场。\n\n孩子们都很高兴。');
    expect(formatProblems((await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'error'))).toBe(
      '',
    );
    rmSync(dir, { recursive: true });
  });
});

describe("a Markdown image's title", () => {
  it('is refused, as the page has no place for it, with the <Figure> whose caption it would be', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-image-title-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const remarks = join(dir, 'reports/test-report/remarks');
    cpSync(`${fixtures}photo/content/reports/test-report/remarks/huodong.jpg`, join(remarks, 'huodong.jpg'));
    const head = readFileSync(join(remarks, '2-1-li-si.md'), 'utf8').split('\n\n')[0]!;
    const body = '![做游戏](./huodong.jpg "户外活动")\n\n![操场][p]\n\n[p]: ./huodong.jpg "收拾操场"\n';
    writeFileSync(join(remarks, '2-1-li-si.md'), `${head}\n\n${body}`);
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      [
        'error',
        9,
        '图片「./huodong.jpg」后面引号里的「户外活动」不会显示在页面上。要给照片加图注，请把文件的扩展名改为 .mdx，写成 <Figure src="./huodong.jpg" alt="做游戏" caption="户外活动" />；不要图注，就删去引号和里面的文字。',
      ],
      ['error', 13, expect.stringContaining('「收拾操场」不会显示在页面上')],
    ]);
    rmSync(dir, { recursive: true });
  });
});

describe('a photo named in another letter case than its file', () => {
  it('is said as that, with the name to write, and its file not as one no remark shows', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-photo-case-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const remarks = join(dir, 'reports/test-report/remarks');
    cpSync(`${fixtures}photo/content/reports/test-report/remarks/huodong.jpg`, join(remarks, 'huodong.jpg'));
    const head = readFileSync(join(remarks, '2-1-li-si.md'), 'utf8').split('\n\n')[0]!;
    writeFileSync(join(remarks, '2-1-li-si.md'), `${head}\n\n![做游戏](./HuoDong.JPG)\n`);
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      [
        'error',
        9,
        '找不到图片文件「./HuoDong.JPG」：文件夹里的文件是「huodong.jpg」，只是英文字母的大小写不同。Windows 和苹果电脑不分大小写，生成网站的服务器却分，在那里找不到这张照片。请把这里改成 ./huodong.jpg。',
      ],
    ]);
    rmSync(dir, { recursive: true });
  });
});

describe('a paragraph indented with full-width spaces, as Chinese typists indent one', () => {
  it('is a warning, and --fix removes the spaces at the start of each line of a paragraph, and only there', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-indent-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const head = readFileSync(file, 'utf8').split('\n\n')[0]!;
    const body = [
      '\u3000\u3000第一段，有\u3000空格。',
      '\u00a0\u00a0第二段。',
      '> \u3000\u3000引用',
      '- \u3000\u3000一项',
    ];
    writeFileSync(file, `${head}\n\n${body.join('\n\n')}\n`);
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message.split('（')[0]])).toEqual([
      ['warning', 9, 1, '正文里有 4 行以全角空格或不换行空格开头'],
    ]);
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) => f.file.endsWith('li-si.md'))!;
    writeFileSync(file, applyMarkFixes(parsed.source, paragraphIndents(parsed)));
    expect(readFileSync(file, 'utf8')).toBe(`${head}\n\n第一段，有\u3000空格。\n\n第二段。\n\n> 引用\n\n- 一项\n`);
    rmSync(dir, { recursive: true });
  });
});

describe('lines with no blank line between them', () => {
  it('are a warning at the first line joined, in any paragraph, but not after a line break Markdown keeps', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-run-on-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const head = readFileSync(file, 'utf8').split('\n\n')[0]!;
    const body = [
      '三件事：\n• 学习理论\n• 走访家庭',
      '接着写完。  \n硬换行。\\\n又一行。',
      '- 一项\n- 二项',
      '> 引用\n> 第二行',
    ];
    writeFileSync(file, `${head}\n\n${body.join('\n\n')}\n`);
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.severity, p.line, p.message.split('，网页上')[0]])).toEqual([
      ['warning', 10, '「• 学习理论」和上一行之间没有空行'],
      ['warning', 21, '「第二行」和上一行之间没有空行'],
    ]);
    expect(problems[0]!.message).toContain('（这一段还有 1 行也是这样）');
    rmSync(dir, { recursive: true });
  });

  it('are said as a table where they are one, which the site does not show as a table', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-table-'));
    cpSync(`${fixtures}valid/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.md');
    const head = readFileSync(file, 'utf8').split('\n\n')[0]!;
    // A pipe in a sentence, and a rule of dashes under it, are no table.
    const body = ['甲 | 乙\n---', '开展活动。', '| 项目 | 人数 |\n| --- | --- |\n| 党员 | 12 |'];
    writeFileSync(file, `${head}\n\n${body.join('\n\n')}\n`);
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.map((p) => [p.severity, p.line, p.message.split('：')[0]])).toEqual([
      ['error', 9, expect.stringContaining('写成了标题')],
      ['warning', 14, '第 14 行起像是一张表格（用竖线 | 分栏，下一行是 --- 分隔行）'],
    ]);
    rmSync(dir, { recursive: true });
  });
});

describe("a line separator in a <Figure>'s caption", () => {
  it('is removed by --fix, as a line break there would be printed as a space', async () => {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-separator-'));
    cpSync(`${fixtures}photo/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/2-1-li-si.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('李四带领', '李四\u2028带领'));
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) =>
      f.file.endsWith('li-si.mdx'),
    )!;
    expect(lineSeparators(parsed).map((f) => f.to)).toEqual(['']);
    rmSync(dir, { recursive: true });
  });
});

describe('half-width punctuation', () => {
  it('is a warning with its line, and --fix makes it full-width in Chinese text only', async () => {
    process.chdir(root);
    const dir = 'tests/fixtures/content/half-width/content';
    const { problems } = await checkContent(dir, contentModel);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [warning] = problems.filter((p) => p.severity === 'warning');
    expect(warning).toMatchObject({ file: `${dir}/reports/test-report/remarks/2-1-li-si.md`, line: 9, column: 5 });
    expect(warning!.message).toContain('npm run check -- --fix');

    const { files } = await readContent(dir, contentModel);
    const parsed = files.get(warning!.file)!;
    const fixed = applyMarkFixes(parsed.source, halfWidthMarks(parsed));
    expect(fixed).toContain('开展活动，凝聚人心；坚持“三个经常”（思想经常见面）。');
    expect(fixed).toContain('有2-3名教师，40%的家长参加，time: 7:30。');
    expect(fixed.split('---')[1]).toBe(parsed.source.split('---')[1]);
  });

  it('is left alone in a web address, an autolink and code, and --fix changes only the prose around them', async () => {
    process.chdir(root);
    const dir = 'tests/fixtures/content/url-marks/content';
    const { files } = await readContent(dir, contentModel);
    const parsed = files.get(`${dir}/reports/test-report/remarks/2-1-li-si.md`)!;
    expect(applyMarkFixes(parsed.source, halfWidthMarks(parsed))).toBe(
      parsed.source.replace('中国)>,代码', '中国)>，代码'),
    );
  });

  it('is left alone in the brackets of a link written with a space before its (, which --fix would break', async () => {
    process.chdir(root);
    const dir = 'tests/fixtures/content/link-space/content';
    const { files } = await readContent(dir, contentModel);
    const parsed = files.get(`${dir}/reports/test-report/remarks/2-1-li-si.md`)!;
    expect(applyMarkFixes(parsed.source, halfWidthMarks(parsed))).toBe(
      parsed.source.replace('example.org/),欢迎', 'example.org/)，欢迎'),
    );
  });

  /** The photo fixture's remark with `body`, the photo also saved as 活动,一.jpg: the remark's problems, its text, and
   * its text fixed. */
  async function photoBody(body: string) {
    process.chdir(root);
    const dir = mkdtempSync(join(tmpdir(), 'check-caption-'));
    cpSync(`${fixtures}photo/content`, dir, { recursive: true });
    const remarks = join(dir, 'reports/test-report/remarks');
    cpSync(join(remarks, 'huodong.jpg'), join(remarks, '活动,一.jpg'));
    const file = join(remarks, '2-1-li-si.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n\n')[0]!}\n\n${body}\n`);
    const { problems } = await checkContent(dir, contentModel);
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) =>
      f.file.endsWith('li-si.mdx'),
    )!;
    rmSync(dir, { recursive: true });
    return {
      problems: problems.filter((p) => p.file.endsWith('li-si.mdx')),
      source: parsed.source,
      fixed: applyMarkFixes(parsed.source, halfWidthMarks(parsed)),
    };
  }

  it("is a warning in a photo's caption, at its line, as it is published text, named as the photo's words", async () => {
    const { problems } = await photoBody(
      '开展活动。\n\n<Figure src="./huodong.jpg" alt="孩子们在做游戏" caption="学生们在操场上,参加升旗仪式" />',
    );
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message.split('，中文')[0]])).toEqual([
      ['warning', 11, 59, '图片说明中有 1 个半角标点（如第 11 行的「,」）'],
    ]);
  });

  it('names where its first mark is, the body or the words of a photo, when there are marks in both', async () => {
    const caption = '<Figure src="./huodong.jpg" alt="孩子们在做游戏" caption="学生们在操场上,参加升旗仪式" />';
    const said = async (body: string) =>
      (await photoBody(body)).problems.map((p) => [p.line, p.column, p.message.split('，中文')[0]]);
    expect(await said(`开展活动,凝聚人心。\n\n${caption}`)).toEqual([
      [9, 5, '正文和图片说明中有 2 个半角标点（如第 9 行的「,」）'],
    ]);
    expect(await said(`${caption}\n\n开展活动,凝聚人心。`)).toEqual([
      [9, 59, '正文和图片说明中有 2 个半角标点（如第 9 行图片说明中的「,」）'],
    ]);
    expect(await said('![学生们在操场上,参加升旗仪式](./huodong.jpg)')).toEqual([
      [9, 10, '图片说明中有 1 个半角标点（如第 9 行的「,」）'],
    ]);
    expect(await said('开展活动,凝聚人心。')).toEqual([[9, 5, '正文中有 1 个半角标点（如第 9 行的「,」）']]);
  });

  it("is made full-width by --fix in a caption and a photo's description, only inside the quotes", async () => {
    const body = [
      '<Figure src="./活动,一.jpg" alt="学生(前排)在操场上" caption="学生们在操场上,参加升旗仪式:全体肃立" />',
      "<Figure\n  src='./huodong.jpg'\n  alt='他说\"好,老师\"'\n  caption =\n    '升旗;仪式'\n/>",
      '![学生们在操场上,参加升旗仪式](./huodong.jpg)',
    ].join('\n\n');
    const { problems, source, fixed } = await photoBody(body);
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
    expect(fixed).toBe(
      source.replace(
        body,
        [
          '<Figure src="./活动,一.jpg" alt="学生（前排）在操场上" caption="学生们在操场上，参加升旗仪式：全体肃立" />',
          "<Figure\n  src='./huodong.jpg'\n  alt='他说\"好，老师\"'\n  caption =\n    '升旗；仪式'\n/>",
          '![学生们在操场上，参加升旗仪式](./huodong.jpg)',
        ].join('\n\n'),
      ),
    );
  });

  it("is found on a line begun by a quotation's > or an item's indent, or after a line ended by a space", async () => {
    const body = ['> 校长说,大家\n> 都笑了,好。', '- 第一条,要点\n  接着写,完。', '行末有一个空格, \n下一行,好。'].join(
      '\n\n',
    );
    const { problems, source, fixed } = await photoBody(body);
    expect(
      problems.filter((p) => p.message.includes('半角')).map((p) => [p.line, p.column, p.message.split('，中文')[0]]),
    ).toEqual([[9, 6, '正文中有 6 个半角标点（如第 9 行的「,」）']]);
    expect(fixed).toBe(source.replace(body, body.replaceAll(',', '，')));
  });

  it('is left alone in an English caption and description', async () => {
    const body = [
      '<Figure src="./huodong.jpg" alt="Hello, world (2015)" caption="Hello, world" />',
      '![Hello, world](./huodong.jpg)',
    ].join('\n\n');
    const { problems, source, fixed } = await photoBody(body);
    expect(problems).toEqual([]);
    expect(fixed).toBe(source);
  });

  it('is found beside a character reference or an escape, or written as one, and --fix widens only the marks', async () => {
    const body = [
      '校长说&quot;好&quot;,大家 &amp; 老师都笑了\\(全体\\)。',
      '<Figure src="./huodong.jpg" alt="他说&quot;好&quot;,老师" caption="升旗&amp;仪式&#44;全体" />',
      '![升旗&amp;仪式,全体](./huodong.jpg)',
    ].join('\n\n');
    const { problems, source, fixed } = await photoBody(body);
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message.split('，中文')[0]])).toEqual([
      ['warning', 9, 17, '正文和图片说明中有 6 个半角标点（如第 9 行的「,」）'],
    ]);
    expect(fixed).toBe(
      source.replace(
        body,
        [
          '校长说&quot;好&quot;，大家 &amp; 老师都笑了（全体）。',
          '<Figure src="./huodong.jpg" alt="他说&quot;好&quot;，老师" caption="升旗&amp;仪式，全体" />',
          '![升旗&amp;仪式，全体](./huodong.jpg)',
        ].join('\n\n'),
      ),
    );
  });

  it('is left alone in a file whose frontmatter is not closed, whose fields --fix would otherwise change', async () => {
    process.chdir(root);
    const dir = 'tests/fixtures/content/unclosed-frontmatter/content';
    const { files } = await readContent(dir, contentModel);
    const parsed = files.get(`${dir}/reports/test-report/remarks/2-1-li-si.md`)!;
    expect(halfWidthMarks(parsed)).toEqual([]);
    expect((await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'warning')).toEqual([]);
  });
});
