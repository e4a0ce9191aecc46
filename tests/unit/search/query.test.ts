// Queries in traditional characters (src/scripts/search/query.ts): converted to simplified with OpenCC's tables, which
// a simplified query never needs.
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/scripts/search/engine.ts';
import { mayBeTraditional, parseQuery, searchForms, simplify, type Query } from '../../../src/scripts/search/query.ts';
import { searchChars } from '../../../src/scripts/search/text.ts';
import { readSeed } from '../../support/seed.ts';

const seed = readSeed();

describe('a query in traditional characters', () => {
  it('is searched in simplified characters, mixed queries and phrases included', async () => {
    expect(await simplify('三嚴三實')).toBe('三严三实');
    expect(await simplify('黨建 家長')).toBe('党建 家长');
    expect(await simplify('基層服務型黨組織')).toBe('基层服务型党组织');
    expect(await simplify('葉向紅 三严三实')).toBe('叶向红 三严三实');
    // Hong Kong's forms of 衛, 說 and 衹.
    expect(await simplify('衞生 説明 衹有')).toBe('卫生 说明 只有');
    // A phrase, not character by character: 乾隆 keeps its 乾, 乾淨 becomes 干净.
    expect(await simplify('乾隆 乾淨')).toBe('乾隆 干净');
    expect(parseQuery(await simplify('「三嚴三實」'))).toEqual(parseQuery('三严三实'));
  });

  it('is searched as typed when only that finds every word, as a name may keep a character OpenCC folds', async () => {
    const records = ['王昇老师讲话', '三严三实，王升'];
    const search = (query: Query) => Promise.resolve(scan(records.map(searchChars), [[], []], query));
    const found = async (raw: string) => {
      const { form, hits } = await searchForms(raw, search);
      return { form, hits: hits.map((h) => h.n) };
    };
    expect(await simplify('王昇')).toBe('王升');
    expect(await found('王昇老师')).toEqual({ form: '王昇老师', hits: [0] });
    expect(await found('三嚴三實')).toEqual({ form: '三严三实', hits: [1] });
    expect(await found('王昇')).toEqual({ form: '王升', hits: [1] });
    expect(await found('黨建')).toMatchObject({ form: '党建', hits: [] });
  });

  it('is searched as typed when neither form finds every word and only that finds the name', async () => {
    const records = ['王昇老师讲话', '校长讲话'];
    const search = (query: Query) => Promise.resolve(scan(records.map(searchChars), [[], []], query));
    const { form, hits } = await searchForms('王昇 校长', search);
    expect({ form, hits: hits.map((h) => [h.n, h.missing]) }).toEqual({
      form: '王昇 校长',
      hits: [
        [0, ['校长']],
        [1, ['王昇']],
      ],
    });
  });

  it("is known by every character of GB2312 that OpenCC's tables convert (以後, 於是, 特徵)", async () => {
    const bytes: number[] = [];
    for (let row = 0xb0; row <= 0xf7; row++) for (let col = 0xa1; col <= 0xfe; col++) bytes.push(row, col);
    const gb2312 = [...new TextDecoder('gb2312').decode(new Uint8Array(bytes))].filter((ch) =>
      /\p{Script=Han}/u.test(ch),
    );
    // Each beside a character outside GB2312, so that simplify consults the tables.
    const converted: string[] = [];
    for (const ch of gb2312) if ((await simplify(`${ch}\u3400`)) !== `${ch}\u3400`) converted.push(ch);
    expect(converted.length).toBeGreaterThan(0);
    expect(gb2312.filter((ch) => mayBeTraditional(ch))).toEqual(converted);
    expect(await simplify('以後 於是 特徵')).toBe('以后 于是 特征');
  });

  it('needs no table when it is simplified: not for any word of the seed report', () => {
    const text = [seed.title, seed.note, ...seed.remarks.flatMap((r) => [r.speaker, r.school, ...r.paragraphs])];
    const unusual = [...new Set(text.join(''))].filter((ch) => mayBeTraditional(ch));
    expect(unusual, 'characters of the seed outside GB2312').toEqual([]);
    for (const query of ['三严三实', '党建', 'abc 123', '']) expect(mayBeTraditional(query), query).toBe(false);
    for (const query of ['三嚴三實', '黨', '葉向紅']) expect(mayBeTraditional(query), query).toBe(true);
  });
});
