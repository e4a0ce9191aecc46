// Builds the result list and the filters as DOM nodes (text is set as text, never parsed as HTML).
import { search as s } from '../../i18n/zh-CN.ts';
import type { Shown } from './engine.ts';
import { excerpt, highlight, type Piece } from './excerpt.ts';
import type { FacetValue } from './facets.ts';
import type { Range } from './match.ts';
import { FACETS, type Facet } from './record.ts';

/** An element with attributes and children; strings become text nodes. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

const pieces = (list: Piece[]) => list.map((p) => (p.mark ? h('mark', {}, p.text) : p.text));

/** Ranges of `ranges` that fall in [start, start + length), shifted to start at 0. */
function within(ranges: readonly Range[], start: number, length: number): Range[] {
  return ranges
    .filter(([a, b]) => b > start && a < start + length)
    .map(([a, b]) => [Math.max(a, start) - start, Math.min(b, start + length) - start] as const);
}

/** One result: a link to the remark (speaker and heading) or to the editor's note, the school and role, an excerpt. */
export function resultItem({ record, lead, bodyStart, match }: Shown): HTMLElement {
  const ranges = match?.ranges ?? [];
  const field = (i: number) => {
    const f = lead[i];
    return f ? pieces(highlight(f.text, within(ranges, f.start, f.text.length))) : [];
  };
  const body = record.text.slice(bodyStart);
  const meta = record.meta;
  const remark = meta.kind === 'remark';
  const title = remark
    ? [h('span', { class: 'search-speaker' }, ...field(0)), ' ', h('span', { class: 'search-heading' }, meta.heading)]
    : [h('span', { class: 'search-heading' }, ...field(0))];
  // In an archive the report tells results of different years apart.
  const about = remark ? [...field(1), ` · ${meta.role} · ${meta.report}`] : [s.editorsNote];
  return h(
    'li',
    { class: 'search-result' },
    h('h2', {}, h('a', { href: record.url }, ...title)),
    h('p', { class: 'search-meta' }, ...about),
    ...(match?.missing ? [h('p', { class: 'search-partial' }, s.lacks(match.missing))] : []),
    h('p', { class: 'search-excerpt' }, ...pieces(excerpt(body, within(ranges, bodyStart, body.length)))),
  );
}

/** The filters: one group of checkboxes per facet with more than one value (or a value chosen). A long group scrolls
 * (an archive has hundreds of schools); values come by count, so the likeliest are first. */
export function filterGroups(values: Record<Facet, FacetValue[]>): HTMLElement[] {
  return FACETS.filter((f) => values[f].length > 1 || values[f].some((v) => v.selected)).map((facet) =>
    h(
      'fieldset',
      { class: 'search-facet' },
      h('legend', {}, s.facets[facet] ?? facet),
      ...values[facet].map(({ value, count, selected }) => {
        const box = h('input', { type: 'checkbox', name: facet, value }) as HTMLInputElement;
        box.checked = selected;
        return h('label', {}, box, ` ${value}`, h('span', { class: 'search-count' }, s.facetCount(count)));
      }),
    ),
  );
}

/** The button that shows the next results. */
export const moreButton = (left: number) => h('button', { type: 'button', class: 'search-more' }, s.more(left));

/** The “clear filters” button. */
export const clearButton = () => h('button', { type: 'button', class: 'search-clear' }, s.clearFilters);

/** The “no results” message: for the query, or for the filters when the query has results without them. */
export const emptyState = (query: string, filtered: boolean): HTMLElement[] =>
  filtered
    ? [h('p', {}, s.noneFiltered)]
    : [h('p', { class: 'search-empty-title' }, s.none(query)), h('p', {}, s.noneHint)];
