// The rules of search, in one place: what matches a query, how well, and in what order results come. Every way a
// query is answered (from Pagefind's word positions, or from the records in memory) counts how often each needle
// occurs in a record and hands the counts to `classify`; `byRank` orders the results.
import type { Query } from './query.ts';
import type { Projection } from './text.ts';

/** A half-open range [start, end) of UTF-16 offsets in the original text. */
export type Range = readonly [number, number];

export interface Rank {
  /** 0: the exact phrase; 1: every term as typed (space-separated queries); 2: only every word of every term. */
  tier: 0 | 1 | 2;
  /** Occurrences of what matched, to rank within a tier. */
  hits: number;
}

export interface Match extends Rank {
  /** What to highlight, in the original text, sorted and without overlaps. */
  ranges: Range[];
}

/**
 * How a record matches a query, given how often each needle (`needlesOf`) occurs in it, overlapping occurrences
 * included: the phrase; else every term, when there are several; else every term or, for a term that is missing as
 * typed, every one of its words. Undefined when it does not match. `needles` are what matched, to highlight.
 */
export function classify(query: Query, count: (needle: string) => number): (Rank & { needles: string[] }) | undefined {
  const phrase = count(query.phrase);
  if (phrase) return { tier: 0, hits: phrase, needles: [query.phrase] };
  const terms = query.terms.map((t) => count(t.text));
  if (terms.length > 1 && terms.every(Boolean))
    return { tier: 1, hits: terms.reduce((a, b) => a + b, 0), needles: query.terms.map((t) => t.text) };
  let hits = 0;
  const needles: string[] = [];
  for (const [i, term] of query.terms.entries()) {
    if (terms[i]) {
      hits += terms[i];
      needles.push(term.text);
      continue;
    }
    for (const word of term.words) {
      const k = count(word);
      if (!k) return undefined;
      hits += k;
      needles.push(word);
    }
  }
  return { tier: 2, hits, needles };
}

/** Result order: a better tier first, then more occurrences, then archive order (record number `n`). */
export const byRank = (a: Rank & { n: number }, b: Rank & { n: number }) =>
  a.tier - b.tier || b.hits - a.hits || a.n - b.n;

/** Offsets in `chars` where `needle` occurs, overlapping occurrences included. */
function occurrences(chars: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = chars.indexOf(needle); i !== -1; i = chars.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The original-text ranges of every occurrence of some needles in a projection, merged. */
function rangesOf(text: Projection, needles: string[]): Range[] {
  const ranges: [number, number][] = [];
  for (const needle of needles)
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

/** How a text's searchable characters (`searchChars`) match a query, without where: to rank a whole archive. */
export function rankChars(chars: string, query: Query): Rank | undefined {
  const found = classify(query, (needle) => occurrences(chars, needle).length);
  return found && { tier: found.tier, hits: found.hits };
}

/** How a projected text matches a query, with the ranges to highlight. */
export function matchText(text: Projection, query: Query): Match | undefined {
  const found = classify(query, (needle) => occurrences(text.chars, needle).length);
  return found && { tier: found.tier, hits: found.hits, ranges: rangesOf(text, found.needles) };
}
