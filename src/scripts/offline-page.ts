// The offline page's list of the pages saved on this device, read from the cache of the build it belongs to, with
// their titles; past a hundred, their number (the whole site is saved, and the header's links lead into it). And its
// text, where the whole site is saved and the address asked is none of its pages.
import type { OfflineFiles } from '../integrations/offline/copy.ts';

const LISTED = 100;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const name = `offline:${base}:pages:${document.documentElement.dataset.build ?? ''}`;

async function list(box: HTMLElement) {
  if (!(await caches.has(name))) return;
  const cache = await caches.open(name);
  const urls = (await cache.keys())
    .map((r) => r.url)
    .filter((url) => url.endsWith('/') && !url.endsWith(`${base}offline/`));
  urls.sort();
  if (!urls.length) return;
  if (urls.length > LISTED)
    return void (box.firstElementChild!.textContent = (box.dataset.many ?? '').replace('{}', String(urls.length)));
  const pages = await Promise.all(
    urls.map(async (url) => {
      const html = (await (await cache.match(url))?.text()) ?? '';
      const doc = new DOMParser().parseFromString(html, 'text/html');
      // The site's order, which each page carries (src/layouts/Base.astro): a heading's address does not give its
      // place in the report. A page without one (the search page, an index's later pages) comes last.
      const order = Number(doc.documentElement.dataset.order ?? Number.MAX_SAFE_INTEGER);
      return { url, order, title: doc.title.replace(/ - [^-]+$/, '') };
    }),
  );
  const ul = document.createElement('ul');
  for (const { url, title } of pages.sort((a, b) => a.order - b.order)) {
    const item = document.createElement('li');
    item.append(Object.assign(document.createElement('a'), { href: new URL(url).pathname, textContent: title || url }));
    ul.append(item);
  }
  box.replaceChildren(ul);
}

/** With the whole site saved, an address the copy lacks is none of this build's pages (mistyped, or added since): to
 * say it is not saved would send the reader looking for a way to save it. */
async function explain(text: HTMLElement) {
  const whole = await caches.match(`${base}offline/files.json`, { cacheName: name });
  if (!whole) return;
  const { pages } = (await whole.json()) as OfflineFiles;
  let path = location.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Not an address any page has.
  }
  if (path === `${base}offline/` || pages.includes(path) || pages.includes(`${path}/`)) return;
  text.textContent = text.dataset.unknown ?? text.textContent;
}

const text = document.querySelector<HTMLElement>('.offline-text');
if (text && 'caches' in window) void explain(text).catch(() => {});
const box = document.querySelector<HTMLElement>('.offline-pages');
// data-state="done" once the list is drawn, for whoever waits for the page to be complete
// (tests/browser/pages.test.ts).
if (box)
  void ('caches' in window ? list(box) : Promise.resolve()).catch(() => {}).then(() => (box.dataset.state = 'done'));
