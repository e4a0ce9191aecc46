// Paragraphs the importer takes for prose although they may be a speaker's remark: listed under 请核对, never dropped
// silently into the previous remark.
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { formatSummary } from '../../../src/lib/importer/summary.ts';
import { fixture, run } from './helpers.ts';

/** A small report whose fourth paragraph (line 7) is `line`. */
const report = (line: string, extra = '') =>
  ['二〇一六年座谈会 交流材料', '立德树人 育人为本', '张伟(实验中学校长):学校坚持每周一次升旗仪式。', line, extra].join(
    '\n\n',
  );

describe('a speaker line written with a colon or brackets a tag does not take, or without its colon', () => {
  it.each([
    ['王鑫(区委教工委副书记)∶学校实施青年教师成长计划。', '王鑫(区委教工委副书记)∶', '冒号是“∶”'],
    ['王鑫(区委教工委副书记)︰学校实施青年教师成长计划。', '王鑫(区委教工委副书记)︰', '冒号是“︰”'],
    ['王鑫〔区委教工委副书记〕:学校实施青年教师成长计划。', '王鑫〔区委教工委副书记〕:', '括号是“〔〕”'],
    ['王鑫[区委教工委副书记]:学校实施青年教师成长计划。', '王鑫[区委教工委副书记]:', '括号是“[]”'],
    ['王鑫【区委教工委副书记】:学校实施青年教师成长计划。', '王鑫【区委教工委副书记】:', '括号是“【】”'],
    ['王鑫(区委教工委副书记)学校实施青年教师成长计划。', '王鑫(区委教工委副书记)学校实施…', '括号后面没有冒号'],
    ['王鑫∶学校实施青年教师成长计划。', '王鑫∶', '冒号是“∶”'],
  ])('%s: prose, and listed under 请核对 with what to fix', (line, start, why) => {
    const result = run(report(line));
    expect(result.summary.speakers.map((s) => s.name)).toEqual(['张伟']);
    expect(result.summary.doubts).toEqual([{ line: 7, start, why: expect.stringContaining(why) as string }]);
    const summary = formatSummary(result.summary, 'x');
    expect(summary).toContain('\n请核对 1 处：导入程序无法确定下面这些行是什么');
    expect(summary).toContain(`\n  - 第 7 行“${start}”：${why}`);
    expect(summary).toContain('发言人的介绍应写成“姓名(单位职务):”');
  });

  it.each([
    '全区(含直属单位)共有党员三百名。',
    '教学能手评选活动(面向全区青年教师)今年举办。',
    '学校实施青年教师成长计划:一是培训。',
  ])('%s: prose that starts with a word and a bracket or a colon is not listed', (line) => {
    expect(run(report(line)).summary.doubts).toEqual([]);
  });

  it('names the paragraph when the import is refused for another reason', () => {
    let error: unknown;
    try {
      run(report('王鑫(区委教工委副书记)∶学校实施青年教师成长计划。', '李四(一中书记):我们也开展了志愿服务'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems[0]).toMatch(/^可能与此有关：第 7 行“王鑫\(区委教工委副书记\)∶”：冒号是“∶”/u);
  });
});

describe('`姓名:` whose name is also a word the dictionary knows, introduced nowhere', () => {
  it.each(['张三', '高峰', '林海', '方圆', '常青', '江南', '白雪', '田野', '主要做法'])(
    '%s: prose, and listed under 请核对 with the introduction to write',
    (name) => {
      const result = run(report(`${name}:学校实施青年教师成长计划。`));
      expect(result.summary.speakers.map((s) => s.name)).toEqual(['张伟']);
      expect(result.files.find((f) => f.path === 'remarks/1-1-zhang-wei.md')?.text).toContain(
        `\n\n${name}：学校实施青年教师成长计划。`,
      );
      expect(formatSummary(result.summary, 'x')).toContain(
        `\n  - 第 7 行“${name}:”：“${name}”是个常用词，全文又没有写明这个名字的单位职务，按一句话处理，接在上一位发言人的发言里。若它是发言人的名字，请在原文中把此人的某一次发言开头写成“${name}(单位职务):”。`,
      );
    },
  );

  it('is listed once for each word, and not at all for the opener of a point (一是, 二是, 其次; 然後 in a traditional text)', () => {
    const points = ['一是:抓学习。', '二是:抓服务。', '三是:抓落实。', '其次:常督查。', '目标:育人。', '目标:办学。'];
    points.push('然後:再總結。', '總之:抓落實。');
    const result = run(report(points.join('\n\n')));
    expect(result.summary.speakers.map((s) => s.name)).toEqual(['张伟']);
    expect(result.summary.doubts).toEqual([
      {
        line: 15,
        start: '目标:',
        why: expect.stringContaining('按一句话处理，接在上一位发言人的发言里（全文 2 处都是这样）') as string,
      },
    ]);
  });

  it('is a speaker, not listed, when introduced elsewhere', () => {
    const result = run(report('高峰(育才小学校长):学校实施青年教师成长计划。', '高峰:我们还开展了志愿服务。'));
    expect(result.summary.speakers.map((s) => s.name)).toEqual(['张伟', '高峰']);
    expect(result.summary.doubts).toEqual([]);
  });
});

describe('a paragraph quoting someone, inside a remark', () => {
  it.each([
    ['李明说：“要加强学习。”', '李明说：“要加强学习。”'],
    ['校长指出:要加强学习,提升素养。', '校长指出：要加强学习，提升素养。'],
    ['张伟强调：“要加强学习。”', '张伟强调：“要加强学习。”'],
    ['王校长说:“要加强学习。”', '王校长说：“要加强学习。”'],
    ['李红讲:“要加强学习。”', '李红讲：“要加强学习。”'],
    ['“李明同志说：要加强学习。”', '“李明同志说：要加强学习。”'],
    ['“李明”：要加强学习。', '“李明”：要加强学习。'],
    ['李明說：“要加強學習。”', '李明說：“要加強學習。”'],
    ['校長強調:要加強學習。', '校長強調：要加強學習。'],
  ])('%s: stays in the remark as written, nobody made a speaker, nothing listed', (line, written) => {
    const result = run(report(line, '李红(育才小学党支部书记):学校实施青年教师成长计划。'));
    expect(result.summary.speakers.map((s) => s.name)).toEqual(['张伟', '李红']);
    expect(result.summary.remarks.map((r) => r.speaker)).toEqual(['张伟', '李红']);
    expect(result.summary.doubts).toEqual([]);
    expect(result.files.find((f) => f.path === 'remarks/1-1-zhang-wei.md')?.text).toContain(`\n\n${written}\n`);
  });
});

describe('a paragraph ending with a colon, leading in to the paragraphs after it', () => {
  it.each([
    ['主要做法如下：', '一是加强学习。'],
    ['主要做法如下:', '一是加强学习。'],
    ['做法如下：', '一是加强学习。'],
    ['主要做法如下：', ''],
  ])('%s / %s: kept as its own paragraph, nothing joined or listed, with --strict too', (line, next) => {
    for (const strict of [false, true]) {
      const result = run(
        report(line, [next, '李红(育才小学党支部书记):学校实施青年教师成长计划。'].filter(Boolean).join('\n\n')),
        undefined,
        undefined,
        [],
        strict,
      );
      expect(result.summary.remarks.map((r) => r.speaker)).toEqual(['张伟', '李红']);
      expect(result.summary.repairs).toEqual([]);
      expect(result.summary.doubts).toEqual([]);
      const body = result.files
        .find((f) => f.path === 'remarks/1-1-zhang-wei.md')!
        .text.split('---\n')
        .at(-1);
      expect(body).toBe(`\n学校坚持每周一次升旗仪式。\n\n${line.replace(':', '：')}\n${next ? `\n${next}\n` : ''}`);
    }
  });
});

describe("a speaker's introduction cut across two lines", () => {
  it.each([
    ['王鑫(区委教工', '委副书记):学校实施青年教师成长计划。'],
    ['王', '鑫(区委教工委副书记):学校实施青年教师成长计划。'],
    ['王鑫(区委教工委副书记)', ':学校实施青年教师成长计划。'],
  ])('%s / %s: refused naming both lines, not joined into the previous remark', (head, tail) => {
    let error: unknown;
    try {
      run(report(head, tail));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems.at(-1)).toBe(
      '第 7、9 行接起来以发言人的介绍“王鑫(区委教工委副书记):”开头：介绍被排版断开了，导入程序不替它接上，否则这篇发言会接在上一位发言人的发言里。请在原文中把“王鑫(区委教工委副书记):”写在同一行，再导入。',
    );
  });
});

describe('a running page header between remarks, shaped like a heading', () => {
  const second = '李红(育才小学党支部书记):学校实施青年教师成长计划。';

  it.each([
    ['2015年7月3日 星期五', '像日期'],
    ['7月3日 星期五', '像日期'],
    ['二〇一六年座谈会 交流材料', '和标题相同'],
    ['二〇一六年座谈会 交流材料 3', '带有页码'],
    ['交流材料 第3版', '带有页码'],
    ['第 12 页 交流材料', '带有页码'],
  ])('%s: a heading, listed under 请核对 as a possible header', (header, why) => {
    const result = run(report(header, second));
    expect(result.summary.headings.map((h) => h.text)).toEqual(['立德树人 育人为本', header]);
    expect(result.summary.doubts).toEqual([
      {
        line: 7,
        start: header,
        why: `${why}，可能是每页都印的报头，按小标题处理了，下面的发言都归在它下面。是报头的，请在原文中删去这一行；确是小标题的，不用改。`,
      },
    ]);
  });

  it.each(['二〇一六年座谈会交流材料', '二〇一六年座谈会，交流材料', '二〇一六年座谈会——交流材料'])(
    'a header repeating the title %s with a space, listed under 请核对 as a possible header',
    (title) => {
      const result = run(report('二〇一六年座谈会 交流材料', second).replace('二〇一六年座谈会 交流材料', title));
      expect(result.summary.title).toBe(title);
      expect(result.summary.headings.map((h) => h.text)).toEqual(['立德树人 育人为本', '二〇一六年座谈会 交流材料']);
      expect(result.summary.doubts).toEqual([
        {
          line: 7,
          start: '二〇一六年座谈会 交流材料',
          why: '和标题的文字相同，可能是每页都印的报头，按小标题处理了，下面的发言都归在它下面。是报头的，请在原文中删去这一行；确是小标题的，不用改。',
        },
      ]);
    },
  );

  it('is not listed when it has neither the title, a page number nor a date', () => {
    const result = run(report('队伍建设 凝心聚力', second));
    expect(result.summary.headings.map((h) => h.text)).toEqual(['立德树人 育人为本', '队伍建设 凝心聚力']);
    expect(result.summary.doubts).toEqual([]);
  });

  it('is refused as a repeated heading when it repeats one, saying that a header is to be deleted', () => {
    let error: unknown;
    try {
      run(report('立德树人 育人为本', second));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain(
      '若它是每页都印的报头（报刊名、日期之类），请在原文中删去这一行。',
    );
  });
});

describe('a heading cut across two lines', () => {
  const clean = fixture('clean/input.txt').toString('utf8');
  const refusal = (text: string) => {
    try {
      run(text);
    } catch (error) {
      if (error instanceof ImportError) return [error.message, ...error.problems];
    }
    throw new Error('imported');
  };

  const broken = (n: number) => `有 ${n} 处排版断裂无法可靠修复，没有写入任何文件：`;

  // Its second line, taken for prose, ends without a mark: told to end it with a full stop, the editor would make the
  // heading prose.
  it('is named as a cut heading, with the line to write and nothing else, when it stands between remarks', () => {
    expect(refusal(clean.replace('队伍建设 凝心聚力', '队伍建设\n凝心聚力'))).toEqual([
      broken(1),
      '第 15 行“队伍建设”：和第 16 行“凝心聚力”写成一行就是小标题「队伍建设 凝心聚力」的样子，可能是被排版断成两行的小标题，第 16 行按正文处理了。是小标题的，请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。',
    ]);
  });

  it('is named, and nothing else, when cut after the second of three phrases', () => {
    expect(refusal(clean.replace('家校共育 携手同行', '家校共育 携手\n同行'))).toEqual([
      broken(1),
      '第 23 行“家校共育 携手”：和第 24 行“同行”写成一行就是小标题「家校共育 携手 同行」的样子，可能是被排版断成两行的小标题，第 24 行按正文处理了。是小标题的，请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。',
    ]);
  });

  it('is named in its place, and the other problems as they are, when the import is refused for another reason too', () => {
    const text = clean
      .replace('队伍建设 凝心聚力', '队伍建设\n凝心聚力')
      .replace('提升了党员的理论素养。', '提升了党员的理论素养');
    expect(refusal(text)).toEqual([
      broken(2),
      expect.stringMatching(/^第 15 行“队伍建设”：和第 16 行“凝心聚力”写成一行就是小标题/u),
      '吴晓燕在「立德树人 育人为本」下的发言在第 20 行的 “…得,提升了党员的理论素养” 处中断，没有找到能接上的段落。请在原文中把这句话的后半部分移到这一段后面；若原文确实在这里结束，请补上句末标点。',
    ]);
  });

  // Taken for a remark cut with no tail, it was told to end with a full stop; a paragraph cut before its first mark,
  // its tail lost, stands so too, so the refusal gives the fix for either.
  it('is named, with the fix for a cut paragraph too, when cut after the first of three phrases', () => {
    expect(refusal(clean.replace('家校共育 携手同行', '立足岗位\n争做先锋 勇于担当'))).toEqual([
      broken(1),
      '第 23 行“立足岗位”：和第 24 行“争做先锋 勇于担当”写成一行就是小标题「立足岗位 争做先锋 勇于担当」的样子，可能是被排版断成两行的小标题，第 23 行按正文处理了。是小标题的，请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。不是的，第 23 行是在句中断开的一段，没有找到能接上的段落：请在原文中把这句话的后半部分移到这一段后面。',
    ]);
  });

  it('is not seen before a heading in a paragraph whose tail was moved away and found', () => {
    const text = clean
      .replace('家校共育 携手同行', '立足岗\n\n家校共育 携手同行')
      .replace('做到全员覆盖。', '做到全员覆盖。\n\n位,做好本职工作。');
    const result = run(text);
    expect(result.summary.repairs.map((r) => [r.head.line, r.tail.line, r.evidence])).toEqual([
      [23, 31, { kind: 'word', word: '岗位' }],
    ]);
    expect(result.summary.doubts).toEqual([]);
  });

  it.each([
    ['after the editor’s note', clean.replace('立德树人 育人为本', '立德树人\n\n育人为本'), '第 5、7 行'],
    [
      'right after the title',
      clean.replace(/编者按.*\n\n/u, '').replace('立德树人 育人为本', '立德树人\n育人为本'),
      '第 3、4 行',
    ],
  ])('is named as the first heading cut %s, not as a remark before any heading', (_, text, lines) => {
    expect(refusal(text)).toEqual([
      `${lines}“立德树人”“育人为本”写成一行就是小标题「立德树人 育人为本」的样子，像是被排版断成两行的小标题，所以它下面的发言都落在了第一个小标题之前。请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。`,
    ]);
  });

  it('is not seen in a paragraph cut into pieces without marks', () => {
    const text = clean.replace(
      '组织学生开展主题班会和社会实践活动。',
      '组织学生开展主题班会\n和社会实践活动\n\n取得了实效。',
    );
    expect(run(text, '2016-05', 'test-report', ['主题班会', '社会实践活动']).summary.doubts).toEqual([]);
  });
});
