import { describe, expect, it } from 'vitest';
import { endsSentence, startsMidSentence, wordAcross } from '../../../src/lib/importer/evidence.ts';

describe('endsSentence', () => {
  it.each([
    '服务社会。',
    '为什么？',
    '好!',
    '等等……',
    '“十要十不准”。',
    '（完）。”',
    '落实“五同”。）',
    '如下：',
    '有三点:',
  ])('%s is complete', (t) => {
    expect(endsSentence(t)).toBe(true);
  });
  it.each(['加强', '体会深刻,', '用科学规范的管', '“为xxx点赞”', '如下：一是'])('%s is cut off', (t) => {
    expect(endsSentence(t)).toBe(false);
  });
});

describe('startsMidSentence', () => {
  it('knows a block starting with a clause mark was cut off', () => {
    expect(startsMidSentence('，强化服务意识')).toBe(true);
    expect(startsMidSentence(')落实')).toBe(true);
    expect(startsMidSentence('理,强化服务意识')).toBe(false);
    expect(startsMidSentence('“7·1”前夕')).toBe(false);
  });
});

describe('wordAcross', () => {
  it('finds the word the true pairing forms across the cut', () => {
    expect(wordAcross('明确了工作目标,用科学规范的管', '理,强化服务意识')).toBe('管理');
    expect(wordAcross('发放家长满意度调查问卷等形式,了', '解家长需求建议;修订服务公约')).toBe('了解');
  });

  it('finds none for wrong pairings', () => {
    expect(wordAcross('用科学规范的管', '解家长需求建议')).toBeUndefined();
    expect(wordAcross('问卷等形式,了', '理,强化服务意识')).toBeUndefined();
    expect(wordAcross('用科学规范的管', '今年,全区高考本科率')).toBeUndefined();
  });

  it('finds none where a mark ends or starts a side, or where only letters and digits meet', () => {
    expect(wordAcross('体会深刻,', '很有借鉴和启发')).toBeUndefined();
    expect(wordAcross('用科学规范的管', ',理')).toBeUndefined();
    expect(wordAcross('银河fami', 'ly微信群')).toBeUndefined();
    expect(wordAcross('提升约20', '15个百分点')).toBeUndefined();
  });
});
