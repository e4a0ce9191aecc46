// The words of the Pagefind index, shared by the build (which writes them) and the search page (which asks for
// them). Every record of the archive is one run of words in one Pagefind page, in archive order:
//   - a bigram at each position of the record's letters and digits, and field breaks (`project`): the character and
//     the next one, so that a phrase is its bigrams at consecutive positions;
//   - then every character alone (`u` and its code), so that one character is one exact word;
//   - then its name keys, the speaker's and the school's pinyin (`p`, the key, `0`).
// Each record begins with the word `START`, so that where it stands says where each record begins.
// A character is written as its code point in base 36 (four digits), because Pagefind segments a Chinese query
// with the browser's ICU before it looks words up and would split a bigram such as 严三 in two
// (https://github.com/Pagefind/pagefind/issues/1237); a run of ASCII letters and digits is always one word to it.
// Codes never begin with a letter after `n` (36⁴ covers every code point), so no bigram begins with `u` or `p`, and no
// word is a prefix of another: Pagefind reads a search term as a prefix too.

/** One character as four base-36 digits. */
export const encodeChar = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');

const single = (ch: string) => `u${encodeChar(ch)}`;

/** A name key (record.ts) as a word: `p`, the key and `0`, so that no key's word is a prefix of another's. */
const key = (k: string) => `p${k}0`;

/** The word at the start of every record: it sorts before every other word (no character of the index has a code
 * below 31, `FIELD_BREAK`'s), and no word begins with it. */
export const START = '0000';

/**
 * What follows the last record in the page: `START` again, so that it stands at least 20,000 times. Pagefind closes an
 * index chunk once its words stand that often (Pagefind 1.6's default: `default_index_chunk_size` in its
 * `options.rs`, not a documented setting), so the first chunk holds `START` alone, and a first search loads where the
 * records start and no other word (tests/browser/search-ui.test.ts). After the last record it starts no record.
 */
const startPadding = (records: number) => Array<string>(Math.max(0, 20_000 - records)).fill(START);

/** The words of the one Pagefind page, as runs: each record's (`recordWords`), in archive order, then `startPadding`. */
export const pageWords = (records: string[][]): string[][] => [...records, startPadding(records.length)];

/** The index words of one record's letters and digits (`searchChars`), in order, then its name keys. */
export function recordWords(chars: string, keys: readonly string[]): string[] {
  const list = [...chars];
  const bigrams = list.slice(1).map((ch, i) => encodeChar(list[i]!) + encodeChar(ch));
  return [START, ...bigrams, ...list.map(single), ...keys.filter(Boolean).map(key)];
}

/** What to ask Pagefind for to find a needle: its bigrams, whose positions must follow one another; or, for one
 * character, that character alone; or, for a name (`nameNeedle`), its key. */
export function needleWords(needle: string): string[] {
  if (needle.startsWith('#')) return [key(needle.slice(1))];
  const list = [...needle];
  return list.length === 1 ? [single(list[0]!)] : list.slice(1).map((ch, i) => encodeChar(list[i]!) + encodeChar(ch));
}
