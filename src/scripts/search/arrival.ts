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
  if (!target) return;
  // The record's fields (leadOf in record.ts): the speaker and the school, or the report's title; then the body.
  const note = target.closest('.editors-note');
  const fields = note
    ? [document.querySelector('h1'), note.querySelector('.note-body')]
    : [
        target.querySelector('.remark-speaker'),
        target.querySelector('.remark-school'),
        target.querySelector('.remark-body'),
      ];
  if (fields.every(Boolean)) void import('./mark.ts').then(({ mark }) => mark(fields as Element[], q));
}
