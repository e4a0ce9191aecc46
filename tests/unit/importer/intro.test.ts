import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/lib/importer/summary.ts';
import { asTree, fixture, run } from './helpers.ts';

/** A small report whose speakers are introduced as `intro` (line 5) and `second` (line 7). */
const report = (intro: string, second = '育才小学党支部书记') =>
  [
    '二〇一六年座谈会 交流材料',
    '立德树人 育人为本',
    `张伟(${intro}):学校坚持每周一次升旗仪式。`,
    `李红(${second}):学校实施青年教师成长计划。`,
  ].join('\n\n');

describe('spaces inside 单位职务', () => {
  it.each([
    ['京源学校 党总支书记', '京源学校', '党总支书记'],
    ['京源学校党总支 书记', '京源学校', '党总支书记'],
    ['京源 学校\u3000党总支书记', '京源学校', '党总支书记'],
    ['北京 101 中学 校长', '北京101中学', '校长'],
  ])('%s: organisation %s and role %s, as prose loses spaces between Chinese words', (intro, school, role) => {
    const speaker = run(report(intro)).summary.speakers.find((s) => s.name === '张伟');
    expect(speaker).toMatchObject({ school, role, intro: `${school}${role}` });
  });

  it('takes two intros that differ only in spaces for the same', () => {
    const text = `${report('京源学校党总支书记')}\n\n张伟(京源学校 党总支书记):我们还开展了志愿服务。`;
    expect(run(text).summary.remarks.filter((r) => r.speaker === '张伟')).toHaveLength(2);
  });
});

describe('one name introduced at two organisations', () => {
  const same = fixture('same-name/input.txt').toString('utf8');

  it('is two speakers, each remark with its own 单位职务 and address, listed under 请核对', () => {
    const result = run(same);
    expect(result.summary.speakers.map((s) => [s.name, s.school, s.role])).toEqual([
      ['张伟', '实验中学', '校长'],
      ['张伟', '育才小学', '党支部书记'],
    ]);
    const files = asTree(result);
    expect(files.get('remarks/1-1-zhang-wei.md')).toContain('school: 实验中学\nrole: 校长\n');
    expect(files.get('remarks/1-1-zhang-wei.md')).not.toContain('speakerSlug');
    for (const path of ['remarks/1-2-zhang-wei.md', 'remarks/2-1-zhang-wei.md'])
      expect(files.get(path)).toContain('school: 育才小学\nrole: 党支部书记\n');
    expect(files.get('remarks/2-1-zhang-wei.md')).toContain('speakerSlug: zhang-wei-yucai-xiaoxue\n');
    expect(result.summary.doubts).toEqual([
      {
        line: 7,
        start: '张伟(育才小学党支部书记):',
        why: '第 5 行也有一位张伟，在「实验中学」，单位不同，按同名的两个人处理，各有自己的网页。若是同一个人，请对照原稿改正写错的那一处，加上 --force 再导入一次。',
      },
    ]);
    expect(formatSummary(result.summary, 'x')).toMatch(/张伟：单位 实验中学.*1 篇\n {2}张伟：单位 育才小学.*2 篇\n/u);
  });

  it('refuses a remark that gives the name alone, as it cannot be told whose', () => {
    expect(() => run(`${same}\n张伟:我们还开展了志愿服务。\n`)).toThrow(
      '第 13 行的发言人「张伟」没有写明单位职务，而全文有 2 位张伟（第 5 行“实验中学校长”、第 7 行“育才小学党支部书记”），分不清是哪一位。请对照原稿，在原文中把这一处写成“张伟(实验中学校长):”或“张伟(育才小学党支部书记):”。',
    );
  });

  it('refuses one name at one organisation with two roles, as one person written two ways', () => {
    expect(() => run(same.replace('育才小学党支部书记):学校', '实验中学党支部书记):学校'))).toThrow(
      '张伟在第 5 行是“实验中学校长”，在第 7 行却是“实验中学党支部书记”。同一篇报告里同一人的单位职务应当一致：请对照原稿改正其中一处。',
    );
  });
});
