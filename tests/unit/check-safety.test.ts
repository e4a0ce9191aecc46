// Content is data, never code: what the checks refuse in links, images, names and file names, and where they say so.
import { cpSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentModel } from '../../src/content.config.ts';
import { checkContent, formatProblems } from '../../src/lib/check.ts';
import { applyFieldSpaces } from '../../src/lib/check/fixes.ts';
import { readContent } from '../../src/lib/check/read.ts';
import { findInvisible, removeInvisible } from '../../src/lib/invisible.ts';
import { root } from '../support/sites.ts';

const REMARK = 'reports/test-report/remarks/2-1-li-si.md';
/** A real photo, as the checks read an image's first bytes. */
const PHOTO = `${root}tests/fixtures/content/photo/content/reports/test-report/remarks/huodong.jpg`;
const INDEX = 'reports/test-report/index.md';

/** The valid fixture in a temporary folder, with `edit` applied to the files it names. */
function content(edit: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-safety-'));
  cpSync(`${root}tests/fixtures/content/valid/content`, dir, { recursive: true });
  for (const [file, change] of Object.entries(edit))
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const withBody = (body: string) => ({ [REMARK]: (t: string) => t.replace('开展活动，凝聚人心。', body) });
const errors = async (dir: string) =>
  (await checkContent(dir, contentModel)).problems.filter((p) => p.severity === 'error');

describe('links and images', () => {
  it('accept web, mail and site addresses, and an image beside the file', async () => {
    const dir = content(
      withBody(
        '见[官网](https://example.org)、[信](mailto:a@example.org)、[本站](/reports/)、[锚](/reports/test-report/#x)、[电话](tel:010-12345678)、<https://example.org>。\n\n![照片](./photo.jpg) ![照片][p]\n\n[p]: photo.jpg',
      ),
    );
    cpSync(PHOTO, join(dir, 'reports/test-report/remarks/photo.jpg'));
    expect(formatProblems(await errors(dir))).toBe('');
  });

  it('refuse a photo without words for a reader who cannot see it', async () => {
    const dir = content(withBody('活动照片如下。\n\n![](./photo.jpg)\n\n![ ](./photo.jpg)'));
    cpSync(PHOTO, join(dir, 'reports/test-report/remarks/photo.jpg'));
    const found = await errors(dir);
    expect(found.map((p) => p.line)).toEqual([11, 13]);
    expect(found[0]!.message).toBe(
      '图片「./photo.jpg」没有文字描述：请在 ![ ] 的方括号里写上照片里是什么，给看不见图片的读者（读屏软件会读出来），例如 ![孩子们在操场上做游戏](./photo.jpg)。',
    );
  });

  it('refuse a photo the image pipeline cannot read, cut off or damaged, as the build would fail on it', async () => {
    const dir = content(withBody('![照片](./photo.jpg)'));
    const photo = join(dir, 'reports/test-report/remarks/photo.jpg');
    writeFileSync(photo, readFileSync(PHOTO).subarray(0, 40));
    const found = await errors(dir);
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [9, expect.stringContaining('「./photo.jpg」读不出图像的大小')],
    ]);
    cpSync(PHOTO, photo);
    expect(await errors(dir)).toEqual([]);
  });

  it('refuse each hostile address once, at its line, links and definitions alike', async () => {
    const dir = content(
      withBody(
        '一[a](JAVASCRIPT:x)二<vbscript:x>\n三[b][d]四![c][e]\n\n[d]: data:text/html,x\n[e]: https://evil.example/e.png',
      ),
    );
    const found = await errors(dir);
    expect(
      found.map((p) => [p.line, p.message]),
      formatProblems(found),
    ).toEqual([
      [9, expect.stringContaining('以 javascript: 开头')],
      [9, expect.stringContaining('以 vbscript: 开头')],
      [12, expect.stringContaining('以 data: 开头')],
      [13, expect.stringContaining('不是本站的文件')],
    ]);
  });

  it('refuse a * or _ that Markdown takes for italics, which the text would lose', async () => {
    const found = await errors(
      content(withBody('我们班3*5=15人，2*3=6。\n\n另有 _说明_ 。\n\n书名号之间的_下划线_照样。')),
    );
    expect(found.map((p) => [p.line, p.message.split('」')[1]])).toEqual([
      [
        9,
        '两边的 * 会把中间的文字变成斜体，* 本身不显示。要写乘号请用 ×；要写 * 本身，请在它前面加反斜杠（\\*）；要强调请用 **加粗**。',
      ],
      [
        11,
        '两边的 _ 会把中间的文字变成斜体，_ 本身不显示。要写乘号请用 ×；要写 _ 本身，请在它前面加反斜杠（\\_）；要强调请用 **加粗**。',
      ],
    ]);
    expect(found[0]!.message).toMatch(/^「\*5=15人，2\*」/);
    // Written as the message says, nothing is lost.
    expect(await errors(content(withBody('我们班3×5=15人，2\\*3=6。\n\n另有 \\_说明\\_ 。')))).toEqual([]);
  });

  it('refuse <br>, saying how Markdown writes a new line', async () => {
    const found = await errors(content(withBody('第一行<br>第二行。\n\n第三行<BR/>。')));
    expect(found.map((p) => [p.line, p.message.split('，')[0]])).toEqual([
      [9, '「<br>」是网页代码里的换行'],
      [11, '「<BR/>」是网页代码里的换行'],
    ]);
  });

  it('refuse ** that Markdown leaves as asterisks beside punctuation, saying how to make it bold', async () => {
    const found = await errors(content(withBody('开展**“三严三实”**专题教育。\n\n**注意：**这是重点。')));
    expect(found.map((p) => p.line)).toEqual([9, 11]);
    expect(found[0]!.message).toContain('「开展**“三严三实”**专题教育」里的 ** 没有成为加粗');
    expect(found[1]!.message).toContain('请把标点移到 ** 外面，例如 “**三严三实**”、**注意**：。');
    // Done so, both are bold.
    expect(await errors(content(withBody('开展“**三严三实**”专题教育。\n\n**注意**：这是重点。')))).toEqual([]);
    // One without its pair is told to be paired, not to move a mark.
    const [unpaired] = await errors(content(withBody('开展**三严三实专题教育。')));
    expect(unpaired!.message).toContain('「开展**三严三实专题教育。」里的 ** 没有成为加粗，会原样显示出来：** 要成对');
  });

  it('refuse a footnote and a definition no link uses, whose text the page would not show', async () => {
    const dir = content(
      withBody(
        '注释见文末[^1]，另见[正文][d]。\n\n[^1]: <img src=x onerror=alert(1)>\n[d]: https://example.org\n[x]: /a',
      ),
    );
    const found = await errors(dir);
    expect(
      found.map((p) => [p.line, p.message]),
      formatProblems(found),
    ).toEqual([
      [11, expect.stringContaining('是脚注的写法，网站不支持脚注')],
      [13, expect.stringContaining('是链接定义的写法，不会显示在页面上')],
    ]);
  });

  it('refuse an image outside the content folder, missing or not an image, and one in index.md', async () => {
    const dir = content({
      ...withBody('![a](../../../../../../etc/passwd) ![b](./nope.png) ![c](../../../../../../etc/x.jpg)'),
      [INDEX]: (t) => `${t}\n![c](https://evil.example/c.png)\n`,
    });
    const messages = (await errors(dir)).map((p) => `${p.file.endsWith('index.md') ? 'index' : 'remark'} ${p.message}`);
    expect(messages.filter((m) => m.includes('找不到图片文件'))).toHaveLength(2);
    expect(messages.filter((m) => m.includes('「../../../../../../etc/passwd」没有扩展名'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('index') && m.includes('不是本站的文件'))).toHaveLength(1);
  });

  it('refuse a photo that is a link (symlink) to a file or folder outside the content folder', async () => {
    const dir = content(withBody('![a](./a.jpg)\n\n![b](./up/huodong.jpg)\n\n![c](./inside.jpg)'));
    const remarks = join(dir, 'reports/test-report/remarks');
    symlinkSync(PHOTO, join(remarks, 'a.jpg'));
    symlinkSync(dirname(PHOTO), join(remarks, 'up'));
    cpSync(PHOTO, join(dir, 'reports/test-report/photo.jpg'));
    symlinkSync('../photo.jpg', join(remarks, 'inside.jpg'));
    expect((await errors(dir)).map((p) => [p.line, p.message])).toEqual(
      ['./a.jpg', './up/huodong.jpg'].map((path, i) => [
        9 + 2 * i,
        `图片文件「${path}」是一个链接（快捷方式），指向内容文件夹以外的文件。网站只发布内容文件夹里的文件：请把照片文件本身复制进这篇发言所在的文件夹，替换这个链接。`,
      ]),
    );
  });

  it('parse a body whose only markup is a character reference or an image', async () => {
    // Both would otherwise read as plain prose: no [ or < in the first, and ! alone in the second.
    expect((await errors(content(withBody('文字&#x200B;文字')))).length).toBe(1);
    expect((await errors(content(withBody('图![照片](https://evil.example/a.png)')))).length).toBe(1);
  });
});

