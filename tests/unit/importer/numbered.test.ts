// Headings numbered as many reports number them (一、 （一） 1. 1、 １．): headings, their numbers kept as printed.
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { splitFile } from '../../../src/lib/importer/conserve.ts';
import { formatSummary } from '../../../src/lib/importer/summary.ts';
import { fixture, run } from './helpers.ts';

/** The frontmatter and body of each written file, by path. */
const filesOf = (folder: string) =>
  new Map(run(fixture(folder, 'input.txt')).files.map((f) => [f.path, splitFile(f.text)]));

describe('a report whose headings are numbered', () => {
  it.each([
    ['numbered-han', ['一、', '二、', '三、']],
    ['numbered-paren', ['（一）', '（二）', '（三）']],
    ['numbered-dot', ['1. ', '2. ', '3. ']],
    ['numbered-comma', ['1、', '2、', '3、']],
    ['numbered-fullwidth', ['１．', '２．', '３．']],
  ])('%s: each numbered line is a heading, its number kept as printed', (folder, numbers) => {
    const sections = ['围绕中心 严字当头', '抓住关键 加强班子建设', '立足实际 打造服务特色'].map(
      (heading, i) => numbers[i]! + heading,
    );
    const files = filesOf(folder);
    expect(files.get('index.md')?.data.sections).toEqual(sections);
    expect(
      [...files].filter(([path]) => path.startsWith('remarks/')).map(([path, { data }]) => [path, data.section]),
    ).toEqual([
      ['remarks/1-1-ye-xianghong.md', sections[0]],
      ['remarks/1-2-wang-xin.md', sections[0]],
      ['remarks/2-1-jian-daoyin.md', sections[1]],
      ['remarks/3-1-wang-xin.md', sections[2]],
    ]);
    expect(files.get('remarks/1-1-ye-xianghong.md')?.body).toBe(
      '\n教育系统的党建工作，关键是围绕中心，服务大局，从实际出发。\n',
    );
  });

  it('a numbered point of a remark that ends a sentence stays a paragraph of that remark', () => {
    const files = filesOf('numbered-list-item');
    expect(files.get('index.md')?.data.sections).toEqual(['一、围绕中心 严字当头', '二、抓住关键 加强班子建设']);
    const paragraphs = [
      '今年要重点抓好三件事：',
      '1.加强理论学习，提高党性修养。',
      '2.完善规章制度狠抓落实。',
      '（三）发挥党员作用服务师生，在推进教育改革创新中当先锋、作表率，让人民群众满意。',
    ];
    expect(files.get('remarks/1-1-ye-xianghong.md')?.body).toBe(`\n${paragraphs.join('\n\n')}\n`);
  });

  it('a text without a heading is refused, showing each kind of heading', () => {
    // 一、严字当头 with no number: the first phrase of each heading left out.
    const text = fixture('numbered-han', 'input.txt')
      .toString('utf8')
      .replace(/^[一二三]、\S+ /gmu, '');
    expect(() => run(text)).toThrow(ImportError);
    expect(() => run(text)).toThrow(
      /^没有找到小标题.*除开头的编号外没有标点.*“一、围绕中心 严字当头”.*只有一个词组的要带编号，后面紧接着发言人的发言（如“一、加强班子建设”）/u,
    );
  });
});

