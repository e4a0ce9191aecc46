// Offline, in real Chromium with the real service worker. A small site (the test builds) is saved whole on the first
// visit: every page and the search with filters then work with the network cut. A larger one (the seed built with the
// threshold set to a byte) keeps the shell and the pages read; "save all" fetches the rest with progress, and can be
// removed; offline, a page not saved gives the offline page, which links those that are. A changed build deployed
// over a served site: the next load serves it, an open page offers 有新版本 and reloads into it, and neither the text
// nor the search ever comes from the other build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OfflineFiles, OfflineInfo } from '../../src/integrations/offline/copy.ts';
import { axe, report } from '../support/a11y.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { readPages, searchFolder, textOf } from '../support/dist.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { photoSite, root, sites } from '../support/sites.ts';
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

const infoOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as OfflineInfo;
const filesOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'offline', 'files.json'), 'utf8')) as OfflineFiles;

/** A sentence only the next build has, at the end of the first remark, with a word found nowhere else (whatever the
 * search's rules for words it cannot find whole). */
const ADDED = '这是新版本增补的一句话，编号ZQXV7。';
const ADDED_QUERY = 'ZQXV7';
const first = seed.remarks[0]!;
const reportPath = `reports/${seed.id}/`;

/** The seed built as a site too large to save whole (the threshold set to one byte), and the same with one remark
 * changed: the build deployed over it. Under a sub-path, as a project site is. Built here, once per run (reused
 * under SKIP_SITE_BUILD). */
const large = { dir: `${root}.cache/test-sites/offline-large/`, base: '/some/path/' };
const next = { dir: `${root}.cache/test-sites/offline-next/`, base: '/some/path/' };
/** The photo fixture built as a site too large to save whole. */
const photos = { dir: `${root}.cache/test-sites/offline-photo/`, base: photoSite.base };

/** The environment without what Vitest sets from its own Vite config (BASE_URL would override the build's base). */
const buildEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name)),
);

function buildLarge(dir: string, content?: string, base = large.base) {
  if (process.env.SKIP_SITE_BUILD && existsSync(join(dir, 'sw.js'))) return;
  rmSync(dir, { recursive: true, force: true });
  execFileSync('npx', ['astro', 'build', '--outDir', dir, '--base', base], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...buildEnv, OFFLINE_WHOLE_LIMIT: '1', ...(content ? { CONTENT_DIR: content } : {}) },
  });
}

/** Waits until a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The URLs in each cache whose name starts with `offline:`, by name, and the precache's, without revisions. */
function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys())
      all[name.startsWith('workbox-precache') ? 'precache' : name] = (await (await caches.open(name)).keys())
        .map((r) => r.url.replace(/\?__WB_REVISION__=.*$/, ''))
        .sort();
    return all;
  });
}

const state = (page: Page) => page.locator('.offline-control').getAttribute('data-state');