describe('an empty body, or a heading', () => {
  const heading = (words: string) =>
    `「${words}」写成了标题（行首的 #，或下一行只有 --- 或 ===）。正文里不用标题：网站的小标题来自 index.md 的 sections，正文里的标题在页面上会和它们混在一起。要强调请用 **加粗**；如果是下一行的 --- 或 === 造成的，请在两行之间空一行，或删去那一行。`;
  it.each([
    ['## 小结', 9, heading('小结')],
    ['小结\n===', 9, heading('小结')],
    ['……', 8, '正文是空的：请在结束 frontmatter 的 --- 下面空一行，写上发言的内容。'],
    ['## 小结\n\n开展活动。', 9, heading('小结')],
    ['开展活动。\n---\n\n凝聚人心。', 9, heading('开展活动。')],
  ])('%j is refused once, at its line', async (body, line, message) => {
    expect((await errors(content(withBody(body)))).map((p) => [p.line, p.message])).toEqual([[line, message]]);
  });

  it('a line of --- apart from the words is accepted: a break, not a heading', async () => {
    expect(await errors(content(withBody('开展活动。\n\n---\n\n凝聚人心。')))).toEqual([]);
  });
});

describe('a paragraph Markdown takes for code', () => {
  const indented = (words: string) =>
    `「${words}」这一段的行首有 Tab 键或 4 个以上的空格，Markdown 把它当成了代码，网页上会显示成等宽字体的代码框，而不是正文。段首不用缩进（网页会自动排版）：请删去行首的 Tab 或空格。`;
  it.each([
    ['\t开展活动，凝聚人心。', 9, indented('开展活动，凝聚人心。')],
    ['开展活动。\n\n    凝聚人心。', 11, indented('凝聚人心。')],
    [
      '```\n开展活动。\n```',
      9,
      '以 ``` 开始的几行（「开展活动。」）会显示成等宽字体的代码框，而不是正文。发言里不用代码：请删去 ``` 那几行，只留文字。',
    ],
  ])('%j is refused at its line', async (body, line, message) => {
    expect((await errors(content(withBody(body)))).map((p) => [p.line, p.message])).toEqual([[line, message]]);
  });

  it('a line indented within a paragraph is accepted: it goes on the paragraph', async () => {
    expect(await errors(content(withBody('开展活动，\n    凝聚人心。')))).toEqual([]);
  });
});