describe('a numbered heading of one phrase (一、加强班子建设)', () => {
  it('is a heading when a remark follows it, its number kept as printed', () => {
    const result = run(fixture('numbered-phrase', 'input.txt'));
    const sections = ['一、围绕中心', '二、加强班子建设', '三、打造服务特色'];
    const files = new Map(result.files.map((f) => [f.path, splitFile(f.text)]));
    expect(files.get('index.md')?.data.sections).toEqual(sections);
    expect(
      [...files].filter(([path]) => path.startsWith('remarks/')).map(([path, f]) => [path, f.data.section]),
    ).toEqual([
      ['remarks/1-1-ye-xianghong.md', sections[0]],
      ['remarks/1-2-wang-xin.md', sections[0]],
      ['remarks/2-1-jian-daoyin.md', sections[1]],
      ['remarks/3-1-wang-xin.md', sections[2]],
    ]);
    expect(result.summary.doubts).toEqual([]);
  });

  it('is a heading in each numbering style', () => {
    const text = fixture('numbered-phrase', 'input.txt').toString('utf8');
    for (const numbers of [
      ['（一）', '（二）', '（三）'],
      ['1. ', '2. ', '3. '],
      ['１、', '２、', '３、'],
    ]) {
      const styled = text.replace(/^([一二三])、/gmu, (_, n: string) => numbers['一二三'.indexOf(n)]!);
      expect(run(styled).summary.headings.map((h) => h.text)).toEqual(
        ['围绕中心', '加强班子建设', '打造服务特色'].map((h, i) => numbers[i]! + h),
      );
    }
  });

  it('is a heading when its number runs on and a paragraph without a speaker follows it: a tail moved there', () => {
    const result = run(fixture('numbered-phrase-moved', 'input.txt'));
    expect(result.summary.headings.map((h) => h.text)).toEqual([
      '一、围绕中心',
      '二、落实规章制度',
      '三、打造服务特色',
    ]);
    expect(result.summary.repairs.map((r) => [r.head.line, r.tail.line, r.evidence])).toEqual([
      [7, 13, { kind: 'word', word: '了解' }],
    ]);
    expect(result.summary.doubts).toEqual([]);
  });

  it('is no heading when it is a point a remark lists, in another style than the headings or in a report without', () => {
    const text = fixture('numbered-phrase-list', 'input.txt').toString('utf8');
    const points = (result: ReturnType<typeof run>) =>
      result.files.find((f) => f.path === 'remarks/1-1-ye-xianghong.md')?.text.match(/^\d\..*$/gmu);
    const listed = (result: ReturnType<typeof run>) => result.summary.repairs.filter((r) => r.review).length;
    const numbered = run(text);
    expect(numbered.summary.headings.map((h) => h.text)).toEqual(['一、围绕中心', '二、加强班子建设']);
    // Each point joined to the words after it, as any paragraph without an end mark, and listed.
    expect(points(numbered)).toEqual([
      '1.加强理论学习要认真学习党的理论，提高党性修养。',
      '2.完善规章制度要狠抓落实，务必抓住关键少数。',
    ]);
    expect(listed(numbered)).toBe(2);
    const plain = run(
      text.replace('一、围绕中心', '围绕中心 严字当头').replace('二、加强班子建设', '抓住关键 加强班子建设'),
    );
    expect(plain.summary.headings.map((h) => h.text)).toEqual(['围绕中心 严字当头', '抓住关键 加强班子建设']);
    expect(points(plain)).toEqual(points(numbered));
    // Printed one after the other, the last before the next remark: no heading either, the next one numbered one more.
    const run2 = text.replace(/\n\n要认真学习[^\n]*/u, '').replace(/\n\n要狠抓落实[^\n]*/u, '\n\n王鑫:要狠抓落实。');
    expect(refusal(run2)).toMatch(
      /^有 1 处排版断裂.*\n叶向红在「一、围绕中心」下的发言在第 11 行的 “…2.完善规章制度” 处中断/u,
    );
  });

  it('taken for the next point of a list, a heading missed is named with why', () => {
    const text = fixture('numbered-phrase', 'input.txt')
      .toString('utf8')
      .replace('\n\n二、加强班子建设', '\n\n一、加强理论学习\n\n二、加强班子建设');
    expect(refusal(text)).toMatch(
      /^第 17 行的小标题「三、打造服务特色」编号是“三、”.*中间缺了“二、”。第 13 行“二、加强班子建设”以“二、”开头，像是缺的那个小标题，却只有一个词组，它前面的第 11 行以“一、”开头，它像是发言中列出的下一项，没有认作小标题。请对照原稿/u,
    );
  });
});

