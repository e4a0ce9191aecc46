// The two ways the search page answers a query must agree: from the index (where each index word stands, as Pagefind
// returns it, turned into counts per record) and from every record's text in memory. Random records and queries,
// over a small alphabet so that phrases, terms and words repeat, overlap and cross punctuation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsAt, rankCounts, scan } from '../../../src/scripts/search/engine.ts';
import { needlesOf, parseQuery } from '../../../src/scripts/search/query.ts';
import { searchChars } from '../../../src/scripts/search/text.ts';
import { needleWords, recordWords, START } from '../../../src/scripts/search/tokens.ts';

const ALPHABET = [...'党建服务家长三严实教育学校', '，', '。', ' ', '\n', 'a', 'B', '２', '\u{20BB7}'];
/** Text over many characters, or over very few, where needles overlap themselves (党党 in 党党党). */
const text = fc.oneof(
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join('')),
  fc.array(fc.constantFrom('党', '建', '，'), { maxLength: 12 }).map((chars) => chars.join('')),
);

/** Name keys (record.ts), from a few, so that records share them and one is a prefix of another. */
const keys = fc.array(fc.constantFrom('ye', 'yexianghong', 'yxh', 'ab', ''), { maxLength: 4 });

/** The index of some records as Pagefind holds it: every record's words, one record after the other. */
function indexOf(records: string[], keysOf: string[][] = records.map(() => [])) {
  const perRecord = records.map((r, n) => recordWords(searchChars(r), keysOf[n]!));
  const words = perRecord.flat();
  /** Where a word stands, as Pagefind finds it: it reads a search term as a prefix too. */
  const positionsOf = (word: string) => words.flatMap((w, i) => (w.startsWith(word) ? [i] : []));
  return { starts: positionsOf(START), positionsOf };
}

describe('the two ways of answering a query', () => {
  it('give the same records, tiers, counts and order for random records and queries', () => {
    /** Some records and a query: a piece of one of them (1–8 characters, a space sometimes), or random text. */
    const archive = fc.array(fc.tuple(text, keys), { minLength: 1, maxLength: 12 }).chain((list) =>
      fc.tuple(
        fc.constant(list.map(([r]) => r)),
        fc.constant(list.map(([, k]) => k)),
        fc.oneof(
          text,
          fc.constantFrom('ye', 'YeXiangHong', 'ye xianghong', 'yxh', 'ab', 'abc'),
          fc
            .tuple(fc.nat(list.length - 1), fc.nat(40), fc.integer({ min: 1, max: 8 }), fc.nat(8))
            .map(([r, at, len, gap]) => {
              const piece = list[r]![0].slice(at, at + len);
              return `${piece.slice(0, gap)} ${piece.slice(gap)}`;
            }),
        ),
      ),
    );
    fc.assert(
      fc.property(archive, ([records, keysOf, raw]) => {
        const query = parseQuery(raw);
        if (!query) return;
        const { starts, positionsOf } = indexOf(records, keysOf);
        const counts = new Map(
          needlesOf(query).map((needle) => [needle, countsAt(needleWords(needle).map(positionsOf), starts)]),
        );
        expect(rankCounts(query, counts)).toEqual(
          scan(
            records.map((r) => searchChars(r)),
            keysOf,
            query,
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('find what a reader expects in a small archive', () => {
    const records = ['服务家长，服务学生', '家长学校', '服 务', '三严三实'];
    const { starts, positionsOf } = indexOf(records, [
      ['yexianghong', 'yxh'],
      [],
      ['yexiang', 'yx'],
      ['yuxiaohui', 'yxh'],
    ]);
    const query = parseQuery('服务')!;
    const counts = new Map(
      needlesOf(query).map((needle) => [needle, countsAt(needleWords(needle).map(positionsOf), starts)]),
    );
    expect(rankCounts(query, counts)).toEqual([
      { n: 0, tier: 0, hits: 2, needles: ['服务'] },
      { n: 2, tier: 0, hits: 1, needles: ['服务'] },
    ]);
    // A name in pinyin finds the records whose keys it is, in full or by initials (every speaker they fit), and no
    // other: yexiang is not yexianghong.
    for (const [raw, found] of [
      ['ye xianghong', [0]],
      ['YXH', [0, 3]],
      ['yexiang', [2]],
    ] as const) {
      const name = parseQuery(raw)!;
      const counts = new Map(
        needlesOf(name).map((needle) => [needle, countsAt(needleWords(needle).map(positionsOf), starts)]),
      );
      expect(rankCounts(name, counts), raw).toEqual(
        found.map((n) => ({ n, tier: 0, hits: 1, needles: [`#${name.name}`] })),
      );
    }
  });
});
