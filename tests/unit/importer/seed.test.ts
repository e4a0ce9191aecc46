import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check.ts';
import { writeReport } from '../../../src/lib/importer/write.ts';
import { formatSummary } from '../../../src/lib/importer/summary.ts';
import { contentModel } from '../../../src/content.config.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { asTree, fixture, readTree, root, run } from './helpers.ts';

const id = '2015-dangjian-zuotanhui';
const committed = join(root, 'content/reports', id);
const temp = mkdtempSync(join(tmpdir(), 'import-seed-'));
/** The two breaks between words, as the --strict refusal quotes them for --join. */
const joins = ['切实按照中央要求，加强', '联系实际、体会深刻，'];
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('importing the source of the seed report', () => {
  // No flag: the command docs/importer.md gives.
  const result = run(fixture('seed/report.txt'), '2015', id);

  it('with --strict, stops at the two breaks between words until they are confirmed, suggesting the --join to give', () => {
    let problems: string[] = [];
    try {
      run(fixture('seed/report.txt'), '2015', id, [], true);
    } catch (error) {
      if (error instanceof ImportError) problems = error.problems;
    }
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^编者按在第 5 行的 “…求切实按照中央要求,加强” 处中断。第 7 行“基层服务型党组织建设.*（紧随其后）.*第 15 行.*第 18 行.*--join "切实按照中央要求，加强" 确认/,
    );
    expect(problems[1]).toMatch(
      /^王鑫在「围绕中心 严字当头」下的发言在第 20 行的 “…出、联系实际、体会深刻,” 处中断。第 22 行“很有借鉴和启发.*--join "联系实际、体会深刻，" 确认/,
    );
  });

  it('reproduces the committed seed content byte for byte, file for file', async () => {
    const target = await writeReport(temp, id, result.files, false);
    const written = readTree(target);
    const seed = readTree(committed);
    expect([...written.keys()].sort()).toEqual([...seed.keys()].sort());
    for (const [path, text] of seed) expect(written.get(path), path).toBe(text);
  });

  it('writes content the site checker accepts without a problem', async () => {
    const dir = mkdtempSync(join(temp, 'check-'));
    await writeReport(dir, id, result.files, false);
    expect((await checkContent(dir, contentModel)).problems).toEqual([]);
  });

  it('finds the four known breaks, two by evidence and two for review against the same two paragraphs, not more', () => {
    const describe = (repairs: typeof result.summary.repairs) =>
      repairs.map(
        (r) =>
          `${r.head.line}→${r.tail.line} ${r.evidence.kind === 'word' ? r.evidence.word : r.evidence.confirmed ? 'confirmed' : `review ${r.review?.others.map((b) => b.line).join(',')}`}`,
      );
    expect(describe(result.summary.repairs)).toEqual([
      '5→7 review 15,18',
      '20→22 review 15,18',
      '60→46 管理',
      '64→52 了解',
    ]);
    // Confirmed, with or without --strict, the same joins are no longer for review, and the files are the same.
    for (const strict of [false, true]) {
      const confirmed = run(fixture('seed/report.txt'), '2015', id, joins, strict);
      expect(describe(confirmed.summary.repairs)).toEqual([
        '5→7 confirmed',
        '20→22 confirmed',
        '60→46 管理',
        '64→52 了解',
      ]);
      expect(asTree(confirmed)).toEqual(asTree(result));
    }
  });

  it('says in its summary what it joined and why', () => {
    const summary = formatSummary(result.summary, `content/reports/${id}`);
    expect(summary).toContain('小标题 5 个');
    expect(summary).toContain('发言人 9 位');
    expect(summary).toContain('发言 16 篇');
    expect(summary).toContain('\n修复排版断裂 4 处，都要核对，列在最后的“请核对”下。\n');
    // The joins in doubt come last, each once, naming the file to look at and what else the text allows: the two
    // without evidence, and the two on a word, whose tails could belong to those two instead.
    expect(summary.slice(summary.indexOf('\n请核对'))).toBe(
      [
        '',
        '请核对 4 处：下面的段落在句中断开，原文本身无法证明接上的一段就是它的后半部分，导入程序按这样接上了。请在预览中对照原稿逐一核对：',
        '  - 编者按（index.md）：第 5 行“…求切实按照中央要求,加强”接上紧随其后的第 7 行“基层服务型党组织建设,紧…”，接缝处不成词。也可能是它后半部分的段落：第 15 行“当前,区教育系统的党建既…”、第 18 行“今年,全区高考本科率比去…”。核对无误的，以后再导入时加上 --join "切实按照中央要求，加强" 就不再列出。',
        '  - 王鑫在「围绕中心 严字当头」下的发言（remarks/1-2-wang-xin.md）：第 20 行“…出、联系实际、体会深刻,”接上紧随其后的第 22 行“很有借鉴和启发。各单位要…”，接缝处不成词。也可能是它后半部分的段落：第 15 行“当前,区教育系统的党建既…”、第 18 行“今年,全区高考本科率比去…”。核对无误的，以后再导入时加上 --join "联系实际、体会深刻，" 就不再列出。',
        '  - 王甫在「发挥龙头作用 党建统领」下的发言（remarks/5-2-wang-fu.md）：第 60 行“…工作目标,用科学规范的管”接上第 46 行“理,强化服务意识,促进服…”（原在「立足实际 打造服务特色」下），接缝处组成词“管理”。但第 5 行“…求切实按照中央要求,加强”、第 20 行“…出、联系实际、体会深刻,”也在句中断开，接上的是紧随其后、接缝处不成词的一段，第 46 行也可能是其中一段的后半部分。那几处核对无误、以后再导入时加上所列的 --join，这里就不再列出。',
        '  - 左丽君在「发挥龙头作用 党建统领」下的发言（remarks/5-4-zuo-lijun.md）：第 64 行“…满意度调查问卷等形式,了”接上第 52 行“解家长需求建议;修订服务…”（原在「夯实基础 落实规章制度」下开头），接缝处组成词“了解”。但第 5 行“…求切实按照中央要求,加强”、第 20 行“…出、联系实际、体会深刻,”也在句中断开，接上的是紧随其后、接缝处不成词的一段，第 52 行也可能是其中一段的后半部分。那几处核对无误、以后再导入时加上所列的 --join，这里就不再列出。',
        '  接错的，请在原文中把正确的那段移到断开的那段后面（写成同一行），加上 --force 再导入一次；也可以直接修改上面括号里的文件。',
      ].join('\n'),
    );
    expect(summary.match(/^ {2}- 王鑫/gm)).toHaveLength(1);
    expect(result.files.map((f) => f.path)).toContain('remarks/1-2-wang-xin.md');
    // Once the two joins without evidence are confirmed, the two on a word are proven, and listed with their evidence.
    const confirmed = formatSummary(
      run(fixture('seed/report.txt'), '2015', id, joins).summary,
      `content/reports/${id}`,
    );
    expect(confirmed).toContain('\n修复排版断裂 4 处：');
    expect(confirmed).not.toContain('\n请核对');
    expect(confirmed).toMatch(
      /王甫在「发挥龙头作用 党建统领」下的发言：第 60 行“…工作目标,用科学规范的管”接上第 46 行“理,强化服务意识,促进服…”（原在「立足实际 打造服务特色」下）。依据：.*“管理”，且只有这一种接法。/,
    );
    expect(confirmed).toMatch(/左丽君.*第 52 行“解家长需求建议.*（原在「夯实基础 落实规章制度」下开头）.*“了解”/);
    expect(summary).toMatch(
      /王甫：单位 考试中心，职务 党支部书记（第 60 行“考试中心党支部书记”；第 44 行的发言在职务介绍之前，也已用上）/,
    );
  });

  it('matches the committed files when imported from the files in memory too', () => {
    expect(asTree(result)).toEqual(readTree(committed));
  });
});