describe('a paragraph that starts with a number, cut after its first phrase (一、加强班子建设 + ，认真落实……)', () => {
  const cut = fixture('numbered-phrase-cut', 'input.txt').toString('utf8');
  const phrase = fixture('numbered-phrase', 'input.txt').toString('utf8');

  it('is taken for a heading of one phrase when a remark follows it: the tail nothing completes names it', () => {
    expect(refusal(cut).split('\n').slice(1)).toEqual([
      '可能与此有关：第 9 行“一、加强班子建设”：这份报告的小标题多数没有编号（如第 5 行「围绕中心 严字当头」），这一行有，可能是发言中列出的一项，按小标题处理了，下面的发言都归在它下面。是的话，请在原文中给它加上标点或并入所属段落；确是小标题的，不用改。',
      '第 17 行“,认真落实各项规章制度,…”以标点开头，也接不上任何中断的发言。它可能是第 9 行“一、加强班子建设”的后半部分：那一行带编号、只有一个词组，按小标题处理了；若那一行其实是一段话的开头，请在原文中把第 17 行接到那一行的末尾（写成同一行）；否则请把第 17 行移到所属发言的后面，或在段首写上“姓名:”。',
    ]);
  });

  it('among headings of one phrase, the tail names each of them', () => {
    const numbered = cut
      .replace('围绕中心 严字当头', '一、围绕中心')
      .replace('一、加强班子建设', '二、加强班子建设')
      .replace('抓住关键 加强班子建设', '三、打造服务特色');
    expect(refusal(numbered)).toContain(
      '它可能是第 5 行“一、围绕中心”、第 9 行“二、加强班子建设”、第 13 行“三、打造服务特色”中某一行的后半部分：这些行带编号、只有一个词组，按小标题处理了；若其中一行其实是一段话的开头，请在原文中把第 17 行接到那一行的末尾（写成同一行）；',
    );
  });

  it('its tail left right after it, its number running on: the tail under that heading names it', () => {
    const text = phrase.replace('二、加强班子建设\n', '二、加强班子建设\n\n,认真落实各项规章制度。\n');
    expect(refusal(text).split('\n').slice(1)).toEqual([
      '第 13 行“,认真落实各项规章制度。”以标点开头，也接不上任何中断的发言。它上面的第 11 行“二、加强班子建设”带编号、只有一个词组，按小标题处理了；若那一行其实是一段话的开头，请在原文中把第 13 行接到那一行的末尾（写成同一行）；否则请把第 13 行移到所属发言的后面，或在段首写上“姓名:”。',
    ]);
  });

  it('a tail moved under a heading of one phrase and proved by nothing is refused naming the heading too', () => {
    // Cut between two words: 形式, + 了解家长需求建议.
    const text = fixture('numbered-phrase-moved', 'input.txt')
      .toString('utf8')
      .replace(',了\n', ',\n')
      .replace('\n解家长', '\n了解家长');
    expect(refusal(text).split('\n').slice(1)).toEqual([
      '左丽君在「一、围绕中心」下的发言在第 7 行的 “…长满意度调查问卷等形式,” 处中断，没有找到能接上的段落。请在原文中把这句话的后半部分移到这一段后面；若原文确实在这里结束，请补上句末标点。',
      '第 13 行“了解家长需求建议;修订服…”位于小标题下却没有发言人，也接不上任何中断的发言。它上面的第 11 行“二、落实规章制度”带编号、只有一个词组，按小标题处理了；若那一行其实是一段话的开头，请在原文中把第 13 行接到那一行的末尾（写成同一行）；否则请把第 13 行移到所属发言的后面，或在段首写上“姓名:”。',
    ]);
  });

  it('cut inside its first phrase, it takes the number of the heading after it, and the refusal names it too', () => {
    // 二、加强班子建 + 设,认真落实……: the word across the cut is no proof against a heading, as a heading's end and the
    // start of some paragraph form one by chance too often.
    const text = fixture('numbered-han', 'input.txt')
      .toString('utf8')
      .replace('\n\n王鑫(区委教工委副书记)', '\n\n二、加强班子建\n\n王鑫(区委教工委副书记)')
      .replace('共同愿景。', '共同愿景。\n\n设,认真落实各项规章制度。');
    expect(refusal(text)).toContain(
      '（下一个应是“三、”）。一份报告的小标题用同一种编号依次排列，导入程序分不清它是不是小标题，没有导入。第 9 行「二、加强班子建」只有一个词组，也可能不是小标题，而是发言中列出的一项，或一段话的开头、后半部分被排版排到了别处：是的话，请在原文中把它并入所属段落，或把后半部分接到它后面（写成同一行）。若第 13 行不是小标题',
    );
  });
});

/** The message and problems of a refused import. */
function refusal(input: Uint8Array | string): string {
  try {
    run(input);
  } catch (error) {
    if (error instanceof ImportError) return [error.message, ...error.problems].join('\n');
    throw error;
  }
  throw new Error('the import was expected to fail');
}

