// Filters by heading, school, role and report, computed from the verified results (Pagefind's own filter counts
// would count candidates that the phrase check drops).
import type { Hit } from './engine.ts';
import { FACETS, type Facet } from './record.ts';

export type Selection = Record<Facet, string[]>;

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

/** An empty selection. */
export const noSelection = (): Selection => ({ heading: [], school: [], role: [], report: [] });

/** Whether a hit passes the selection: any selected value within a facet, every facet with a selection. */
function passes(hit: Hit, selection: Selection, except?: Facet): boolean {
  return FACETS.every((f) => f === except || !selection[f].length || selection[f].some((v) => hit.doc.filters[f]?.includes(v)));
}

/** The hits that pass the selection. */
export function applySelection(hits: Hit[], selection: Selection): Hit[] {
  return hits.filter((h) => passes(h, selection));
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/**
 * Each facet's values with counts: how many hits would show with that value, given the other facets' choices.
 * Headings keep reading order; other values go by count, then pinyin.
 */
export function facetValues(hits: Hit[], selection: Selection): Record<Facet, FacetValue[]> {
  const result = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, { count: number; order: number }>();
    for (const v of selection[facet]) counts.set(v, { count: 0, order: Number.MAX_SAFE_INTEGER });
    for (const hit of hits) {
      if (!passes(hit, selection, facet)) continue;
      for (const v of hit.doc.filters[facet] ?? []) {
        const entry = counts.get(v) ?? { count: 0, order: Number.MAX_SAFE_INTEGER };
        entry.count++;
        entry.order = Math.min(entry.order, Number(hit.doc.meta.order));
        counts.set(v, entry);
      }
    }
    result[facet] = [...counts]
      .sort(([va, a], [vb, b]) => (facet === 'heading' ? a.order - b.order : b.count - a.count || collator.compare(va, vb)))
      .map(([value, { count }]) => ({ value, count, selected: selection[facet].includes(value) }));
  }
  return result;
}
