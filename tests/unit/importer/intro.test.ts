import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

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