describe('numbered headings run in sequence, in one style', () => {
  it('up to 十一、: the numbers are read, not only matched', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
    const phrases = ['围绕中心', '抓住关键', '立足实际', '发挥作用', '夯实基础', '凝心聚力', '立德树人', '携手同行'];
    const text = [
      '践行“三严三实” 办人民满意教育',
      ...numerals.flatMap((n, i) => [
        `${n}、${phrases[i % 8]} 第${n}部分`,
        i ? '叶向红:要认真学习。' : '叶向红(区委教工委书记):要认真学习。',
      ]),
    ].join('\n\n');
    expect(
      run(text)
        .summary.headings.map((h) => h.text)
        .at(-1),
    ).toBe('十一、立足实际 第十一部分');
    expect(refusal(text.replace('十一、', '十二、'))).toMatch(/^第 43 行的小标题「十二、.*中间缺了“十一、”/u);
  });

  it('a heading missed (printed with a mark) is named, by the number the next one skips', () => {
    expect(refusal(fixture('numbered-gap', 'input.txt'))).toBe(
      '第 15 行的小标题「三、立足实际 打造服务特色」编号是“三、”，前一个带编号的小标题是第 5 行的「一、围绕中心 严字当头」，中间缺了“二、”。第 11 行“二、抓住关键，加强班子建设”以“二、”开头，像是缺的那个小标题，却不是小标题的样子：小标题要单独一行，除开头的编号外没有标点，两个词组之间有空格，被排版断成两行的请写成同一行。请对照原稿在原文中改正，再导入；若第 15 行不是小标题（例如发言中列出的一项），请在原文中给它加上标点或并入所属段落。',
    );
  });

  it('a point of a remark shaped like a heading, numbered anew, is not taken for one: the import stops, naming it', () => {
    expect(refusal(fixture('numbered-point', 'input.txt'))).toBe(
      '第 13 行的小标题「一、加强理论学习 提高党性修养」的编号“一、”没有接着第 9 行的小标题「二、抓住关键 加强班子建设」排下去（下一个应是“三、”）。一份报告的小标题用同一种编号依次排列，导入程序分不清它是不是小标题，没有导入。若第 13 行不是小标题（例如发言中列出的一项），请在原文中给它加上标点或并入所属段落；若它是下一级的小标题（如“一、”下面的“（一）”），网站的小标题只有一级，导入程序不能照原稿导入，请联系维护者；若原文把编号印错了，请对照原稿改正。',
    );
  });

  it.each([
    ['1. 加强理论学习 提高党性修养', '“1.”', '“三、”'],
    ['（三）加强理论学习 提高党性修养', '“（三）”', '“三、”'],
  ])('%s: a number of another style is refused the same way', (line, number, next) => {
    const text = fixture('numbered-point', 'input.txt').toString('utf8').replace('一、加强理论学习 提高党性修养', line);
    expect(refusal(text)).toMatch(
      new RegExp(`^第 13 行的小标题「.*」的编号${number}没有接着.*（下一个应是${next}）`, 'u'),
    );
  });

  it('an unnumbered heading among numbered ones is listed as maybe a running header', () => {
    const result = run(fixture('numbered-header', 'input.txt'));
    expect(result.summary.headings.map((h) => h.text)).toContain('石景山教育 党建专刊');
    expect(formatSummary(result.summary, 'x')).toContain(
      '\n  - 第 9 行“石景山教育 党建专刊”：这份报告的小标题多数带编号（如第 5 行「一、围绕中心 严字当头」），这一行没有，可能是每页都印的报头，按小标题处理了，下面的发言都归在它下面。是报头的，请在原文中删去这一行；确是小标题的，不用改。',
    );
  });

  it('a numbered heading among unnumbered ones is listed as maybe a point of a remark', () => {
    const clean = fixture('clean', 'input.txt').toString('utf8');
    const result = run(clean.replace('要坚持问题导向', '1. 坚持问题导向 狠抓落实\n\n陈建国:要坚持问题导向'));
    expect(result.summary.doubts.map((d) => [d.line, d.why])).toEqual([
      [
        9,
        '这份报告的小标题多数没有编号（如第 5 行「立德树人 育人为本」），这一行有，可能是发言中列出的一项，按小标题处理了，下面的发言都归在它下面。是的话，请在原文中给它加上标点或并入所属段落；确是小标题的，不用改。',
      ],
    ]);
  });
});

describe('a numbered heading cut across two lines', () => {
  const cut = fixture('numbered-cut', 'input.txt').toString('utf8');

  it('is named as a cut heading, its number on the first line', () => {
    expect(refusal(cut)).toBe(
      [
        '有 1 处排版断裂无法可靠修复，没有写入任何文件：',
        '第 15 行“三、立足实际”：和第 16 行“打造服务特色”写成一行就是小标题「三、立足实际 打造服务特色」的样子，可能是被排版断成两行的小标题，第 16 行按正文处理了。是小标题的，请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。',
      ].join('\n'),
    );
  });

  it('is named when cut after the first of three phrases, the number not counted in its length', () => {
    const text = cut.replace('三、立足实际\n打造服务特色', '三、立足岗位\n争做先锋 勇于担当');
    expect(refusal(text)).toContain(
      '第 15 行“三、立足岗位”：和第 16 行“争做先锋 勇于担当”写成一行就是小标题「三、立足岗位 争做先锋 勇于担当」的样子',
    );
  });
});
