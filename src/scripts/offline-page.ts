// The offline page's list of the pages saved on this device, read from the cache of the build it belongs to, with
// their titles; past a hundred, their number (the whole site is saved, and the header's links lead into it).

const LISTED = 100;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function list(box: HTMLElement) {
  const build = document.documentElement.dataset.build ?? '';
  const name = `offline:${base}:pages:${build}`;
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

const box = document.querySelector<HTMLElement>('.offline-pages');
// data-state="done" once the list is drawn, for whoever waits for the page to be complete
// (tests/browser/pages.test.ts).
if (box)
  void ('caches' in window ? list(box) : Promise.resolve()).catch(() => {}).then(() => (box.dataset.state = 'done'));
