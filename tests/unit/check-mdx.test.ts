// The checks on `.mdx` content (src/lib/mdx.ts, src/lib/check/file.ts): a photo written as <Figure> is accepted, and every
// other thing MDX can do (import/export, {expressions}, HTML elements, other components) is refused in Chinese, at
// its file and line, with the fix.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentModel } from '../../src/content.config.ts';
import { checkContent, formatProblems } from '../../src/lib/check.ts';
import type { Problem } from '../../src/lib/check/parse.ts';
import { IMAGE_MAX_BYTES } from '../../src/lib/safe-url.ts';
import { ENGLISH_SENTENCE, ownWords } from '../support/hostile.ts';
import { root } from '../support/sites.ts';

const PHOTO_FIXTURE = `${root}tests/fixtures/content/photo/content`;
const REMARK = 'reports/test-report/remarks/2-1-li-si.mdx';
const INDEX = 'reports/test-report/index.mdx';
/** The body of the photo fixture's remark starts on this line. */
const BODY_LINE = 9;
/** What `refusals` puts first in a body, so that a refused construct is not also an empty body. */
const PROSE = '开展活动，凝聚人心。\n\n';
/** The line of the construct a refused body starts with, after the prose. */
const LINE = BODY_LINE + 2;

/** The photo fixture in a temporary folder, the remark's body replaced by `body`, then `edit` applied. */
function content(body?: string, edit: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-mdx-'));
  cpSync(PHOTO_FIXTURE, dir, { recursive: true });
  if (body !== undefined) {
    const then = edit[REMARK] ?? ((text: string) => text);
    edit[REMARK] = (text) => then(text.slice(0, text.indexOf('\n---\n') + 5) + '\n' + body + '\n');
  }
  for (const [file, change] of Object.entries(edit))
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

const check = async (dir: string) => {
  try {
    return (await checkContent(dir, contentModel)).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const errors = async (dir: string) => (await check(dir)).filter((p) => p.severity === 'error');
/** The errors a body gives, as `line message`, each also checked to be in Chinese and to name the .mdx file. */
async function refusals(body: string): Promise<string[]> {
  const found = await errors(content(PROSE + body));
  for (const p of found) {
    expect(p.file, formatProblems(found)).toMatch(/remarks\/2-1-li-si\.mdx$/);
    expect(ownWords(p.message), p.message).not.toMatch(ENGLISH_SENTENCE);
    // `npm run check` prints one line per problem.
    expect(p.message).not.toContain('\n');
  }
  return found.map((p: Problem) => `${p.line} ${p.message}`);
}

describe('a photo in an .mdx file', () => {
  it('is accepted in a remark and in the editor’s note, and the checks say nothing of the image files', async () => {
    expect(formatProblems(await check(content()))).toBe('');
  });

  it.each([
    ['without a caption', '<Figure src="./huodong.jpg" alt="孩子们在做游戏" />'],
    [
      'over several lines, in single quotes',
      "<Figure\n  src='./huodong.jpg'\n  alt='孩子们在做游戏'\n  caption='户外活动'\n/>",
    ],
    [
      'with Markdown around it',
      '**开展活动**，凝聚人心。\n\n<Figure src="huodong.jpg" alt="游戏" caption="活动" />\n\n- 一\n- 二',
    ],
    ['as a Markdown image', '开展活动。\n\n![孩子们在做游戏](./huodong.jpg)'],
    ['with braces and angle brackets written as text', '一 \\{ 二 \\< 三 ｛四｝ ＜五＞ 2 < 3，`{代码}`。'],
  ])('is accepted %s', async (_name, body) => {
    expect(await refusals(body)).toEqual([]);
  });
});

describe('code in an .mdx file', () => {
  it('is refused as the issue wrote it: an import and an expression, each at its line', async () => {
    expect(await refusals("import {readFileSync} from 'node:fs'\n\n{readFileSync('/etc/hostname')}")).toEqual([
      `${LINE} ${'正文里有代码「import {readFileSync} from \'node:fs\'」。网站不运行内容文件里的代码，也不需要 import 或 export：请删除这一行。放照片请写 <Figure src="./照片.jpg" alt="照片里是什么" caption="图注" />。'}`,
      `${LINE + 2} 正文里的「{readFileSync('/etc/hostname')}」是代码，网站不运行。请删除它；要写花括号本身，请改用全角的｛｝，或在 { 前加反斜杠 \\。`,
    ]);
  });

  it.each([
    ['an export', 'export const title = "x"', '正文里有代码「export const title = "x"」'],
    ['an export that looks like plain prose', 'export default 1', '正文里有代码「export default 1」'],
    ['an expression in a sentence', '开展活动，{1 + 1}人心。', '正文里的「{1 + 1}」是代码'],
    ['a comment', '{/* 备注 */}', '正文里的「{/* 备注 */}」是代码'],
    ['an expression that does not parse', '开展{活动', '花括号 { } 读不懂'],
    ['an import that does not parse', 'import 活动', '花括号 { } 读不懂'],
  ])('%s is refused', async (_name, body, message) => {
    const found = await refusals(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toMatch(new RegExp(`^${LINE} `));
  });
});

describe('HTML and components in an .mdx file', () => {
  it.each([
    ['the issue’s set:html', '<Fragment set:html={"<img src=x onerror=alert(1)>"} />', '未知组件「<Fragment>」'],
    ['the issue’s meta refresh', '<meta http-equiv=refresh>', '正文里有 HTML 代码「<meta http-equiv=refresh>」'],
    ['a script', '<script>alert(1)</script>', '正文里有 HTML 代码「<script>」'],
    ['a line break', '第一行<br />第二行', '「<br>」是网页代码里的换行，正文里不能用'],
    ['an image in HTML', '<img src="./huodong.jpg" alt="x" />', '正文里有 HTML 代码「<img>」'],
    ['a div around text', '<div>开展活动</div>', '正文里有 HTML 代码「<div>」'],
    ['a line break never closed, in a sentence', '第一行<br>第二行', '「<br>」是网页代码里的换行'],
    ['a line break never closed, in bold', '**第一行<br>第二行**', '「<br>」是网页代码里的换行'],
    ['an element with a namespace', '<svg:a />', '正文里有 HTML 代码「<svg:a>」'],
    ['an unknown component', '<Photo src="./huodong.jpg" alt="x" />', '未知组件「<Photo>」'],
    ['a misspelt Figure', '<Figur src="./huodong.jpg" alt="x" />', '您是否想写 <Figure>？'],
    ['a member component', '<Figure.Image src="./huodong.jpg" />', '未知组件「<Figure.Image>」'],
    ['a fragment', '<>开展活动</>', '未知组件「<>」'],
    ['an HTML comment', '<!-- 备注 -->', '不能写 HTML 注释'],
    ['a link in angle brackets', '<https://example.org/>', '链接要写成 [文字](https://……)'],
    ['a less-than sign written as itself', '人数 <3 的小组', '这一行的 < 读不懂'],
    ['an HTML tag never closed, at the end of the file', '<div class="x"', '正文里有 HTML 代码「<div class="x"」'],
    ['a lower-case figure never closed, at the end of the file', '<figure src="./a.jpg" alt="x"', '首字母要大写'],
  ])('%s is refused', async (_name, body, message) => {
    const found = await refusals(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toMatch(new RegExp(`^${LINE} `));
  });

  it('is refused inside a list or a quote too, at its own line', async () => {
    expect(await refusals('一\n\n- 二\n\n  <Photo />\n\n> 三 <b>四</b>')).toEqual([
      expect.stringMatching(new RegExp(`^${LINE + 4} 未知组件「<Photo>」`)),
      expect.stringMatching(new RegExp(`^${LINE + 6} 正文里有 HTML 代码「<b>」`)),
    ]);
  });
});

describe('a <Figure> written wrong', () => {
  it.each([
    ['with a spread', '<Figure {...props} />', '<Figure> 的属性要写成 名字="文字"，不能写「{...props}」'],
    ['with an expression for src', '<Figure src={photo} alt="x" />', '<Figure> 的 src 要写成 src="……"'],
    ['with an attribute without a value', '<Figure src="./huodong.jpg" alt />', '<Figure> 的 alt 没有写值'],
    [
      'with an unknown attribute',
      '<Figure src="./huodong.jpg" alt="x" title="y" />',
      '<Figure> 没有 title 这一项。可以写',
    ],
    ['with a misspelt attribute', '<Figure src="./huodong.jpg" alt="x" captoin="y" />', '您是否想写 caption？'],
    [
      'with an attribute in capitals',
      '<Figure src="./huodong.jpg" ALT="x" />',
      '<Figure> 没有 ALT 这一项。您是否想写 alt？',
    ],
    ['with a full-width ＝', '<Figure src="./huodong.jpg" alt＝"x" />', '「alt＝"」里写成了「＝」：请写成 alt="……"'],
    ['with a colon for =', '<Figure src="./huodong.jpg" alt: "x" />', '「alt: "」里写成了「:」：请写成 alt="……"'],
    ['with ： and Chinese quotes', '<Figure src：“./huodong.jpg” alt="x" />', '「src：“」里写成了「：」'],
    ['without alt', '<Figure src="./huodong.jpg" caption="y" />', '<Figure> 缺少 alt'],
    ['without src', '<Figure alt="x" />', '<Figure> 缺少 src'],
    [
      'with an empty alt',
      '<Figure src="./huodong.jpg" alt=" " />',
      '<Figure> 的 alt（图片内容的文字描述，给看不见图片的读者）是空的',
    ],
    ['with src twice', '<Figure src="./huodong.jpg" src="./huodong.jpg" alt="x" />', '<Figure> 的 src 写了两次'],
    [
      'with the caption inside',
      '<Figure src="./huodong.jpg" alt="x">\n  户外活动\n</Figure>',
      '<Figure> 里面不能再写内容',
    ],
    [
      'with the caption inside, on one line',
      '<Figure src="./huodong.jpg" alt="x">户外活动</Figure>',
      '<Figure> 里面不能再写内容',
    ],
    ['inside a sentence', '开展活动<Figure src="./huodong.jpg" alt="x" />凝聚人心。', '<Figure> 要单独写成一行'],
    ['with a missing photo', '<Figure src="./nope.jpg" alt="x" />', '找不到图片文件「./nope.jpg」'],
    ['with a photo from another site', '<Figure src="https://evil.example/a.jpg" alt="x" />', '不是本站的文件'],
    ['with a photo outside the content', '<Figure src="../../../../../../etc/x.jpg" alt="x" />', '找不到图片文件'],
    ['with a GIF', '<Figure src="./a.gif" alt="x" />', '网站只接受 JPEG、PNG、WebP、AVIF 格式的图片'],
    ['with Chinese quotes', '<Figure src=“./huodong.jpg” alt="x" />', '这里用了中文引号（“ ”）'],
    ['in lower case', '<figure src="./huodong.jpg" alt="x" />', '请把「<figure」改成「<Figure」'],
    ['in lower case, with its caption inside', '<figure>\n  户外活动\n</figure>', '请把「<figure」改成「<Figure」'],
    ['never closed', '<Figure src="./huodong.jpg" alt="x" >', '没有结束：组件要以 /> 结束'],
    [
      'never closed, before a paragraph',
      '<Figure src="./huodong.jpg" alt="x"\n\n后面的话。',
      '没有结束：组件要以 /> 结束',
    ],
    [
      'never closed, at the end of the file',
      '<Figure src="./huodong.jpg" alt="x"',
      '「<Figure src="./huodong.jpg" alt="x"」没有结束',
    ],
    [
      'never closed, on several lines at the end of the file',
      '<Figure src="./huodong.jpg"\n  alt="x"',
      '「<Figure src="./huodong.jpg"」没有结束',
    ],
    [
      'with a quote never closed, at the end of the file',
      '<Figure src="./huodong.jpg" alt="x />',
      '的属性值少了后一个英文双引号',
    ],
    [
      'never closed, with a < in a value, at the end of the file',
      '<Figure src="./huodong.jpg" alt="x<y"',
      '「<Figure src="./huodong.jpg" alt="x<y"」没有结束',
    ],
    ['with a value never begun, at the end of the file', '<Figure src="./huodong.jpg" alt=', '要放在英文双引号 "…" 里'],
    ['with a value not in quotes', '<Figure src=./huodong.jpg alt="x" />', '组件的属性值要放在英文双引号 "…" 里'],
    ['with English quotes inside a value', '<Figure src="./huodong.jpg" alt="他说"好"" />', '值里的引号请用中文引号'],
    ['with a space after <', '< Figure src="./huodong.jpg" alt="x" />', '「< Figure」像是一张照片'],
    ['with a full-width ＜', '＜Figure src="./huodong.jpg" alt="x" /＞', '「＜Figure」像是一张照片'],
  ])('%s is refused at its line, with the fix', async (_name, body, message) => {
    const found = await refusals(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
    expect(found[0]).toMatch(new RegExp(`^${LINE} `));
  });

  it('with a photo over the size limit is refused, saying how large it is', async () => {
    const dir = content('<Figure src="./big.jpg" alt="x" />');
    const big = Buffer.alloc(IMAGE_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    writeFileSync(join(dir, 'reports/test-report/remarks/big.jpg'), big);
    const found = await errors(dir);
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [BODY_LINE, expect.stringContaining('图片文件「./big.jpg」有 5242881 B，超过了 5242880 B 的上限')],
    ]);
  });

  it('with a file that is not the photo its name says is refused', async () => {
    const dir = content('<Figure src="./fake.jpg" alt="x" />');
    writeFileSync(join(dir, 'reports/test-report/remarks/fake.jpg'), '<svg onload="alert(1)"/>');
    cpSync(join(dir, 'reports/test-report/huichang.png'), join(dir, 'reports/test-report/remarks/png.jpg'));
    expect((await errors(dir)).map((p) => p.message)).toEqual([
      expect.stringContaining('图片文件「./fake.jpg」不是 JPEG 图片'),
    ]);
    const other = content('<Figure src="./png.jpg" alt="x" />');
    cpSync(join(other, 'reports/test-report/huichang.png'), join(other, 'reports/test-report/remarks/png.jpg'));
    expect((await errors(other)).map((p) => p.message)).toEqual([
      expect.stringContaining('其实是 PNG 格式，和扩展名不符。请把文件的扩展名改成 .png'),
    ]);
  });
});

describe('.mdx files and the files beside them', () => {
  it('still have their frontmatter checked when the MDX cannot be read', async () => {
    const found = await refusals('<Figure src="./huodong.jpg" alt="x"');
    expect(found).toHaveLength(1);
    const both = await errors(
      content('<Figure src="./huodong.jpg" alt="x"', { [REMARK]: (t) => t.replace('order: 1', 'order: 一') }),
    );
    expect(both.map((p) => p.line)).toEqual([6, BODY_LINE]);
    expect(both[0]!.message).toContain('顺序号必须是数字，例如 order: 1');
  });

  it('are the only place for a photo: in a .md file, <Figure> is told to rename the file', async () => {
    const dir = content();
    renameSync(join(dir, REMARK), join(dir, REMARK.replace(/x$/, '')));
    const found = await errors(dir);
    expect(found.map((p) => [p.file.replace(/^.*\//, ''), p.line, p.message])).toEqual([
      ['2-1-li-si.md', LINE, '照片（<Figure>）只能放在 .mdx 文件里：请把这个文件的扩展名 .md 改为 .mdx。'],
    ]);
  });

  it('cannot stand beside a .md file of the same name', async () => {
    const dir = content();
    const plain = (file: string) => readFileSync(join(dir, file), 'utf8').replace(/<Figure[^>]*>/g, '');
    writeFileSync(join(dir, REMARK.replace(/x$/, '')), plain(REMARK));
    writeFileSync(join(dir, INDEX.replace(/x$/, '')), plain(INDEX));
    const found = await errors(dir);
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/index\.md 和这个文件是同一份报告，只能留一个/),
      expect.stringMatching(/2-1-li-si\.md 和这个文件是同一篇发言，只能留一个/),
    ]);
    expect(found.map((p) => p.file.replace(/^.*\//, ''))).toEqual(['index.mdx', '2-1-li-si.mdx']);
  });

  it('may have an image that no file shows: a warning, not an error; other files are still strays', async () => {
    const dir = content('开展活动，凝聚人心。');
    renameSync(join(dir, 'reports/test-report/huichang.png'), join(dir, 'reports/test-report/spare.PNG'));
    writeFileSync(join(dir, 'reports/test-report/notes.txt'), '');
    writeFileSync(
      join(dir, 'reports/test-report/index.mdx'),
      readFileSync(join(dir, INDEX), 'utf8').split('<Figure')[0]!,
    );
    const found = await check(dir);
    expect(found.map((p) => [p.severity, p.file.replace(/^.*\//, ''), p.message.slice(0, 20)])).toEqual([
      ['warning', 'notes.txt', expect.stringContaining('这个文件不在内容模型中')],
      // huodong.jpg, which this remark no longer shows, is still shown by the Markdown one.
      ['warning', 'spare.PNG', expect.stringContaining('没有哪篇发言或编者按用到这张图片')],
    ]);
  });
});
