import { describe, expect, it } from 'vitest';
import {
  buildArchive,
  isReportDate,
  paths,
  reportDateFrom,
  type RemarkInput,
  type ReportInput,
} from '../../src/lib/model.ts';

const report = (id: string, date: string, sections = ['甲 部分', '乙 部分']): ReportInput => ({
  id,
  file: `${id}/index.md`,
  title: `报告${id}`,
  date,
  sections,
});
let n = 0;
const remark = (
  r: string,
  speaker: string,
  school: string,
  section: string,
  order: number,
  extra: Partial<RemarkInput> = {},
): RemarkInput => {
  n += 1;
  return {
    id: `${r}/remarks/m${n}`,
    file: `${r}/remarks/m${n}.md`,
    report: r,
    speaker,
    school,
    role: '书记',
    section,
    order,
    ...extra,
  };
};

describe('a report date', () => {
  it('written as Chinese text often has it is read as the date to suggest, where it is one', () => {
    const read = {
      '2015年7月1日': '2015-07-01',
      '2015年7月': '2015-07',
      '2015年': '2015',
      '2015/7/1': '2015-07-01',
      '2015.07.01': '2015-07-01',
      '2015.07': '2015-07',
      '2015-7-1': '2015-07-01',
      '２０１５－０７': '2015-07',
      ' 2015 年 7 月 ': '2015-07',
    };
    for (const [written, date] of Object.entries(read)) expect(reportDateFrom(written), written).toBe(date);
    // No such day; a number YAML may have read from 2015.10; no date at all; a day too many.
    for (const written of ['2015年2月30日', '2015.1', '七月', '2015年13月', '2015-07-01-02', '15年7月', '2015年007月'])
      expect(reportDateFrom(written), written).toBeUndefined();
  });

  it('is a year, a month or a day that exists', () => {
    for (const date of ['2015', '2015-07', '2015-07-01', '2016-02-29', '2015-12-31'])
      expect(isReportDate(date), date).toBe(true);
    for (const date of ['2015-02-31', '2015-02-29', '2015-04-31', '2015-13', '2015-7', '15', '2015-07-1', ''])
      expect(isReportDate(date), date).toBe(false);
  });
});

describe('buildArchive', () => {
  it('orders reports newest first, headings as listed and remarks by their order', () => {
    const { archive, problems } = buildArchive(
      [report('a', '2015'), report('b', '2016-07')],
      [
        remark('a', '张三', '一中', '乙 部分', 2),
        remark('a', '李四', '二中', '乙 部分', 1),
        remark('a', '王五', '一中', '甲 部分', 1),
        remark('b', '张三', '一中', '甲 部分', 1),
      ],
    );
    expect(problems).toEqual([]);
    expect(archive.reports.map((r) => r.id)).toEqual(['b', 'a']);
    const a = archive.reports[1]!;
    expect(a.sectionList.map((s) => s.remarks.map((m) => m.speaker))).toEqual([['王五'], ['李四', '张三']]);
    expect(a.remarks.map((m) => m.speaker)).toEqual(['王五', '李四', '张三']);
  });

  it('gathers one speaker (name and organisation) and one organisation across reports', () => {
    const { archive } = buildArchive(
      [report('a', '2015'), report('b', '2016')],
      [
        remark('a', '张三', '一中', '甲 部分', 1),
        remark('b', '张三', '一中', '甲 部分', 1),
        remark('b', '张三', '二中', '乙 部分', 1),
      ],
    );
    const zhang = archive.speakers.filter((s) => s.name === '张三');
    expect(zhang.map((s) => [s.school, s.remarks.length])).toEqual([
      ['二中', 1],
      ['一中', 2],
    ]);
    expect(archive.orgs.find((o) => o.name === '一中')!.remarks).toHaveLength(2);
    expect(archive.orgs.map((o) => o.name)).toEqual(['二中', '一中']);
  });

  it('builds URLs from slugs, with overrides from frontmatter', () => {
    const { archive } = buildArchive(
      [{ ...report('a', '2015'), sectionSlugs: { '甲 部分': 'part-a' } }],
      [remark('a', '叶向红', '区委教工委', '甲 部分', 1, { slug: 'ye', schoolSlug: 'jiaogongwei' })],
    );
    const m = archive.reports[0]!.remarks[0]!;
    expect(paths.section(m.sectionRef)).toBe('/reports/a/part-a/');
    expect(paths.remark(m)).toBe('/reports/a/#ye');
    expect(paths.speaker(m.speakerRef)).toBe('/speakers/ye-xianghong/');
    expect(paths.org(m.orgRef)).toBe('/orgs/jiaogongwei/');
  });

  it('reports two pages with one URL and two elements with one anchor, naming the files', () => {
    const { problems } = buildArchive(
      [report('a', '2015')],
      [
        remark('a', '王鑫', '一中', '甲 部分', 1, { slug: 'x' }),
        remark('a', '王欣', '二中', '甲 部分', 2, { slug: 'x' }),
      ],
    );
    expect(problems.map((p) => p.message).join('\n')).toContain('/speakers/wang-xin/');
    expect(problems.map((p) => p.message).join('\n')).toContain('#x');
    expect(problems.flatMap((p) => p.files)).toEqual(
      expect.arrayContaining(['a/remarks/m' + (n - 1) + '.md', 'a/remarks/m' + n + '.md']),
    );
  });

  it('reports remarks of a report that has no index.md', () => {
    const { problems } = buildArchive([], [remark('z', '张三', '一中', '甲 部分', 1)]);
    expect(problems[0]!.message).toContain('缺少 index.md');
  });
});