describe('invisible characters', () => {
  it('are refused in any field, at the line of the value, list items included', async () => {
    const dir = content({
      [INDEX]: (t) => t.replace('  - 第二部分 服务', '  - 第二部分\u2066 服务'),
      [REMARK]: (t) =>
        t.replace('section: 第二部分 服务', 'section: 第二部分\u2066 服务').replace('role: 党', 'role: \u00ad党'),
    });
    const found = await errors(dir);
    expect(
      found.map((p) => [p.file.replace(/^.*\/(?=[^/]+$)/, ''), p.line, p.field]),
      formatProblems(found),
    ).toEqual([
      ['index.md', 6, 'sections'],
      ['2-1-li-si.md', 4, 'role'],
      ['2-1-li-si.md', 5, 'section'],
    ]);
    expect(found[1]!.message).toContain('软连字符（U+00AD）');
    expect(found[1]!.message).toContain('npm run check -- --fix');
  });

  it('are refused in the body once per file, written as themselves or as references, and removed by the fix', () => {
    const text = '甲\u200b乙\n丙&#x202E;丁&zwj;戊&#8203;己&amp;庚&#x4E00;\ufeff';
    expect(findInvisible(text, 9).map((h) => [h.line, h.column])).toEqual([
      [9, 2],
      [10, 2],
      [10, 11],
      [10, 17],
      [10, 39],
    ]);
    expect(removeInvisible(text)).toBe('甲乙\n丙丁戊己&amp;庚&#x4E00;');
  });

  it('leave alone a joiner between emoji, which makes them one picture, and the fix keeps it', async () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    const heart = '\u2764\ufe0f\u200d\u{1f525}';
    const coder = '\u{1f469}\u{1f3fd}\u200d\u{1f4bb}';
    expect(await errors(content(withBody(`全家${family}合影，${heart}${coder}加油。`)))).toEqual([]);
    expect(removeInvisible(`${family}${heart}${coder}甲\u200d乙\u{1f44d}\u200d。`)).toBe(
      `${family}${heart}${coder}甲乙\u{1f44d}。`,
    );
    const found = await errors(content(withBody(`全家\u{1f468}\u200d合影。`)));
    expect(found.map((p) => p.message.split('，')[0])).toEqual([
      '正文里有 1 个看不见的字符（如第 9 行的零宽连字（U+200D））',
    ]);
  });

  it('in the body give one error at the first', async () => {
    const found = await errors(content(withBody('开展\u202e活动。\n\n凝聚\u200b人心。')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 9, column: 3 });
    expect(found[0]!.message).toContain('2 个看不见的字符（如第 9 行的从右到左强制符（U+202E））');
  });
});

