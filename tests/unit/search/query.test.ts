// Queries in traditional characters (src/scripts/search/query.ts): converted to simplified with OpenCC's tables, which
// a simplified query never needs.
import { describe, expect, it } from 'vitest';
import { mayBeTraditional, parseQuery, simplify } from '../../../src/scripts/search/query.ts';
import { readSeed } from '../../support/seed.ts';

const seed = readSeed();

describe('a query in traditional characters', () => {
  it('is searched in simplified characters, mixed queries and phrases included', async () => {
    expect(await simplify('三嚴三實')).toBe('三严三实');
    expect(await simplify('黨建 家長')).toBe('党建 家长');
    expect(await simplify('基層服務型黨組織')).toBe('基层服务型党组织');
    expect(await simplify('葉向紅 三严三实')).toBe('叶向红 三严三实');
    // A phrase, not character by character: 乾隆 keeps its 乾, 乾淨 becomes 干净.
    expect(await simplify('乾隆 乾淨')).toBe('乾隆 干净');
    expect(parseQuery(await simplify('「三嚴三實」'))).toEqual(parseQuery('三严三实'));
  });

  it('needs no table when it is simplified: not for any word of the seed report', () => {
    const text = [seed.title, seed.note, ...seed.remarks.flatMap((r) => [r.speaker, r.school, ...r.paragraphs])];
    const unusual = [...new Set(text.join(''))].filter((ch) => mayBeTraditional(ch));
    expect(unusual, 'characters of the seed outside GB2312').toEqual([]);
    for (const query of ['三严三实', '党建', 'abc 123', '']) expect(mayBeTraditional(query), query).toBe(false);
    for (const query of ['三嚴三實', '黨', '葉向紅']) expect(mayBeTraditional(query), query).toBe(true);
  });
});
