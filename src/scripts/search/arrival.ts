// Arriving at a remark from a search result: the search view remembers the query, as searched, for the address it
// opens, and the reading page marks what matched in that remark (mark.ts, loaded only then). The link works without
// any of this.
const KEY = 'search-arrival';

/** In the search view, as a result is followed. */
export const rememberQuery = (url: string, q: string) => sessionStorage.setItem(KEY, JSON.stringify({ url, q }));

/** On a reading page: marks the query in the remark (or editor's note) the address points to, once. */
export function markArrival() {
  const saved = sessionStorage.getItem(KEY);
  if (!saved) return;
  sessionStorage.removeItem(KEY);
  const { url, q } = JSON.parse(saved) as { url: string; q: string };
  const target = url === location.href && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const scope = target && (target.closest('.editors-note') ?? target.querySelector('.remark-body'));
  if (scope) void import('./mark.ts').then(({ mark }) => mark(scope, q));
}
