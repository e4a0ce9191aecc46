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

/** Presses “show more” until every result is on the page. */
export async function expandResults(page: Page): Promise<void> {
  for (let more = page.locator('.search-more'); await more.count();) {
    const before = await page.locator('ol.search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ol.search-results > li').length > n, before);
  }
}

/** Every result of the current search, in order (pressing “show more” as often as it takes). */
export async function shownResults(page: Page): Promise<ShownResult[]> {
  await expandResults(page);
  const list = await page.$$eval('ol.search-results:not([hidden]) > li', (items) =>
    items.map((li) => {
      const a = li.querySelector('a')!;
      return {
        id: '',
        href: a.getAttribute('href')!,
        title: a.textContent.trim(),
        meta: li.querySelector('.search-meta')?.textContent?.trim() ?? '',
        excerpt: li.querySelector('.search-excerpt')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      };
    }),
  );
  return list.map((r) => ({ ...r, id: idOf(r.href) }));
}

/** Waits until the search page has rendered the results of `q` (trimmed). */
export async function rendered(page: Page, q: string): Promise<void> {
  await page.waitForFunction((q) => {
    const el = document.querySelector<HTMLElement>('search-view');
    return (
      el?.dataset.query === q &&
      (el.dataset.state === 'done' || el.dataset.state === 'idle' || el.dataset.state === 'error')
    );
  }, q.trim());
}

/** Opens the filters (they load when first opened) and waits for them. */
export async function openFilters(page: Page): Promise<void> {
  if (!(await page.$eval('.search-filters-panel', (d) => (d as HTMLDetailsElement).open)))
    await page.click('.search-filters-panel summary');
  await page.locator('.search-facet').first().waitFor();
}

/** Submits `q` through the search page's own form and returns what it shows. */
export async function runQuery(page: Page, q: string): Promise<ShownResult[]> {
  await page.evaluate(async (q) => {
    const el = document.querySelector<HTMLElement>('search-view')!;
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
