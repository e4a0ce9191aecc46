// Offline: after one online visit, with the network cut, every page and the search (with filters) still work;
// a new build replaces the old cache on the next visit. Real Chromium and the real service worker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeServiceWorker } from '../../src/integrations/search/service-worker.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { readPages, searchFolder, textOf } from '../support/dist.ts';
import { readSeed } from '../support/seed.ts';
import { serve } from '../support/serve.ts';
import { root, sites } from '../support/sites.ts';
import { rendered, shownResults } from './search-helpers.ts';

const seed = readSeed();
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
const remarksWith = (q: string) =>
  seed.remarks.filter((r) => fold(`${r.speaker}${r.school}${r.paragraphs.join('')}`).includes(fold(q)));
const anchor = (file: string) => file.replace(/\.mdx?$/, '');

/** The files sw.js will cache, read from the built worker. */
function manifestOf(dir: string): { version: string; base: string; files: string[] } {
  const line = /^const MANIFEST = (.*);$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  if (!line) throw new Error('sw.js has no manifest');
  return JSON.parse(line[1]!) as { version: string; base: string; files: string[] };
}

/** Waits until the service worker controls the page and returns the names of the caches. */
async function controlled(page: Page): Promise<string[]> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => caches.keys());
}

describeInBrowser('offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, { dir, base }] of Object.entries(sites)) {
    it(`${name} build: after one visit every page and the search with filters work with the network cut`, async () => {
      const site = await serve(dir, base);
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(site.url);
        const [cache, ...others] = await controlled(page);
        expect(others).toEqual([]);
        const manifest = manifestOf(dir);
        expect(manifest.base).toBe(base);
        const cachedUrls = await page.evaluate(
          async (name) => (await (await caches.open(name)).keys()).map((r) => r.url),
          cache!,
        );
        expect(cachedUrls.sort()).toEqual(manifest.files.map((f) => site.url + f).sort());
        // The records a thousand to a file, not one file each: offline, the search page reads them from those.
        const { version } = searchFolder(dir);
        expect(manifest.files).toContain(`search-index/${version}/records-0.json`);
        expect(manifest.files.filter((f) => f.includes('/records/'))).toEqual([]);

        // Cut the network: the browser is offline and the server is gone.
        await site.close();
        await context.setOffline(true);

        for (const built of readPages(dir, base)) {
          const response = await page.goto(site.origin + built.url);
          expect(response?.ok(), built.url).toBe(true);
          const h1 = built.doc.querySelector('h1');
          if (h1)
            expect(await page.$eval('h1', (el) => el.textContent.replace(/\s+/g, ' ').trim()), built.url).toBe(
              textOf(h1),
            );
        }

        // Search with a filter from the URL, then one more filter chosen on the page.
        await page.goto(`${site.url}search/?q=${encodeURIComponent('服务')}&school=${encodeURIComponent('京源学校')}`);
        await rendered(page, '服务');
        const jingyuan = remarksWith('服务').filter((r) => r.school === '京源学校');
        expect(jingyuan.length).toBeGreaterThan(1);
        expect((await shownResults(page)).map((r) => r.id).sort()).toEqual(jingyuan.map((r) => anchor(r.file)).sort());
        const heading = jingyuan[0]!.section;
        await page.locator('.search-facet', { hasText: '小标题' }).locator('label', { hasText: heading }).click();
        expect((await shownResults(page)).map((r) => r.id)).toEqual(
          jingyuan.filter((r) => r.section === heading).map((r) => anchor(r.file)),
        );

        // A page that never existed gets the 404 page.
        await page.goto(`${site.url}no/such/page/`);
        expect(await page.textContent('h1')).toBe('页面未找到');
      } finally {
        await context.close();
        await site.close().catch(() => {});
      }
    });
  }

  it('a new build replaces the old cache on the next visit', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'search-offline-'));
    cpSync(sites.root.dir, copy, { recursive: true });
    const site = await serve(copy, '/', { live: true });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url);
      const [old] = await controlled(page);

      // The next build: a changed page, and with it a new worker whose version differs.
      const home = join(copy, 'index.html');
      writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p id="new-build">新版本</p></main>'));
      const next = await writeServiceWorker(pathToFileURL(`${copy}/`), '/', pathToFileURL(`${root}src/scripts/sw.js`));
      expect(old).not.toContain(next.version);

      // The visit checks sw.js, finds it changed, installs the new worker, which drops the old cache.
      await page.goto(site.url);
      await expect
        .poll(() => page.evaluate(() => caches.keys()), { timeout: 20_000 })
        .toEqual([`offline:/:${next.version}`]);

      await site.close();
      await context.setOffline(true);
      await page.goto(site.url);
      expect(await page.textContent('#new-build')).toBe('新版本');
    } finally {
      await context.close();
      await site.close().catch(() => {});
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
