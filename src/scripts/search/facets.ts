// Filters by heading, school, role and report, counted over every matching record from the records' metadata,
// which the page has in memory once it has loaded every record (a reader who opens the filters first has it load
// them then).
import type { Hit } from './match.ts';
import { FACETS, facetsOf, type Facet, type RecordMeta } from './record.ts';

export type Selection = Record<Facet, string[]>;

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export const noSelection = (): Selection => ({ heading: [], school: [], role: [], report: [] });

export const hasSelection = (selection: Selection) => FACETS.some((f) => selection[f].length > 0);

/** Whether a record passes the selection: any selected value within a facet, every facet with a selection. */
const passes = (meta: RecordMeta, selection: Selection, except?: Facet) =>
  FACETS.every((f) => f === except || !selection[f].length || selection[f].includes(facetsOf(meta)[f] ?? ''));

/** The hits that pass the selection; `metas`: every record's, by record number. */
export function applySelection(hits: Hit[], selection: Selection, metas: RecordMeta[] | undefined): Hit[] {
  if (!hasSelection(selection) || !hits.length) return hits;
  if (!metas) throw new Error('records not loaded');
  return hits.filter((h) => passes(metas[h.n]!, selection));
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/**
 * Each facet's values with counts: how many hits would show with that value, given the other facets' choices.
 * Headings keep reading order; other values go by count, then pinyin. A value chosen in the URL that no hit has
 * still shows, with 0, so it can be cleared.
 */
export function facetValues(hits: Hit[], selection: Selection, metas: RecordMeta[]): Record<Facet, FacetValue[]> {
  const result = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, { count: number; first: number }>();
    for (const value of selection[facet]) counts.set(value, { count: 0, first: Number.MAX_SAFE_INTEGER });
    for (const hit of hits) {
      const meta = metas[hit.n]!;
      const value = facetsOf(meta)[facet];
      if (!value || !passes(meta, selection, facet)) continue;
      const entry = counts.get(value) ?? { count: 0, first: hit.n };
      entry.count++;
      entry.first = Math.min(entry.first, hit.n);
      counts.set(value, entry);
    }
    result[facet] = [...counts]
      .sort(([va, a], [vb, b]) =>
        facet === 'heading' ? a.first - b.first : b.count - a.count || collator.compare(va, vb),
      )
      .map(([value, { count }]) => ({ value, count, selected: selection[facet].includes(value) }));
  }
  return result;
}