/** axe-core on the page as it is, in light and dark. */
async function accessible(page: Page, name: string) {
  const findings = new Map<string, Awaited<ReturnType<typeof axe>>>();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    findings.set(`${name}, ${colorScheme}`, await axe(page, `${name}, ${colorScheme}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(report(findings)).toBe('');
}

/** No sideways scrolling at 320 px. */
async function fits320(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

/** Every file revalidated, as the README asks of hosts for pages: without a Cache-Control header the browser's own
 * HTTP cache may serve a page just read, offline, for minutes after the build (heuristic freshness from its
 * Last-Modified), whatever the offline copy holds. */
const revalidated = { headers: { 'Cache-Control': 'no-cache' } };

/** Cuts the network: the browser is offline and the server is gone. */
async function cut(site: Served, context: BrowserContext) {
  await site.close();
  await context.setOffline(true);
}

/** Opens every page of a built site and checks its heading. */
async function everyPageWorks(page: Page, site: Served, dir: string, base: string) {
  for (const built of readPages(dir, base)) {
    const response = await page.goto(site.origin + built.url);
    expect(response?.ok(), built.url).toBe(true);
    const h1 = built.doc.querySelector('h1');
    if (h1)
      expect(await page.$eval('h1', (el) => el.textContent.replace(/\s+/g, ' ').trim()), built.url).toBe(textOf(h1));
  }
}

/** Search with a filter from the URL, then one more filter chosen on the page: the existing offline search check. */
async function searchWithFiltersWorks(page: Page, site: Served) {
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
}

/** The results of a query, as the search page shows them. */
async function search(page: Page, site: Served, q: string) {
  await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
  await rendered(page, q);
  expect(await page.locator('search-view').getAttribute('data-state')).toBe('done');
  return shownResults(page);
}

describeInBrowser('offline', () => {
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'offline-'));
    buildLarge(large.dir);
    const content = join(work, 'content');
    cpSync(`${root}content`, content, { recursive: true });
    const file = join(content, 'reports', seed.id, 'remarks', first.file);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}${ADDED}\n`);
    buildLarge(next.dir, content);
    buildLarge(photos.dir, `${root}${photoSite.content}`, photos.base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const [name, { dir, base }] of Object.entries(sites)) {
    it(`${name} build: the first visit saves the whole site, and with the network cut every page and the search with filters work`, async () => {
      const info = infoOf(dir);
      expect(info.whole, 'the seed is a small site').toBe(true);
      expect(info.bytes).toBeLessThan(2 * 1024 * 1024);
      const site = await serve(dir, base, revalidated);
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(site.url);
        await controlled(page);
        await expect.poll(() => state(page), { timeout: 20_000 }).toBe('saved');
        // Nothing to ask on a small site: the control stays hidden.
        expect(await page.locator('.offline-control').isHidden()).toBe(true);
        const files = filesOf(dir);
        expect(files.build).toBe(info.build);
        const all = await cached(page);
        expect(Object.keys(all).sort()).toEqual(
          ['precache', `offline:${base}:pages:${info.build}`, `offline:${base}:search:${info.build}`].sort(),
        );
        expect(all[`offline:${base}:pages:${info.build}`]).toEqual(
          [...files.pages, ...files.media, `${base}offline/files.json`].map((p) => site.origin + p).sort(),
        );
        expect(all[`offline:${base}:search:${info.build}`]).toEqual(files.search.map((p) => site.origin + p).sort());
        // The records a thousand to a file, not one file each: offline, the search page reads them from those.
        const { version } = searchFolder(dir);
        expect(files.search).toContain(`${base}search-index/${version}/records-0.json`);
        expect(files.search.filter((f) => f.includes('/records/'))).toEqual([]);

        await cut(site, context);
        await everyPageWorks(page, site, dir, base);
        await searchWithFiltersWorks(page, site);
        // A page that was never there: offline, with the whole site saved, it is none of this build's pages.
        await page.goto(`${site.url}no/such/page/`);
        expect(await page.textContent('h1')).toBe('离线');
        await expect.poll(() => page.textContent('.offline-text')).toMatch(/^本设备保存了全站的页面，其中没有这个网址/);
      } finally {
        await context.close();
        await site.close().catch(() => {});
      }
    });
  }

  it('photos are not precached with what every page needs: kept as shown, with the pages, or by "save all"; they show offline', async () => {
    const { dir, base } = photos;
    const info = infoOf(dir);
    const files = filesOf(dir);
    expect(files.media.length, 'every width of every photo').toBeGreaterThan(2);
    const withPhotos = readPages(dir, base).filter((built) => built.doc.querySelector('img'));
    expect(withPhotos.length).toBeGreaterThan(0);
    const site = await serve(dir, base, revalidated);
    const context = await browser.newContext();
    const page = await context.newPage();
    /** Every photo on the page, the lazy ones too, in whichever width it picks: decode() fails for one not loaded. */
    const shown = () =>
      page.$$eval('img', (imgs) =>
        Promise.all(
          imgs.map((img) => {
            img.loading = 'eager';
            return img.decode().then(
              () => img.currentSrc,
              () => '',
            );
          }),
        ),
      );
    try {
      await page.goto(site.origin + withPhotos[0]!.url);
      await controlled(page);
      await expect.poll(() => state(page)).toBe('none');
      let all = await cached(page);
      expect(all.precache!.filter((url) => /\.(avif|webp|png|jpe?g|gif)$/.test(url))).toEqual([]);
      // Shown on the first visit, before the worker controlled the page: kept with the page all the same.
      const seen = await shown();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain('');
      all = await cached(page);
      expect(all[`offline:${base}:pages:${info.build}`]).toEqual(expect.arrayContaining(seen));

      await page.locator('.offline-control button').first().click();
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');
      all = await cached(page);
      expect(all[`offline:${base}:pages:${info.build}`]).toEqual(
        expect.arrayContaining(files.media.map((p) => site.origin + p)),
      );
      await cut(site, context);
      for (const built of withPhotos) {
        await page.goto(site.origin + built.url);
        const photos = await shown();
        // Every photo of the page: the offline page in its place has none, and none missing.
        expect(photos, built.url).toHaveLength(built.doc.querySelectorAll('img').length);
        expect(photos, built.url).not.toContain('');
      }
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a larger site: the first visit keeps the shell and the page, then pages as read and search files as used; offline, a page not saved gives the offline page, which links those that are', async () => {
    const { dir, base } = large;
    const info = infoOf(dir);
    expect(info.whole).toBe(false);
    const site = await serve(dir, base, revalidated);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      const loaded = site.requests.length;
      await controlled(page);
      await expect.poll(() => state(page)).toBe('none');
      // In the background: the worker, the shell it precaches, offline.json, the page itself.
      const background = site.requests.slice(loaded).map((r) => r.replace(/\?.*$/, ''));
      for (const url of background)
        expect(url, 'the first visit fetches nothing but the shell and the page').toMatch(
          new RegExp(
            `^${base}(sw(-offline)?\\.js|_astro/.*|favicon\\.svg|404\\.html|offline/(index\\.html)?|offline\\.json|${reportPath})$`,
          ),
        );
      const pages = `offline:${base}:pages:${info.build}`;
      const searchCache = `offline:${base}:search:${info.build}`;
      let all = await cached(page);
      expect(all[pages]).toEqual([site.url + reportPath]);
      expect(all[searchCache]).toBeUndefined();
      expect(all.precache).toEqual(
        expect.arrayContaining([`${site.url}offline/index.html`, `${site.url}404.html`, `${site.url}offline.json`]),
      );
      expect(all.precache!.filter((u) => u.endsWith('.html'))).toHaveLength(2);

      // Read another page and search: both are kept.
      await page.goto(`${site.url}speakers/`);
      const results = await search(page, site, '家长');
      expect(results.length).toBeGreaterThan(0);
      // The page loads every record after its first results: kept too, they answer any query offline.
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('search-view')?.dataset.records === 'loaded',
      );
      all = await cached(page);
      expect(all[pages]).toEqual([site.url + reportPath, `${site.url}search/`, `${site.url}speakers/`].sort());
      expect(all[searchCache]!.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);

      await cut(site, context);
      await page.goto(site.url + reportPath);
      expect(await page.textContent('h1')).toBe(
        textOf(
          readPages(dir, base)
            .find((p) => p.url === base + reportPath)!
            .doc.querySelector('h1')!,
        ),
      );
      expect((await search(page, site, '家长')).map((r) => r.id)).toEqual(results.map((r) => r.id));
      const other = (await search(page, site, '服务')).map((r) => r.id);
      expect(other).toEqual(expect.arrayContaining(remarksWith('服务').map((r) => anchor(r.file))));
      expect(other.length - remarksWith('服务').length).toBeLessThanOrEqual(1);
      // Not read: the offline page, in Chinese, with links to what is saved.
      const response = await page.goto(`${site.url}orgs/`);
      expect(response?.ok()).toBe(true);
      expect(await page.textContent('h1')).toBe('离线');
      await page.waitForSelector('.offline-pages a');
      // Only some pages saved: this one may well exist, and is said not to be saved.
      expect(await page.textContent('.offline-text')).toMatch(/^没有网络时，本设备上没有保存的页面打不开/);
      const links = await page.$$eval('.offline-pages a', (as) =>
        as.map((a) => [a.getAttribute('href'), a.textContent]),
      );
      expect(links.map(([href]) => href).sort()).toEqual(
        [base + reportPath, `${base}search/`, `${base}speakers/`].sort(),
      );
      expect(links.find(([href]) => href === `${base}speakers/`)?.[1]).toBe('发言人');
      await page.click(`.offline-pages a[href="${base}speakers/"]`);
      await page.waitForURL(`${site.url}speakers/`);
      expect(await page.textContent('h1')).toBe('发言人');
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it("a site under a sub-path keeps its offline copy when a site at its origin's root has a worker too", async () => {
    // Both builds on one origin, as a project site and its owner's user site on GitHub Pages.
    const both = mkdtempSync(join(work, 'both-'));
    cpSync(sites.root.dir, both, { recursive: true });
    cpSync(sites.sub.dir, join(both, sites.sub.base), { recursive: true });
    const site = await serve(both, '/', revalidated);
    const sub = `${site.origin}${sites.sub.base}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(sub);
      await controlled(page);
      await expect.poll(() => state(page), { timeout: 20_000 }).toBe('saved');
      // The root site's worker takes over its pages and cleans up after itself, and only after itself.
      await page.goto(site.origin);
      await controlled(page);
      await page.evaluate(async () => {
        const worker = (await navigator.serviceWorker.ready).active!;
        if (worker.state !== 'activated')
          await new Promise((done) =>
            worker.addEventListener('statechange', () => worker.state === 'activated' && done(0)),
          );
      });
      await cut(site, context);
      await page.goto(`${sub}speakers/`);
      expect(await page.textContent('h1')).toBe('发言人');
      expect(await page.evaluate(() => getComputedStyle(document.body).margin)).not.toBe('8px');
      await page.goto(`${sub}no/such/page/`);
      expect(await page.textContent('h1')).toBe('离线');
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a larger site, offline before any search: the search says that it needs the network', async () => {
    const site = await serve(large.dir, large.base, revalidated);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      await cut(site, context);
      await page.reload();
      await page.keyboard.press('/');
      await page.keyboard.type('敬老');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('dialog search-view')?.dataset.state === 'error',
      );
      expect(await page.textContent('dialog .search-status')).toBe(
        '离线时无法完成这次搜索：本设备没有保存它需要的搜索文件。请联网后再试。',
      );
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a larger site: a first visit to a search keeps the search files it used, so that the same search works offline', async () => {
    const { dir, base } = large;
    const site = await serve(dir, base, revalidated);
    const context = await browser.newContext();
    // Saving data, the page loads no records in the background: the search offline has only the files it used.
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    const page = await context.newPage();
    try {
      const results = await search(page, site, '家长');
      expect(results.length).toBeGreaterThan(0);
      await controlled(page);
      await expect.poll(() => state(page)).toBe('none');
      await cut(site, context);
      expect((await search(page, site, '家长')).map((r) => r.id)).toEqual(results.map((r) => r.id));
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a reader saving data: the page saves nothing unasked, neither a small site whole nor a new copy of one chosen and never completed; the control offers it', async () => {
    for (const { dir, base } of [sites.root, large]) {
      const info = infoOf(dir);
      const site = await serve(dir, base, revalidated);
      const context = await browser.newContext();
      // Save-Data on, and on the larger site a whole copy chosen before (as when a new build is out since).
      await context.addInitScript(
        ([key, chose]) => {
          Object.defineProperty(navigator, 'connection', { value: { saveData: true } });
          if (chose) localStorage.setItem(key, 'an earlier build');
        },
        [`offline:${base}:whole`, !info.whole] as const,
      );
      const page = await context.newPage();
      try {
        await page.goto(site.url + reportPath);
        await controlled(page);
        await expect.poll(() => state(page)).toBe('none');
        expect(await page.textContent('.offline-status')).toBe(
          '您开启了省流量，离线副本不会自动下载；需要时请点上面的按钮。',
        );
        const all = await cached(page);
        expect(all[`offline:${base}:pages:${info.build}`]).toEqual([site.url + reportPath]);
        expect(all[`offline:${base}:search:${info.build}`]).toBeUndefined();
        // Asked, it saves; and what it saved, the control can remove on any later visit.
        await page.locator('.offline-control button').first().click();
        await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');
        expect((await cached(page))[`offline:${base}:search:${info.build}`]?.length).toBe(filesOf(dir).search.length);
        await page.reload();
        await expect.poll(() => state(page)).toBe('saved');
        expect(await page.locator('.offline-control button', { hasText: '删除离线副本' }).isVisible()).toBe(true);
      } finally {
        await context.close();
        await site.close().catch(() => {});
      }
    }
  });

  it('a larger site: "save all" shows its size and progress, then every page and the search work offline; removed, only the shell is left', async () => {
    const { dir, base } = large;
    const info = infoOf(dir);
    const site = await serve(dir, base, revalidated);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url);
      await controlled(page);
      await expect.poll(() => state(page)).toBe('none');
      const save = page.locator('.offline-control button').first();
      expect(await save.textContent()).toBe(`离线保存全部（约 ${(info.bytes / 1024 / 1024).toFixed(1)} MB）`);
      await accessible(page, 'offline control');
      await fits320(page);

      // Progress: the bar counts every file; the status, read out, says how far.
      const files = filesOf(dir);
      const seen = page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const status = document.querySelector('.offline-status')!;
            const texts: string[] = [];
            new MutationObserver(() => {
              texts.push(status.textContent);
              if (document.querySelector('.offline-control')?.getAttribute('data-state') !== 'saving') resolve(texts);
            }).observe(status, { childList: true, characterData: true, subtree: true });
          }),
      );
      await save.click();
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');
      const texts = await seen;
      expect(texts[0]).toBe('正在保存全部页面和搜索……0%');
      expect(texts).toContain('正在保存全部页面和搜索……50%');
      expect(texts.at(-1)).toBe('已离线保存全部页面和搜索。');
      expect(await page.$eval('.offline-control progress', (p: HTMLProgressElement) => [p.value, p.max])).toEqual([
        files.pages.length + files.search.length,
        files.pages.length + files.search.length,
      ]);
      const remove = page.locator('.offline-control button', { hasText: '删除离线副本' });
      expect(await remove.isVisible()).toBe(true);
      expect(await save.isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent), 'the keyboard goes on from there').toBe(
        '删除离线副本',
      );
      await accessible(page, 'offline control, saved');
      await fits320(page);

      await cut(site, context);
      await everyPageWorks(page, site, dir, base);
      await searchWithFiltersWorks(page, site);

      // Removed: the pages and search files go; the next visit offers to save again.
      await page.goto(site.url);
      await expect.poll(() => state(page)).toBe('saved');
      await remove.click();
      await expect.poll(() => state(page)).toBe('none');
      expect(await page.textContent('.offline-status')).toBe('离线副本已删除。');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^离线保存全部/);
      expect(Object.keys(await cached(page))).toEqual(['precache']);
      await page.goto(`${site.url}orgs/`);
      expect(await page.textContent('h1')).toBe('离线');
      await page.waitForSelector('.offline-pages p');
      expect(await page.textContent('.offline-pages')).toContain('本设备上还没有保存任何页面。');
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  /** A copy of the larger site, served live so that the next build can be deployed over it. */
  async function deployable(delay?: (url: string) => number) {
    const copy = mkdtempSync(join(work, 'site-'));
    cpSync(large.dir, copy, { recursive: true });
    const site = await serve(copy, large.base, { live: true, delay });
    const deploy = (dir = next.dir) => {
      rmSync(copy, { recursive: true, force: true });
      cpSync(dir, copy, { recursive: true });
    };
    return { site, deploy, copy };
  }
  const added = (page: Page) => page.locator(`[id="${anchor(first.file)}"]`).textContent();
  const buildOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.build);

  it('"save all" that cannot finish says why (offline, a full device, a new build), and what it saved can be removed', async () => {
    const { site, deploy } = await deployable();
    const context = await browser.newContext();
    // The device fills up after a few files.
    await context.addInitScript(() => {
      let room = 5;
      const put = Object.getOwnPropertyDescriptor(Cache.prototype, 'put')!.value as Cache['put'];
      Cache.prototype.put = function (...args) {
        if ((window as { full?: boolean }).full && room-- <= 0)
          return Promise.reject(new DOMException('full', 'QuotaExceededError'));
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    const status = () => page.textContent('.offline-status');
    const save = page.locator('.offline-control button').first();
    const remove = page.locator('.offline-control button', { hasText: '删除离线副本' });
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      await expect.poll(() => state(page)).toBe('none');

      await context.setOffline(true);
      await save.click();
      await expect.poll(() => state(page)).toBe('failed');
      expect(await status()).toBe('保存没有完成：网络断开了，请联网后重试。');
      await context.setOffline(false);

      await page.evaluate(() => ((window as { full?: boolean }).full = true));
      await save.click();
      await expect.poll(() => state(page)).toBe('failed');
      expect(await status()).toBe('保存没有完成：本设备的存储空间不够。请清理空间后重试。');
      expect(await remove.isVisible(), 'what was saved can be removed').toBe(true);
      // Not tried again on every page load, as a lost network would be.
      await page.reload();
      await expect.poll(() => state(page)).toBe('none');
      expect(await status()).toBe('');

      deploy();
      await save.click();
      await expect.poll(() => state(page)).toBe('failed');
      expect(await status()).toBe('保存没有完成：网站刚刚更新，请刷新页面后重试。');
      await remove.click();
      await expect.poll(() => state(page)).toBe('none');
      expect(Object.keys(await cached(page))).toEqual(['precache']);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a new build deployed: an open page offers 有新版本 while online, and asked, the new worker takes over and the page reloads into it', async () => {
    const { site, deploy } = await deployable();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      const notice = page.locator('.update-notice');
      expect(await notice.isHidden()).toBe(true);
      deploy();
      // The browser checks for a new worker now and then; the test asks at once.
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await notice.waitFor({ state: 'visible' });
      expect(await notice.textContent()).toContain('有新版本');
      expect(await added(page)).not.toContain(ADDED);
      // Not offered offline, where the new build has none of the pages read.
      await context.setOffline(true);
      await notice.waitFor({ state: 'hidden' });
      await context.setOffline(false);
      await notice.waitFor({ state: 'visible' });
      await accessible(page, 'update notice');
      await fits320(page);
      // Over the page's bottom edge, it covers nothing a reader cannot scroll past.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const [footerEnd, noticeTop] = await page.evaluate(() => [
        document.querySelector('footer')!.getBoundingClientRect().bottom,
        document.querySelector('.update-notice')!.getBoundingClientRect().top,
      ]);
      expect(footerEnd).toBeLessThanOrEqual(noticeTop);
      // Nor does it hide what the keyboard goes to, on a small screen (or at 400% zoom) too.
      await page.setViewportSize({ width: 320, height: 256 });
      await page.evaluate(() => window.scrollTo(0, 0));
      for (let tab = 0; tab < 60; tab++) {
        await page.keyboard.press('Tab');
        const hidden = await page.evaluate(() => {
          const focused = document.activeElement!;
          const { top, bottom } = focused.getBoundingClientRect();
          const under = document.querySelector('.update-notice')!.getBoundingClientRect();
          return !focused.closest('.update-notice') && bottom > under.top + 1 && top < under.bottom;
        });
        expect(hidden, `Tab ${tab}`).toBe(false);
      }
      await page.setViewportSize({ width: 1280, height: 720 });
      await Promise.all([page.waitForNavigation(), notice.locator('[data-reload]').click()]);
      expect(await added(page)).toContain(ADDED);
      expect(await buildOf(page)).toBe(infoOf(next.dir).build);
      await controlled(page);
      expect(
        await page.evaluate(async () => (await (await fetch('../../offline.json')).json()) as OfflineInfo),
      ).toEqual(infoOf(next.dir));
      expect(await notice.isHidden()).toBe(true);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a new build deployed: 有新版本 put off (稍后) stays hidden on that page, and the next load is the new build', async () => {
    const { site, deploy } = await deployable();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      deploy();
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      const notice = page.locator('.update-notice');
      await notice.waitFor({ state: 'visible' });
      // From the keyboard: the focus goes back to the page's text, not to the top of the page.
      await notice.getByRole('button', { name: '稍后' }).focus();
      await page.keyboard.press('Enter');
      expect(await notice.isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // Back online, an offer shows again at once, unless it was put off; a second is enough to have seen it.
      await context.setOffline(true);
      await context.setOffline(false);
      await page.waitForTimeout(1000);
      expect(await notice.isHidden()).toBe(true);
      await page.reload();
      expect(await added(page)).toContain(ADDED);
      expect(await buildOf(page)).toBe(infoOf(next.dir).build);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a new build deployed: the next load serves it, an open page of the old one offers it, and text and search come from one build on every load, online and off', async () => {
    const { site, deploy } = await deployable();
    const old = infoOf(large.dir);
    const now = infoOf(next.dir);
    const context = await browser.newContext();
    const reading = await context.newPage();
    const searching = await context.newPage();
    try {
      await reading.goto(site.url + reportPath);
      await controlled(reading);
      await reading.locator('.offline-control button').first().click();
      await expect.poll(() => state(reading), { timeout: 30_000 }).toBe('saved');
      expect(await search(searching, site, ADDED_QUERY)).toEqual([]);
      expect(await added(reading)).not.toContain(ADDED);

      deploy();
      // The next load: the new build's search page, finding the new text, never the old build's results.
      for (let load = 0; load < 3; load++) {
        const results = await search(searching, site, ADDED_QUERY);
        expect(await buildOf(searching), `load ${load}`).toBe(now.build);
        expect(
          results.map((r) => r.id),
          `load ${load}`,
        ).toEqual([anchor(first.file)]);
        expect(results[0]!.excerpt).toContain(ADDED_QUERY);
      }
      // The open page of the old build, now under the new worker, offers the new one.
      const notice = reading.locator('.update-notice');
      await notice.waitFor({ state: 'visible' });
      await Promise.all([reading.waitForNavigation(), notice.locator('[data-reload]').click()]);
      expect(await added(reading)).toContain(ADDED);
      await reading.reload();
      expect(await added(reading)).toContain(ADDED);

      // Only the new build's caches are left, and the whole copy the reader asked for is the new build's.
      await expect.poll(() => state(reading), { timeout: 30_000 }).toBe('saved');
      const names = Object.keys(await cached(reading));
      expect(names.filter((n) => n.includes(old.build))).toEqual([]);
      expect(names.sort()).toEqual(
        ['precache', `offline:${large.base}:pages:${now.build}`, `offline:${large.base}:search:${now.build}`].sort(),
      );
      const precache = (await cached(reading)).precache!;
      expect(precache.filter((u) => u.endsWith('offline.json'))).toHaveLength(1);

      await cut(site, context);
      await reading.goto(site.url + reportPath);
      expect(await added(reading)).toContain(ADDED);
      expect(await buildOf(reading)).toBe(now.build);
      expect((await search(reading, site, ADDED_QUERY)).map((r) => r.id)).toEqual([anchor(first.file)]);
      await reading.goto(`${site.url}orgs/`);
      expect(await buildOf(reading)).toBe(now.build);
      expect(await reading.textContent('h1')).toBe('单位');
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a reader with the whole copy saved keeps it through a deploy: the new worker saves its own before it can take over, and until it can the old one stays', async () => {
    const { site, deploy, copy } = await deployable();
    const old = infoOf(large.dir);
    const now = infoOf(next.dir);
    const context = await browser.newContext();
    let page = await context.newPage();
    const registration = () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { waiting: Boolean(r?.waiting), installing: Boolean(r?.installing) };
      });
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      await page.locator('.offline-control button').first().click();
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');

      // A deploy the new worker cannot save whole (a page missing): it does not install, and the old copy stays.
      deploy();
      const missing = join(copy, 'orgs', 'index.html');
      const held = readFileSync(missing);
      rmSync(missing);
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update().catch(() => {}));
      await expect.poll(registration, { timeout: 20_000 }).toEqual({ waiting: false, installing: false });
      expect(Object.keys(await cached(page))).toEqual(
        expect.arrayContaining([
          `offline:${large.base}:pages:${old.build}`,
          `offline:${large.base}:search:${old.build}`,
        ]),
      );
      expect(await page.locator('.update-notice').isHidden()).toBe(true);

      // Whole again: the new worker installs once its copy is saved, and the page offers it.
      writeFileSync(missing, held);
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await page.locator('.update-notice').waitFor({ state: 'visible', timeout: 30_000 });
      const all = await cached(page);
      expect(all[`offline:${large.base}:pages:${now.build}`]).toEqual(
        [...filesOf(next.dir).pages, `${large.base}offline/files.json`].map((p) => site.origin + p).sort(),
      );

      // Offline, where the notice is not offered, the reader closes the site and opens it again: the new worker takes
      // over, and every page and the search are the new build's, read or not; the old build's caches are gone.
      await cut(site, context);
      await page.locator('.update-notice').waitFor({ state: 'hidden' });
      await page.close();
      page = await context.newPage();
      await page.goto(`${site.url}orgs/`);
      expect(await page.textContent('h1')).toBe('单位');
      expect(await buildOf(page)).toBe(now.build);
      await page.goto(site.url + reportPath);
      expect(await added(page)).toContain(ADDED);
      expect((await search(page, site, ADDED_QUERY)).map((r) => r.id)).toEqual([anchor(first.file)]);
      expect(Object.keys(await cached(page)).filter((name) => name.includes(old.build))).toEqual([]);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('two deploys in a row: a reader who takes the first while the second installs gets the second whole', async () => {
    let slow = false;
    // The second deploy rolls the first back: its worker saves its copy slowly, so the reader can press meanwhile.
    const { site, deploy } = await deployable((url) => (slow && url.endsWith('offline/files.json') ? 3000 : 0));
    const old = infoOf(large.dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    const notice = page.locator('.update-notice');
    const installing = () =>
      page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.installing));
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      await page.locator('.offline-control button').first().click();
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');
      deploy();
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await notice.waitFor({ state: 'visible', timeout: 30_000 });

      deploy(large.dir);
      slow = true;
      await page.evaluate(async () => void (await navigator.serviceWorker.ready).update().catch(() => {}));
      await expect.poll(installing).toBe(true);
      await Promise.all([page.waitForNavigation(), notice.locator('[data-reload]').click()]);
      slow = false;
      // The rolled-back build's worker installs and takes over, as the browser checks on the next pages read.
      await expect
        .poll(
          async () => {
            await page.goto(site.url + reportPath);
            return page.evaluate(async () => ((await (await fetch('../../offline.json')).json()) as OfflineInfo).build);
          },
          { timeout: 60_000, interval: 2000 },
        )
        .toBe(old.build);
      await expect.poll(installing).toBe(false);

      // Offline, every page is there, and a page that is not gives the offline page.
      await cut(site, context);
      await page.goto(`${site.url}orgs/`);
      expect(await page.textContent('h1')).toBe('单位');
      await page.goto(`${site.url}no/such/page/`);
      expect(await page.textContent('h1')).toBe('离线');
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it("a copy removed while the next build's worker is saving its own stays removed", async () => {
    let slow = false;
    // Once deployed, the new build's pages come slowly: the reader has time to remove the copy meanwhile.
    const { site, deploy } = await deployable((url) => (slow && url.endsWith('/') ? 300 : 0));
    const now = infoOf(next.dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      await page.locator('.offline-control button').first().click();
      await expect.poll(() => state(page), { timeout: 30_000 }).toBe('saved');
      deploy();
      slow = true;
      await page.evaluate(async () => void (await navigator.serviceWorker.ready).update().catch(() => {}));
      const name = `offline:${large.base}:pages:${now.build}`;
      await expect.poll(() => page.evaluate((n) => caches.has(n), name), { timeout: 20_000 }).toBe(true);
      await page.locator('.offline-control button', { hasText: '删除离线副本' }).click();
      await expect.poll(() => state(page)).toBe('none');
      // The new worker stops saving, deletes what it saved, and installs without a copy.
      await page.locator('.update-notice').waitFor({ state: 'visible', timeout: 30_000 });
      expect(Object.keys(await cached(page))).toEqual(['precache']);
      await Promise.all([page.waitForNavigation(), page.locator('.update-notice [data-reload]').click()]);
      expect(await buildOf(page)).toBe(now.build);
      await expect.poll(() => state(page)).toBe('none');
      expect(Object.keys(await cached(page)).filter((n) => n.includes(':search:'))).toEqual([]);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a reader who kept only the pages read keeps them through a deploy, in the new build', async () => {
    const { site, deploy } = await deployable();
    const now = infoOf(next.dir);
    const context = await browser.newContext();
    // Listened for from the start of every page, so that a worker taking it over is never missed.
    await context.addInitScript(() =>
      navigator.serviceWorker.addEventListener('controllerchange', () =>
        document.documentElement.setAttribute('data-taken-over', ''),
      ),
    );
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await controlled(page);
      // The page keeps itself (a fetch and a cache write) before it shows the control: slower on a busy machine.
      await expect.poll(() => state(page), { timeout: 20_000 }).toBe('none');
      await page.goto(`${site.url}speakers/`);
      // A search, after which the page loads every record: kept, they answer any query offline.
      await search(page, site, '家长');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('search-view')?.dataset.records === 'loaded',
      );
      deploy();
      // The next page loaded is the new build's, whose worker takes over at once once installed.
      await page.goto(site.url);
      expect(await buildOf(page)).toBe(now.build);
      // Waited for as the page hears it, not by asking the worker for offline.json again and again: Chromium lets a
      // worker told to skip waiting take over only once the old one is idle, and the asking kept it busy.
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-taken-over'), undefined, {
        timeout: 20_000,
      });
      expect(await page.evaluate(async () => ((await (await fetch('offline.json')).json()) as OfflineInfo).build)).toBe(
        now.build,
      );

      await cut(site, context);
      await page.goto(site.url + reportPath);
      expect(await buildOf(page)).toBe(now.build);
      expect(await added(page)).toContain(ADDED);
      await page.goto(`${site.url}speakers/`);
      expect(await page.textContent('h1')).toBe('发言人');
      // The new build's records, as the old build's were kept: its search works offline, with what only it has.
      expect((await search(page, site, ADDED_QUERY)).map((r) => r.id)).toEqual([anchor(first.file)]);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });

  it('a reader of the worker before Workbox, whose pages never ask, gets the next build without closing the site', async () => {
    const { site, deploy, copy } = await deployable();
    // The site as it was: pages whose only script registered the worker, and the hand-written worker itself
    // (tests/fixtures/legacy-sw.js, as deployed), which served the pages it had cached first.
    for (const built of readPages(copy, large.base))
      writeFileSync(join(copy, built.file), built.html.replace(/<script\b[^>]*><\/script>/g, ''));
    const version = '0123456789abcdef';
    const manifest = { version, base: large.base, files: ['', reportPath] };
    writeFileSync(
      join(copy, 'sw.js'),
      readFileSync(`${root}tests/fixtures/legacy-sw.js`, 'utf8').replace(
        /^const MANIFEST = .*;$/m,
        () => `const MANIFEST = ${JSON.stringify(manifest)};`,
      ),
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url + reportPath);
      await page.evaluate((base) => navigator.serviceWorker.register(`${base}sw.js`, { scope: base }), large.base);
      await controlled(page);
      expect(await page.evaluate(() => caches.keys())).toEqual([`offline:${large.base}:${version}`]);

      deploy();
      // The old worker answers from its cache, once; the new one installs meanwhile and, finding the old worker's
      // cache, takes over without waiting for a page to ask.
      await page.reload();
      expect(await added(page)).not.toContain(ADDED);
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              return (
                Boolean(registration?.active && !registration.waiting && !registration.installing) &&
                (await caches.keys()).some((name) => name.startsWith('workbox-precache'))
              );
            }),
          { timeout: 20_000 },
        )
        .toBe(true);
      await page.reload();
      expect(await added(page)).toContain(ADDED);
      expect(await buildOf(page)).toBe(infoOf(next.dir).build);
      await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain(`offline:${large.base}:${version}`);
    } finally {
      await context.close();
      await site.close().catch(() => {});
    }
  });
});

describeInBrowser("the offline page's list of saved pages", () => {
  it("lists them in the site's order: home, the report and its headings in order, then speakers and organisations", async () => {
    const { dir, base } = sites.root;
    const built = readPages(dir, base);
    const heading = (title: string) =>
      built.find((p) => p.url.startsWith(base + reportPath) && p.doc.querySelector('h1')?.textContent.trim() === title)!
        .url;
    const speaker = built.find((p) => /\/speakers\/[^/]+\/$/.test(p.url))!.url;
    const org = built.find((p) => /\/orgs\/[^/]+\/$/.test(p.url))!.url;
    // Headings' addresses are their pinyin, whose alphabetical order is not the report's.
    const inOrder = [
      base,
      `${base}reports/`,
      base + reportPath,
      ...seed.sections.map(heading),
      `${base}speakers/`,
      speaker,
      `${base}orgs/`,
      org,
    ];
    const site = await serve(dir, base);
    const browser = await launchChromium();
    try {
      // No worker: the pages go into the cache the worker keeps them in, last read first.
      const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
      await page.goto(`${site.url}offline/`);
      await page.evaluate(
        async ({ urls, base }) => {
          const cache = await caches.open(`offline:${base}:pages:${document.documentElement.dataset.build}`);
          for (const url of urls) await cache.add(url);
        },
        { urls: inOrder.toReversed().map((url) => site.origin + url), base },
      );
      await page.reload();
      await page.waitForSelector('.offline-pages a');
      const listed = await page.$$eval('.offline-pages a', (as) => as.map((a) => a.getAttribute('href')));
      expect(listed).toEqual(inOrder);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
