// Driving the search page in a test: run a query through its form and read the results as a reader sees them.
import type { Page } from 'playwright-core';

export interface ShownResult {
  /** The remark's anchor (its file name), or "note" for a report's title and editor's note. */
  id: string;
  href: string;
  title: string;
  meta: string;
  excerpt: string;
  marks: string[];
}

/** A result link's record id: the anchor, or "note" for the editor's note (#note-<report>). */
export function idOf(href: string): string {
  const hash = new URL(href, 'http://x').hash.slice(1);
  return !hash || hash.startsWith('note-') ? 'note' : decodeURIComponent(hash);
}

/** The results on the page, in order. */
export async function shownResults(page: Page): Promise<ShownResult[]> {
  const list = await page.$$eval('ol.search-results:not([hidden]) > li', (items) =>
    items.map((li) => {
      const a = li.querySelector('a')!;
      return {
        id: '',
        href: a.getAttribute('href')!,
        title: a.textContent!.trim(),
        meta: li.querySelector('.search-meta')?.textContent?.trim() ?? '',
        excerpt: li.querySelector('.search-excerpt')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!),
      };
    }),
  );
  return list.map((r) => ({ ...r, id: idOf(r.href) }));
}

/** Waits until the search page has rendered the results of `q` (trimmed). */
export async function rendered(page: Page, q: string): Promise<void> {
  await page.waitForFunction((q) => {
    const el = document.querySelector<HTMLElement>('search-page');
    return el?.dataset.query === q && (el.dataset.state === 'done' || el.dataset.state === 'idle' || el.dataset.state === 'error');
  }, q.trim());
}

/** Submits `q` through the search page's own form and returns what it shows. */
export async function runQuery(page: Page, q: string): Promise<ShownResult[]> {
  await page.evaluate(async (q) => {
    const el = document.querySelector<HTMLElement>('search-page')!;
    const done = new Promise<void>((resolve) => {
      const onRendered = () => {
        if (el.dataset.query !== q.trim()) return;
        el.removeEventListener('search-rendered', onRendered);
        resolve();
      };
      el.addEventListener('search-rendered', onRendered);
    });
    el.querySelector<HTMLInputElement>('input[name=q]')!.value = q;
    el.querySelector('form')!.requestSubmit();
    await done;
  }, q);
  return shownResults(page);
}
