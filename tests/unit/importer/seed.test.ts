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
/** The two breaks between words that the editor confirms, as the refusal quotes them (docs/importer.md has the command). */
const joins = ['切实按照中央要求，加强', '联系实际、体会深刻，'];
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('importing the source of the seed report', () => {
  const result = run(fixture('seed/report.txt'), '2015', id, joins);

  it('stops at the two breaks between words until they are confirmed, suggesting the --join to give', () => {
    let problems: string[] = [];
    try {
      run(fixture('seed/report.txt'), '2015', id);
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

  it('finds the four known breaks, two by evidence and two as confirmed, not more', () => {
    const repairs = result.summary.repairs.map(
      (r) =>
        `${r.head.line}→${r.tail.line} ${r.evidence.kind === 'word' ? r.evidence.word : r.evidence.confirmed ? 'confirmed' : 'adjacent'}`,
    );
    expect(repairs).toEqual(['5→7 confirmed', '20→22 confirmed', '60→46 管理', '64→52 了解']);
  });

  it('says in its summary what it joined and why', () => {
    const summary = formatSummary(result.summary, `content/reports/${id}`);
    expect(summary).toContain('小标题 5 个');
    expect(summary).toContain('发言人 9 位');
    expect(summary).toContain('发言 16 篇');
    expect(summary).toContain(
      '王鑫在「围绕中心 严字当头」下的发言：第 20 行“…出、联系实际、体会深刻,”接上紧随其后的第 22 行“很有借鉴和启发。各单位要…”。依据：原段未完句，下一段紧接在后且没有发言人，编辑已用 --join 确认。',
    );
    expect(summary).toMatch(
      /王甫在「发挥龙头作用 党建统领」下的发言：第 60 行“…工作目标,用科学规范的管”接上第 46 行“理,强化服务意识,促进服…”（原在「立足实际 打造服务特色」下）。依据：.*“管理”/,
    );
    expect(summary).toMatch(/左丽君.*第 52 行“解家长需求建议.*（原在「夯实基础 落实规章制度」下开头）.*“了解”/);
    expect(summary).toMatch(
      /王甫：单位 考试中心，职务 党支部书记（第 60 行“考试中心党支部书记”；第 44 行的发言在职务介绍之前，也已用上）/,
    );
  });

  it('matches the committed files when imported from the files in memory too', () => {
    expect(asTree(result)).toEqual(readTree(committed));
  });
});