describe('file names that become anchors', () => {
  const renamed = async (name: string, edit: (t: string) => string = (t) => t) => {
    const dir = content({ [REMARK]: edit });
    renameSync(join(dir, REMARK), join(dir, 'reports/test-report/remarks', name));
    return errors(dir);
  };

  it('suggest the name `npm run new` gives, keeping the numbers the file has', async () => {
    expect((await renamed('2-1 Li Si.md'))[0]!.message).toContain('请把文件改名为 2-1-li-si.md');
    expect((await renamed('2_1_李四.md'))[0]!.message).toContain('请把文件改名为 2-1-li-si.md');
    expect((await renamed('李四的发言.md'))[0]!.message).toContain('请把文件改名为 liside-fayan.md');
  });

  it('are free when slug: names the anchor', async () => {
    expect(await renamed('2-1 Li Si.md', (t) => t.replace('order: 1', 'order: 1\nslug: li-si'))).toEqual([]);
  });
});

describe('names whose URL would be empty', () => {
  it('ask for speakerSlug at the speaker line, and are mended by it', async () => {
    const bang = (t: string) => t.replace('speaker: 李四', 'speaker: ！？');
    const found = await errors(content({ [REMARK]: bang }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, field: 'speaker' });
    expect(found[0]!.message).toContain('speakerSlug: zhang-san');
    expect(
      await errors(content({ [REMARK]: (t) => bang(t).replace('order: 1', 'order: 1\nspeakerSlug: li-si') })),
    ).toEqual([]);
  });
});

