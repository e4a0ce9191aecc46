// Whether a record really contains the query, how well, and where: Pagefind finds records holding every character
// of the query; this keeps only those holding the phrase, or every term, or every word of every term.
import type { Query } from './query.ts';
import type { Projection } from './text.ts';

/** A half-open range [start, end) of UTF-16 offsets in the original text. */
export type Range = readonly [number, number];

export interface Match {
  /** 0: the exact phrase; 1: every term as typed (space-separated queries); 2: only every word of every term. */
  tier: 0 | 1 | 2;
  /** Occurrences of what matched, to rank within a tier. */
  hits: number;
  /** What to highlight, in the original text, sorted and without overlaps. */
  ranges: Range[];
}

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

const count = (chars: string, needles: string[]) => needles.reduce((n, s) => n + occurrences(chars, s).length, 0);

/** Which tier a text's characters reach and the needles that got it there, or undefined when it does not match. */
function matched(chars: string, query: Query): { tier: Match['tier']; needles: string[] } | undefined {
  if (chars.includes(query.phrase)) return { tier: 0, needles: [query.phrase] };
  const terms = query.terms.map((t) => t.text);
  if (terms.length > 1 && terms.every((t) => chars.includes(t))) return { tier: 1, needles: terms };
  const needles = query.terms.flatMap((t) => (chars.includes(t.text) ? [t.text] : t.words));
  if (!needles.every((w) => chars.includes(w))) return undefined;
  return { tier: 2, needles };
}

/** How a text's searchable characters (`searchChars`) match a query, without where: to rank a whole archive. */
export function rankChars(chars: string, query: Query): Pick<Match, 'tier' | 'hits'> | undefined {
  const found = matched(chars, query);
  return found && { tier: found.tier, hits: count(chars, found.needles) };
}

/** How a projected text matches a query, or undefined when it contains neither the phrase nor all of its words. */
export function matchText(text: Projection, query: Query): Match | undefined {
  const found = matched(text.chars, query);
  return found && { tier: found.tier, hits: count(text.chars, found.needles), ranges: rangesOf(text, found.needles) };
}
