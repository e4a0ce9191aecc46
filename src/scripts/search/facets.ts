// Filters by heading, school, role and report, counted over every matching record from the facet table
// (facets.json), which the page fetches only when the reader filters.
import type { Hit } from './engine.ts';
import { FACETS, type Facet, type FacetTable } from './record.ts';

export type Selection = Record<Facet, string[]>;

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

/** An empty selection. */
export const noSelection = (): Selection => ({ heading: [], school: [], role: [], report: [] });

/** Whether anything is selected. */
export const hasSelection = (selection: Selection) => FACETS.some((f) => selection[f].length > 0);

/** The selection as value numbers of the table, per facet (values the table does not have match nothing). */
function selectedIds(selection: Selection, table: FacetTable): Record<Facet, Set<number>> {
  return Object.fromEntries(
    FACETS.map((f) => [f, new Set(selection[f].map((v) => table[f].values.indexOf(v)))]),
  ) as Record<Facet, Set<number>>;
}

/** Whether record `n` passes the selection: any selected value within a facet, every facet with a selection. */
function passes(n: number, ids: Record<Facet, Set<number>>, table: FacetTable, except?: Facet): boolean {
  return FACETS.every((f) => f === except || !ids[f].size || ids[f].has(table[f].ids[n]!));
}

/** The hits that pass the selection. */
export function applySelection(hits: Hit[], selection: Selection, table: FacetTable | undefined): Hit[] {
  if (!hasSelection(selection) || !hits.length) return hits;
  if (!table) throw new Error('facet table not loaded');
  const ids = selectedIds(selection, table);
  return hits.filter((h) => passes(h.n, ids, table));
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/**
 * Each facet's values with counts: how many hits would show with that value, given the other facets' choices.
 * Headings keep reading order; other values go by count, then pinyin.
 */
export function facetValues(hits: Hit[], selection: Selection, table: FacetTable): Record<Facet, FacetValue[]> {
  const ids = selectedIds(selection, table);
  const result = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    const counts = new Map<number, { count: number; first: number }>();
    for (const id of ids[facet]) if (id >= 0) counts.set(id, { count: 0, first: Number.MAX_SAFE_INTEGER });
    for (const hit of hits) {
      const id = table[facet].ids[hit.n]!;
      if (id < 0 || !passes(hit.n, ids, table, facet)) continue;
      const entry = counts.get(id) ?? { count: 0, first: hit.n };
      entry.count++;
      entry.first = Math.min(entry.first, hit.n);
      counts.set(id, entry);
    }
    const values = table[facet].values;
    result[facet] = [...counts]
      .sort(([ia, a], [ib, b]) =>
        facet === 'heading' ? a.first - b.first : b.count - a.count || collator.compare(values[ia]!, values[ib]!),
      )
      .map(([id, { count }]) => ({ value: values[id]!, count, selected: selection[facet].includes(values[id]!) }));
  }
  // A value chosen in the URL that this archive does not have still shows, with 0, so it can be cleared.
  for (const facet of FACETS)
    for (const value of selection[facet])
      if (!table[facet].values.includes(value)) result[facet].push({ value, count: 0, selected: true });
  return result;
}
