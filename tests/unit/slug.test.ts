import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, pinyinKeys, slugify, slugifyName } from '../../src/lib/slug.ts';

describe('slugs', () => {
  it('turn headings and organisations into readable pinyin', () => {
    expect(slugify('围绕中心 严字当头')).toBe('weirao-zhongxin-yanzidangtou');
    expect(slugify('发挥龙头作用 党建统领')).toBe('fahui-longtou-zuoyong-dangjian-tongling');
    expect(slugify('京源学校')).toBe('jingyuan-xuexiao');
    expect(slugify('一幼')).toBe('yiyou');
  });

  it('keep Latin letters and digits and drop punctuation', () => {
    expect(slugify('银河family 2015')).toBe('yinhe-family-2015');
    expect(slugify('“三严三实”：践行！')).toMatch(SLUG_PATTERN);
  });

  it('write names as surname-given name, reading surnames as surnames', () => {
    expect(slugifyName('叶向红')).toBe('ye-xianghong');
    expect(slugifyName('王鑫')).toBe('wang-xin');
    expect(slugifyName('单雄信')).toBe('shan-xiongxin');
    expect(slugifyName('欧阳修文')).toBe('ouyang-xiuwen');
  });

  it('always match the URL pattern', () => {
    for (const s of ['区委教工委', '金顶街第四小学', 'A校 (分部)', '七一', '2-3名'])
      expect(slugify(s), s).toMatch(SLUG_PATTERN);
  });
});

describe('pinyin keys', () => {
  it('give a name in full and by initials, surnames read as surnames, and organisations as words', () => {
    expect(pinyinKeys('叶向红', true)).toEqual(['yexianghong', 'yxh']);
    expect(pinyinKeys('单丽', true)).toEqual(['shanli', 'sl']);
    expect(pinyinKeys('曾国强', true)).toEqual(['zengguoqiang', 'zgq']);
    expect(pinyinKeys('仇小明', true)).toEqual(['qiuxiaoming', 'qxm']);
    expect(pinyinKeys('区委教工委', false)).toEqual(['quweijiaogongwei', 'qwjgw']);
    expect(pinyinKeys('京源学校', false)).toEqual(['jingyuanxuexiao', 'jyxx']);
    expect(pinyinKeys('Tom', true)).toEqual(['', '']);
  });
});
