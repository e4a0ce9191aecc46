// What a reader typed, taken apart the way the index and the matcher need it.
import type { Hit } from './match.ts';
import { isTokenChar, project } from './text.ts';

/** One whitespace-separated part of a query, and the words ICU finds in it. */
export interface Term {
  /** The term's letters and digits, folded (see `project`). */
  text: string;
  /** Its words: runs of single characters are joined back, so scattered characters never stand in for a word. */
  words: string[];
}

export interface Query {
  /** The whole query's letters and digits, folded: the exact phrase. */
  phrase: string;
  terms: Term[];
  /** A query of Latin letters alone (spaces aside) may be a name in pinyin, in full or by initials: those letters. */
  name?: string;
}

/** The needle of a name in pinyin: it is counted in a record's `keys`, not in its text. */
export const nameNeedle = (name: string) => `#${name}`;

let segmenter: Intl.Segmenter | undefined;

/** ICU's words in a term, where the platform offers word segmentation; otherwise the term as one word. */
function icuWords(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [text];
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment).filter((s) => [...s].some(isTokenChar));
}

/** Particles that join words rather than make them: 赵卫东的发言 is 赵卫东 and 发言, not 赵卫东的, which ICU's dictionary
 * splits into single characters as it does most names. */
const PARTICLES = new Set('的之和与及或了');

/** A term's words, with neighbouring one-character words joined, so 三/严/三/实 counts as 三严三实; a particle
 * between them is left out. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let single = '';
  for (const word of icuWords(text)) {
    if ([...word].length === 1 && !PARTICLES.has(word)) {
      single += word;
      continue;
    }
    if (single) words.push(single);
    single = '';
    if (!PARTICLES.has(word)) words.push(word);
  }
  if (single) words.push(single);
  return words.length ? [...new Set(words)] : [text];
}

let simplified: Set<string> | undefined;
const HAN = /\p{Script=Han}/u;
/** GB2312's characters that OpenCC's tables convert, traditional forms it kept for other uses (後 → 后, 於 → 于). */
const KEPT_TRADITIONAL = new Set('乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽');

/** Whether a text may hold traditional characters: a Han character outside GB2312, the simplified standard, whose
 * characters the platform's decoder gives without any table to download, or one of the few it kept. */
export function mayBeTraditional(text: string): boolean {
  if (!simplified) {
    // Every two-byte code of GB2312's Han characters: rows 0xB0–0xF7, columns 0xA1–0xFE.
    const bytes: number[] = [];
    for (let row = 0xb0; row <= 0xf7; row++) for (let col = 0xa1; col <= 0xfe; col++) bytes.push(row, col);
    simplified = new Set(new TextDecoder('gb2312').decode(new Uint8Array(bytes)));
  }
  return [...text].some((ch) => HAN.test(ch) && (!simplified!.has(ch) || KEPT_TRADITIONAL.has(ch)));
}

let converter: Promise<(text: string) => string> | undefined;

/** A query in simplified characters, as the archive is written: traditional ones converted with OpenCC's tables (Hong
 * Kong's forms, such as 衞 and 説, first), which are loaded only for a query that may need them. */
export async function simplify(text: string): Promise<string> {
  if (!mayBeTraditional(text)) return text;
  converter ??= Promise.all([import('opencc-js/core'), import('opencc-js/from/hk'), import('opencc-js/to/cn')]).then(
    ([core, hk, cn]) => core.ConverterFactory(hk.default, cn.default),
  );
  // Offline, the tables may not be saved: try again next time.
  converter.catch(() => (converter = undefined));
  return (await converter)(text);
}

/**
 * What to search for what was typed, and its results: the simplified form, as the archive is written, unless only the
 * form as typed finds a record with every word, or, where neither does, more records: a name may keep a character
 * that OpenCC folds (王昇, not 王升).
 */
export async function searchForms(raw: string, search: (query: Query) => Promise<Hit[]>) {
  const answer = async (form: string) => {
    const query = parseQuery(form);
    return { form, query, hits: query ? await search(query) : [] };
  };
  const full = (hits: Hit[]) => (hits[0]?.tier ?? 3) < 3;
  const simple = await answer(await simplify(raw));
  if (simple.form === raw || full(simple.hits)) return simple;
  const typed = await answer(raw);
  return full(typed.hits) || (!full(simple.hits) && typed.hits.length > simple.hits.length) ? typed : simple;
}

/** Parses a query; undefined when it has no letters or digits. */
export function parseQuery(raw: string): Query | undefined {
  const parts = raw
    .split(/\s+/)
    .map((part) => project(part).chars)
    .filter(Boolean);
  if (!parts.length) return undefined;
  const phrase = parts.join('');
  // A term typed twice counts once, or a record lacking it would lack it twice.
  const terms = [...new Set(parts)].map((text) => ({ text, words: wordsOf(text) }));
  // A name in pinyin may be typed with its tones (yè) and ü, which the keys write as v (src/lib/slug.ts).
  const name = phrase.normalize('NFD').replaceAll('u\u0308', 'v').replace(/\p{M}/gu, '');
  return /^[a-z]{2,}$/.test(name) ? { phrase, terms, name } : { phrase, terms };
}

/** Every run of characters whose occurrences decide a match: the phrase, each term, and each term's words; and the
 * name, if the query may be one. */
export function needlesOf(query: Query): string[] {
  const name = query.name ? [nameNeedle(query.name)] : [];
  return [...new Set([query.phrase, ...query.terms.flatMap((t) => [t.text, ...t.words]), ...name])];
}
