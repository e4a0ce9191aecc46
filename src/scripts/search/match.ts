// The rules of search, in one place: what matches a query, how well, and in what order results come. Every way a
// query is answered (from Pagefind's word positions, or from the records in memory) counts how often each needle
// occurs in a record and hands the counts to `ranked`, which classifies (`classify`) and orders the records.
import { nameNeedle, type Query } from './query.ts';
import type { Projection } from './text.ts';

/** A half-open range [start, end) of UTF-16 offsets in the original text. */
export type Range = readonly [number, number];

export interface Rank {
  /** 0: the exact phrase; 1: every term as typed (space-separated queries); 2: every word of every term; 3: some of
   * the words, shown only when no record has them all. */
  tier: 0 | 1 | 2 | 3;
  /** Occurrences of what matched, to rank within a tier. */
  hits: number;
  /** Tier 3: the words it lacks. */
  missing?: string[];
  /** The needles (`needlesOf`) that matched. */
  needles: string[];
}

export interface Match extends Rank {
  /** What to highlight, in the original text, sorted and without overlaps. */
  ranges: Range[];
}

/**
 * How a record matches a query, given how often each needle (`needlesOf`) occurs in it, overlapping occurrences
 * included: a name in pinyin or the phrase; else every term, when there are several; else every term or, for a term
 * that is missing as typed, every one of its words; else some of them. Undefined when it has none.
 */
export function classify(query: Query, count: (needle: string) => number): Rank | undefined {
  // A name typed in pinyin matches as the exact phrase would: 叶向红's remarks for yexianghong or yxh.
  const named = query.name ? count(nameNeedle(query.name)) : 0;
  if (named) return { tier: 0, hits: named, needles: [nameNeedle(query.name!)] };
  const phrase = count(query.phrase);
  if (phrase) return { tier: 0, hits: phrase, needles: [query.phrase] };
  const terms = query.terms.map((t) => count(t.text));
  if (terms.length > 1 && terms.every(Boolean))
    return { tier: 1, hits: terms.reduce((a, b) => a + b, 0), needles: query.terms.map((t) => t.text) };
  let hits = 0;
  const needles: string[] = [];
  const missing: string[] = [];
  for (const [i, term] of query.terms.entries())
    for (const [needle, k] of terms[i]
      ? [[term.text, terms[i]] as const]
      : term.words.map((w) => [w, count(w)] as const))
      if (k) {
        hits += k;
        needles.push(needle);
      } else missing.push(needle);
  if (!needles.length) return undefined;
  return missing.length ? { tier: 3, hits, needles, missing } : { tier: 2, hits, needles };
}

/** A matching record: its number (archive order) and how well it matches. */
export interface Hit extends Rank {
  n: number;
}

/** Result order: a better tier first, then (partial matches) fewer words lacking, then more occurrences, then archive
 * order. */
const byRank = (a: Hit, b: Hit) =>
  a.tier - b.tier || (a.missing?.length ?? 0) - (b.missing?.length ?? 0) || b.hits - a.hits || a.n - b.n;

/** The results of a query among some records, given how often each needle occurs in each (`countOf`), in order:
 * partial matches only when nothing has every word. */
export function ranked(query: Query, records: Iterable<number>, countOf: (n: number, needle: string) => number): Hit[] {
  const hits: Hit[] = [];
  for (const n of records) {
    const rank = classify(query, (needle) => countOf(n, needle));
    if (rank) hits.push({ n, ...rank });
  }
  const full = hits.filter((h) => h.tier < 3);
  return (full.length ? full : hits).sort(byRank);
}

/** Offsets in `chars` where `needle` occurs, overlapping occurrences included. */
function occurrences(chars: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = chars.indexOf(needle); i !== -1; i = chars.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** How often a needle occurs in a record: in its searchable characters, or (a name) among its keys. */
export const count = (chars: string, keys: readonly string[], needle: string) =>
  needle.startsWith('#') ? keys.filter((k) => k === needle.slice(1)).length : occurrences(chars, needle).length;

/** The original-text ranges of every occurrence of some needles in a projection, merged; `names` gives the text a
 * name needle stands for. */
function rangesOf(text: Projection, needles: string[], names: (needle: string) => string[]): Range[] {
  const ranges: [number, number][] = [];
  for (const needle of needles.flatMap((n) => (n.startsWith('#') ? names(n) : [n])))
    for (const at of occurrences(text.chars, needle)) ranges.push([text.start[at]!, text.end[at + needle.length - 1]!]);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** How a record matches a query, with the ranges to highlight in its projected text; a name in pinyin highlights
 * the name or school it stands for (`fields`: the folded text each key stands for, in the order of `keys`). */
export function matchText(
  text: Projection,
  keys: readonly string[],
  fields: string[],
  query: Query,
): Match | undefined {
  const found = classify(query, (needle) => count(text.chars, keys, needle));
  const names = (needle: string) => fields.filter((_, i) => keys[i] === needle.slice(1));
  return found && { ...found, ranges: rangesOf(text, found.needles, names) };
}