describe('frontmatter mistakes', () => {
  it.each([
    ['speaker: "李四', '引号或括号不成对', 2],
    ['speaker: 李四: 书记', '（值里有英文冒号，冒号后面的字被当成了又一个字段）', 2],
    ['speaker: @李四', '值以 @ 开头，被当成了特殊写法', 2],
    ['speaker: *李四', '被当成了特殊写法', 2],
    ['speaker: 李四\nspeaker: 李四', '同一个字段写了两次', 3],
    ['speaker：李四', '字段名后面用了中文冒号「：」，要用英文冒号「:」', 2],
    ['speaker:李四', '英文冒号后面少了一个空格', 2],
    ['speaker: !李四', '值以 ! 开头，被当成了特殊写法', 2],
    ['speaker: %李四', '值以 % 开头，被当成了特殊写法', 2],
    ['speaker: [李四', '方括号或花括号不成对', 2],
  ])('%j is explained in Chinese, without the parser’s English', async (line, expected, at) => {
    const found = await errors(content({ [REMARK]: (t) => t.replace('speaker: 李四', line) }));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toContain(expected);
    expect(found[0]!.line).toBe(at);
    for (const p of found) expect(p.message).not.toMatch(/[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/);
  });

  it.each([
    ['role: 党支部书记', 'Role: 党支部书记', '未知字段 Role。您是否想写 role？', 4],
    ['speaker: 李四', 'SPEAKER: 李四', '未知字段 SPEAKER。您是否想写 speaker？', 2],
    ['speaker: 李四', 'speakr: 李四', '未知字段 speakr。您是否想写 speaker？', 2],
    ['order: 1', 'order: "1"', '顺序号必须是不加引号的数字：请写成 order: 1', 6],
    ['order: 1', 'order: １２', '顺序号要用半角数字：请把「１２」改成 12', 6],
    ['order: 1', 'order: 一', '顺序号必须是数字，例如 order: 1', 6],
  ])('%j written as %j is one error, at its line, with what to write', async (line, written, message, at) => {
    const found = await errors(content({ [REMARK]: (t) => t.replace(line, written) }));
    expect(found.map((p) => [p.line, p.message.split('（字段')[0]!.split('这里可用')[0]])).toEqual([[at, message]]);
  });

  it.each([
    ['2016年7月', '日期「2016年7月」请写成 2016-07：日期必须写成 2015、2015-07 或 2015-07-01'],
    ['2016/7/1', '日期「2016/7/1」请写成 2016-07-01：日期必须写成 2015、2015-07 或 2015-07-01'],
    ['2016年2月30日', '日期必须写成 2015、2015-07 或 2015-07-01'],
  ])('a date written %j is told what to write, where it is a day that exists', async (written, message) => {
    const found = await errors(content({ [INDEX]: (t) => t.replace(/^date: .*$/m, `date: ${written}`) }));
    expect(found.map((p) => [p.line, p.message.split('（只写')[0]])).toEqual([[3, message]]);
  });

  it.each([
    ['speaker: 李四', '发言人: 李四', 'speaker（发言人姓名）', 2],
    ['school: 一幼', '单位: 一幼', 'school（单位）', 3],
    ['order: 1', '顺序: 1', 'order（在小标题下的顺序号）', 6],
  ])('%j named in Chinese (%j) is named in English at its line', async (line, written, field, at) => {
    const found = await errors(content({ [REMARK]: (t) => t.replace(line, written) }));
    const name = written.split(':')[0]!;
    expect(found.find((p) => p.line === at)?.message).toContain(`字段名要用英文：请把「${name}」改成 ${field}。`);
  });

  it.each([
    ['-第一部分 学习', '-第二部分 服务'],
    ['－ 第一部分 学习', '－ 第二部分 服务'],
    ['1. 第一部分 学习', '2. 第二部分 服务'],
  ])('headings begun with %j, not "- ", are said to be no list, at the first', async (first, second) => {
    const found = await errors(
      content({
        [INDEX]: (t) => t.replace('  - 第一部分 学习', `  ${first}`).replace('  - 第二部分 服务', `  ${second}`),
      }),
    );
    expect(found.map((p) => [p.file.replace(/^.*\/reports\//, ''), p.line, p.message])).toEqual([
      [
        'test-report/index.md',
        5,
        `字段 sections 的各项没有读成列表：列表的每一项要以英文减号加一个空格「- 」开头，这一行写成了「${first}」。请每一项都照这样写，例如「  - 第一部分 学习」。`,
      ],
    ]);
  });

  it.each([
    ['title: &践行 测试报告 样例', 'title', 2, '&践行'],
    ['title: 测试报告 样例\nsource: *t', 'source', 3, '*t'],
    ['title: !!str 测试报告 样例', 'title', 2, '!!str'],
  ])(
    '%j, which YAML reads as an anchor, an alias or a tag, is refused, not published without its word',
    async (line, field, at, mark) => {
      const found = await errors(content({ [INDEX]: (t) => t.replace('title: 测试报告 样例', line) }));
      expect(found.map((p) => p.file.replace(/^.*\/reports\//, ''))).toEqual(['test-report/index.md']);
      expect(found[0]).toMatchObject({ line: at, field });
      expect(found[0]!.message).toBe(
        `字段 ${field} 的值以「${mark}」开头：以 &、* 或 ! 开头的词被当成了特殊写法，不会照写发布。请把整个值放进英文双引号（如 ${field}: "${mark}……"）。`,
      );
    },
  );

  it.each([
    [REMARK, 7, '——', '\n---\n\n开展', '\n——\n\n开展'],
    [REMARK, 7, '...', '\n---\n\n开展', '\n...\n\n开展'],
    [INDEX, 7, '–––', '\n---\n\n这是', '\n–––\n\n这是'],
    [INDEX, 1, '——', '---\ntitle', '——\ntitle'],
  ])(
    'a frontmatter fence written wrong (%s, line %i, 「%s」) is said at that line',
    async (file, at, written, from, to) => {
      const found = await errors(content({ [file]: (t) => t.replace(from, to) }));
      expect(found.map((p) => [p.file.endsWith(file), p.line])).toEqual([[true, at]]);
      expect(found[0]!.message).toBe(
        `字段区（frontmatter）要用一行 --- ${at === 1 ? '开始，第一行' : '结束，这一行'}写成了「${written}」：请改成三个英文减号 ---，前后不加别的字符。`,
      );
    },
  );

  it('a wrong closing fence is not blamed on an opening one with spaces after it, which is allowed', async () => {
    const found = await errors(
      content({ [REMARK]: (t) => t.replace('---\n', '---  \n').replace('\n---\n', '\n——\n') }),
    );
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [7, '字段区（frontmatter）要用一行 --- 结束，这一行写成了「——」：请改成三个英文减号 ---，前后不加别的字符。'],
    ]);
  });

  it.each([
    [REMARK, 6, 'order: 1'],
    [INDEX, 6, '- 第二部分 服务'],
  ])('a closing --- left out (%s) is said under the last line of fields, %i', async (file, at, last) => {
    const found = await errors(content({ [file]: (t) => t.replace(/\n---\n/, '\n') }));
    expect(found.map((p) => [p.file.endsWith(file), p.line, p.message])).toEqual([
      [
        true,
        at,
        `字段区（frontmatter）没有结束：缺少结束它的一行 ---。请在这一行（「${last}」）下面加一行三个英文减号 ---，再空一行写正文。`,
      ],
    ]);
  });

  it('blank lines above the opening --- are said as that, not as no frontmatter', async () => {
    const found = await errors(content({ [REMARK]: (t) => `\n\n${t}` }));
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [1, '文件开头有 2 个空行：字段区（frontmatter）的 --- 要写在文件的第一行。请删去第 3 行 --- 上面的空行。'],
    ]);
  });

  it("a report's missing frontmatter is shown with a report's field", async () => {
    const found = await errors(content({ [INDEX]: (t) => t.replace('---\n', '') }));
    expect(found[0]!.message).toContain('接着写字段（如 title: 标题）');
  });

  it('a special space after a colon is named as such at its line, and --fix makes it a plain one', async () => {
    const dir = content({
      [REMARK]: (t) => t.replace('speaker: 李四', 'speaker:\u00a0李四').replace('role: ', 'role:\u3000\u3000'),
    });
    const found = await errors(dir);
    expect(found.map((p) => [p.line, p.column, p.message.split('，')[0]])).toEqual([
      [2, 9, 'frontmatter 的写法有误：冒号后面的空格是特殊的不换行空格（U+00A0'],
      [4, 6, 'frontmatter 的写法有误：冒号后面的空格是全角空格（U+3000）'],
    ]);
    expect(found[0]!.message).toContain('请删去它，打一个普通的英文空格；运行 npm run check -- --fix 可自动改正。');
    const parsed = [...(await readContent(dir, contentModel)).files.values()].find((f) => f.file.endsWith(REMARK))!;
    const fixed = applyFieldSpaces(parsed.source, parsed.fieldSpaces);
    expect(fixed).toBe(
      readFileSync(`${root}tests/fixtures/content/valid/content/${REMARK}`, 'utf8').replace('role: ', 'role:  '),
    );
  });

  it.each([
    [REMARK, 'speaker: 李四', 'speaker: “李四”', 'speaker', 2, '“…”', 'speaker: 李四'],
    [REMARK, 'role: 党支部书记', 'role: 「党支部书记」', 'role', 4, '「…」', 'role: 党支部书记'],
    [INDEX, '  - 第一部分 学习', '  - ‘第一部分 学习’', 'sections', 5, '‘…’', '- 第一部分 学习'],
  ])(
    'a name Word wrapped in Chinese quotes (%s, %j) is refused at its line, not published in quotes',
    async (file, from, to, field, at, quotes, fix) => {
      const found = await errors(content({ [file]: (t) => t.replace(from, to) }));
      // The headings are not what index.md means: its remarks are not told theirs are unknown.
      expect(found.map((p) => [p.file.endsWith(file), p.line, p.field])).toEqual([[true, at, field]]);
      expect(found[0]!.message).toBe(
        `字段 ${field} 的值整个放在了中文引号 ${quotes} 里，引号会当作文字的一部分发布（常见于 Word 把英文引号自动换成了中文引号）。请删去引号（写成「${fix}」），或改用英文双引号。`,
      );
    },
  );

  it('a name that only begins and ends with quoted words, or a quoted title, is accepted', async () => {
    const found = await errors(
      content({
        [INDEX]: (t) =>
          t.replace('title: 测试报告 样例', 'title: “测试报告”').replace('第一部分 学习', '“学习”与“服务”'),
        'reports/test-report/remarks/1-1-zhang-san.md': (t) => t.replace('第一部分 学习', '“学习”与“服务”'),
      }),
    );
    expect(formatProblems(found)).toBe('');
  });

  it('an item of a list indented deeper than the one before, read as its continuation, is said at its line, alone', async () => {
    const found = await errors(content({ [INDEX]: (t) => t.replace('  - 第二部分 服务', '   - 第二部分 服务') }));
    // The headings are not what the file means: the remarks are not told theirs are unknown.
    expect(found.map((p) => p.file.replace(/^.*\/reports\//, ''))).toEqual(['test-report/index.md']);
    expect(found[0]).toMatchObject({ line: 6, field: 'sections' });
    expect(found[0]!.file).toMatch(/index\.md$/);
    expect(found[0]!.message).toContain(
      '被读成了上一行的接续：字段 sections 的值成了「第一部分 学习 - 第二部分 服务」',
    );
  });

  it("a list's first item written on its field's line, the others read as its continuation, is said there", async () => {
    const found = await errors(
      content({ [INDEX]: (t) => t.replace('sections:\n  - 第一部分 学习', 'sections: 第一部分 学习') }),
    );
    expect(found.map((p) => p.file.replace(/^.*\/reports\//, ''))).toEqual(['test-report/index.md']);
    expect(found[0]).toMatchObject({ line: 4, column: 11, field: 'sections' });
    expect(found[0]!.message).toBe(
      '字段 sections 的第一项「第一部分 学习」写在了「sections:」的同一行，下面的各项就被读成了它的接续。请把它移到下一行，和下面的各项一样写成「  - 第一部分 学习」。',
    );
  });

  it('a quoted value wrapped onto the next line, which gains a space there, is said at its line', async () => {
    const found = await errors(
      content({ [INDEX]: (t) => t.replace('title: 测试报告 样例', 'title: "测试报告\n  样例"') }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 3, field: 'title' });
    expect(found[0]!.message).toBe(
      '字段 title 的值分成了两行，换行处会变成一个空格，值成了「测试报告 样例」。请把它写在一行里。',
    );
  });

  it.each([
    ['title: 测试报告 样例', '  title: 测试报告 样例', INDEX, 2],
    ['school: 一幼', '  school: 一幼', REMARK, 3],
  ])(
    'a field indented (%j as %j) is said once, at its line, not at the fields around it',
    async (from, to, file, at) => {
      const found = await errors(content({ [file]: (t) => t.replace(from, to) }));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ line: at });
      expect(found[0]!.message).toContain(`这一行的字段名前面多了空格（「${to}」）`);
    },
  );

  it('a block scalar indented as a field would be is not blamed for a mistake elsewhere', async () => {
    const found = await errors(
      content({
        [INDEX]: (t) =>
          t
            .replace('title: 测试报告 样例', 'title: >-\n  会议纪要: 第一次\n  全体会议')
            .replace('date: "2016-07"', 'date: "2016-07'),
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toContain('引号或括号不成对');
    for (const p of found) expect(p.message).not.toContain('多了空格');
  });

  it('a comment after a quoted value is accepted: nothing of the value is lost', async () => {
    expect(await errors(content({ [INDEX]: (t) => t.replace('date: "2016-07"', 'date: "2016-07"  # 月份') }))).toEqual(
      [],
    );
  });

  it('a quoted value continued with a backslash, which adds no space, is accepted', async () => {
    expect(
      await errors(content({ [INDEX]: (t) => t.replace('title: 测试报告 样例', 'title: "测试报告\\\n  样例"') })),
    ).toEqual([]);
  });

  it('a field indented with a tab is said at its line, once', async () => {
    const found = await errors(content({ [REMARK]: (t) => t.replace('school: 一幼', '\tschool: 一幼') }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 3 });
    expect(found[0]!.message).toContain('这一行用 Tab 键缩进了（「school: 一幼」）');
  });

  it('a value of the wrong kind Zod has no Chinese words for is explained in Chinese', async () => {
    const found = await errors(content({ [INDEX]: (t) => t.replace('sections:', 'sectionSlugs: 5\nsections:') }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 4, field: 'sectionSlugs' });
    expect(found[0]!.message).toMatch(/^字段 sectionSlugs（小标题的网址名）的写法不对/);
  });
});
