// What a reader typed, taken apart the way the index and the matcher need it.
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
}

let segmenter: Intl.Segmenter | undefined;

/** ICU's words in a term, where the platform offers word segmentation; otherwise the term as one word. */
function icuWords(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [text];
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].map((s) => s.segment).filter((s) => [...s].some(isTokenChar));
}

/** A term's words, with neighbouring one-character words joined, so 三/严/三/实 counts as 三严三实. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let single = '';
  for (const word of icuWords(text)) {
    if ([...word].length === 1) {
      single += word;
      continue;
    }
    if (single) words.push(single);
    single = '';
    words.push(word);
  }
  if (single) words.push(single);
  return [...new Set(words)];
}

/** Parses a query; undefined when it has no letters or digits. */
export function parseQuery(raw: string): Query | undefined {
  const terms = raw
    .split(/\s+/)
    .map((part) => project(part).chars)
    .filter(Boolean)
    .map((text) => ({ text, words: wordsOf(text) }));
  if (!terms.length) return undefined;
  const phrase = terms.map((t) => t.text).join('');
  return { phrase, terms };
}

/** Every run of characters whose occurrences decide a match: the phrase, each term, and each term's words. */
export function needlesOf(query: Query): string[] {
  return [...new Set([query.phrase, ...query.terms.flatMap((t) => [t.text, ...t.words])])];
}
