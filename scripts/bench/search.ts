// Search benchmark: bytes transferred (gzip, as a static host serves them) for the first search on a fresh visit,
// and how fast a warm query renders, in headless Chromium. Not a test: it measures and reports.
//
//   node --experimental-strip-types scripts/bench/search.ts [--dir built-site/] [--base /] [--query 敬老] [--json]
//
// Without --dir it builds the site into a temporary folder first. The functions are exported for reuse.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser.ts';
import { serve, type Served } from '../../tests/support/serve.ts';

export interface Transfer {
  url: string;
  /** Bytes on the wire, headers included, as Chromium's DevTools count them. */
  bytes: number;
  /** The (compressed) body alone: what any host sends, whatever its headers. */
  body: number;
}

export interface FirstSearch {
  query: string;
  results: number;
  transfers: Transfer[];
  /** Everything the visit transferred for its first results: the page, its CSS and scripts, Pagefind, the index and
   * the results' files. */
  total: number;
  /** What the page then loads in the background for the queries after it: every record, a thousand to a file. */
  background: number;
  /** The same without HTTP headers (which depend on the host). */
  totalBodies: number;
  /** Search code and index only: the search page's script and every file under pagefind/. */
  search: number;
  /** Pagefind's own library: pagefind.js, its WebAssembly and pagefind-entry.json. */
  pagefindLibrary: number;
  /** Milliseconds from navigation start to the results on screen. */
  ms: number;
}

const PAGEFIND_LIBRARY = /\/pagefind\/(pagefind\.js|wasm\.[^/]+\.pagefind|pagefind-entry\.json)(\?|$)/;
/** The files of every record, which the search page loads after its first results (`SearchEngine.loadAll`). */
const ALL_RECORDS = /\/search-index\/[^/]+\/records-\d+\.json(\?|$)/;

/** Waits until the search page has rendered the results of `q`. */
async function rendered(page: Page, q: string): Promise<void> {
  await page.waitForFunction((q) => {
    const el = document.querySelector<HTMLElement>('search-view');
    return el?.dataset.query === q && el.dataset.state === 'done';
  }, q);
}

/** Waits until the search page has loaded every record after its first results; throws if it could not. */
async function recordsLoaded(page: Page): Promise<void> {
  const state = await page.waitForFunction(() => {
    const records = document.querySelector<HTMLElement>('search-view')?.dataset.records;
    return records === 'loaded' || records === 'failed' ? records : undefined;
  });
  if ((await state.jsonValue()) !== 'loaded')
    throw new Error('the search page could not load search-index/records-<k>.json');
}

/** Opens `<site>search/?q=…` in a fresh context (no cache, no service worker) and counts what it transfers. */
export async function measureFirstSearch(browser: Browser, siteUrl: string, query: string): Promise<FirstSearch> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls = new Map<string, string>();
  const headers = new Map<string, number>();
  const transfers: Transfer[] = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  // At responseReceived, encodedDataLength counts the bytes received so far: the status line and headers.
  cdp.on('Network.responseReceived', (e) => headers.set(e.requestId, e.response.encodedDataLength));
  cdp.on('Network.loadingFinished', (e) =>
    transfers.push({
      url: urls.get(e.requestId) ?? '?',
      bytes: e.encodedDataLength,
      body: e.encodedDataLength - (headers.get(e.requestId) ?? 0),
    }),
  );
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const start = Date.now();
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await rendered(page, query);
  const ms = Date.now() - start;
  await recordsLoaded(page);
  // Let in-flight requests (the favicon) settle so they are counted too.
  await page.waitForLoadState('networkidle');
  const results = await page.locator('ol.search-results > li').count();
  await context.close();
  const sum = (list: Transfer[]) => list.reduce((n, t) => n + t.bytes, 0);
  const searchScript = (u: string) => /\/_astro\/.*index\.astro.*\.js$/.test(u);
  const background = transfers.filter((t) => ALL_RECORDS.test(t.url));
  const first = transfers.filter((t) => !ALL_RECORDS.test(t.url));
  return {
    query,
    results,
    transfers,
    total: sum(first),
    background: sum(background),
    totalBodies: first.reduce((n, t) => n + t.body, 0),
    search: sum(first.filter((t) => t.url.includes('/pagefind/') || searchScript(t.url))),
    pagefindLibrary: sum(first.filter((t) => PAGEFIND_LIBRARY.test(t.url))),
    ms,
  };
}

export interface WarmQueries {
  /** Milliseconds from the first results on screen until every record is in memory (fresh cache). */
  recordsMs: number;
  /** Milliseconds from submitting each query to its results on screen, after the first search, asked for the first
   * time: answered from the records in memory. */
  firstTime: number[];
  /** The same queries again. */
  repeated: number[];
  /** The same queries on a page that could not load every record (the file blocked), as in the seconds before it
   * arrives: Pagefind and one file per result. */
  withoutRecords: number[];
  /** The floor under any result list drawn from one file per result: milliseconds for the page to fetch ten record
   * files it has not fetched before, in parallel, and nothing else (20 rounds). */
  tenFetches: number[];
}

/** A search page, in a fresh context, that has searched once (and, unless `records` is false, loaded every record). */
async function warmPage(browser: Browser, siteUrl: string, records = true) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (!records) await context.route(ALL_RECORDS, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent('党建')}`);
  await rendered(page, '党建');
  const start = Date.now();
  if (records) await recordsLoaded(page);
  return { context, page, recordsMs: Date.now() - start };
}

/** Times submit → results painted, in the page, for each query in turn. */
async function timeQueries(page: Page, queries: string[]): Promise<number[]> {
  const time = (q: string) =>
    page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const el = document.querySelector<HTMLElement>('search-view')!;
          const onRendered = () => {
            if (el.dataset.query !== q) return;
            el.removeEventListener('search-rendered', onRendered);
            // Time to the next frame: the results laid out and painted.
            requestAnimationFrame(() => resolve(performance.now() - t0));
          };
          el.addEventListener('search-rendered', onRendered);
          el.querySelector<HTMLInputElement>('input[name=q]')!.value = q;
          const t0 = performance.now();
          el.querySelector('form')!.requestSubmit();
        }),
      q,
    );
  const times: number[] = [];
  for (const q of queries) times.push(await time(q));
  return times;
}

/** Times, in the search dialog of a reading page that has searched once and has every record, the last key of each
 * query to its results painted: what a reader typing sees (the dialog waits for a pause in typing first). */
export async function measureDialogQueries(browser: Browser, siteUrl: string, queries: string[]): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(siteUrl);
  await page.keyboard.press('/');
  await page.keyboard.type('党建');
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.records === 'loaded',
  );
  const times: number[] = [];
  for (const q of queries)
    times.push(
      await page.evaluate(
        (q) =>
          new Promise<number>((resolve) => {
            const view = document.querySelector<HTMLElement>('dialog.search-dialog search-view')!;
            const input = view.querySelector<HTMLInputElement>('input[name=q]')!;
            new MutationObserver((_, observer) => {
              if (view.dataset.query !== q) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }).observe(view, { attributes: true, attributeFilter: ['data-query'] });
            input.value = q;
            const t0 = performance.now();
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }),
        q,
      ),
    );
  await context.close();
  return times;
}

/** Runs each query twice on a search page that has already searched once, and once more on a page without every
 * record in memory; times the record files alone too. */
export async function measureWarmQueries(
  browser: Browser,
  siteUrl: string,
  queries: string[],
  recordCount: number,
): Promise<WarmQueries> {
  const cold = await warmPage(browser, siteUrl, false);
  const withoutRecords = await timeQueries(cold.page, queries);
  await cold.context.close();
  const { context, page, recordsMs } = await warmPage(browser, siteUrl);
  const firstTime = await timeQueries(page, queries);
  const repeated = await timeQueries(page, queries);
  const tenFetches = await page.evaluate(async (count) => {
    const files = document.querySelector<HTMLElement>('search-view')!.dataset.files!;
    const rounds: number[] = [];
    for (let round = 0; round < 20; round++) {
      // A query string no request has carried yet: every file comes from the server, none from the HTTP cache.
      const urls = Array.from(
        { length: 10 },
        (_, i) => `${files}records/${(round * 10 + i) % count}.json?floor=${round}`,
      );
      const t0 = performance.now();
      await Promise.all(urls.map((url) => fetch(url).then((r) => r.json())));
      rounds.push(performance.now() - t0);
    }
    return rounds;
  }, recordCount);
  await context.close();
  return { recordsMs, firstTime, repeated, withoutRecords, tenFetches };
}

export interface Background {
  /** Requests the visit made beyond those of the page's own load. */
  files: number;
  /** Their bytes on the wire, headers included, gzip where the server applies it. */
  bytes: number;
  /** Each, as `bytes<TAB>path`, largest first. */
  list: string[];
}

/** What a first visit to the home page downloads in the background: everything the server sends for it, until the
 * offline copy is settled (src/scripts/offline.ts: the shell precached and, on a small site, the whole copy saved),
 * less what the same visit sends with service workers blocked. Counted at the server, as it sends, because the
 * worker's own requests are not the page's to see. */
export async function firstVisitBackground(browser: Browser, site: Served): Promise<Background> {
  const visit = async (serviceWorkers: 'allow' | 'block') => {
    const context = await browser.newContext({ serviceWorkers });
    const page = await context.newPage();
    const from = site.sent.length;
    await page.goto(site.url);
    await page.waitForLoadState('networkidle');
    if (serviceWorkers === 'allow')
      await page.waitForFunction(
        () =>
          /^(none|saved|failed)$/.test(document.querySelector('.offline-control')?.getAttribute('data-state') ?? ''),
        null,
        { timeout: 600_000 },
      );
    await page.waitForLoadState('networkidle');
    await context.close();
    return site.sent.slice(from);
  };
  const own = await visit('block');
  const all = await visit('allow');
  const sum = (list: { bytes: number }[]) => list.reduce((n, r) => n + r.bytes, 0);
  return {
    files: all.length - own.length,
    bytes: sum(all) - sum(own),
    list: all
      .filter((r) => !own.some((o) => o.url === r.url))
      .sort((a, b) => b.bytes - a.bytes)
      .map((r) => `${r.bytes}\t${r.url}`),
  };
}

export interface SearchFigures {
  /** Everything the first search on a fresh visit transferred (page, CSS, scripts, Pagefind, index), headers included. */
  firstSearchBytes: number;
  /** The same, bodies only. */
  firstSearchBodies: number;
  /** Of that, the search code and the index. */
  firstSearchCodeAndIndexBytes: number;
  /** What the search page loads after the first results: every record, a thousand to a file. */
  recordsBytes: number;
  /** Ms from the first results on screen until every record is in memory. */
  recordsMs: number;
  /** Median ms from submitting a query to its results painted, after the first search, each query asked for the
   * first time. */
  warmMedianMs: number;
  /** The same for queries asked before. */
  warmRepeatedMedianMs: number;
  /** The same, first time, on a page that could not load every record: Pagefind and one file per result. */
  warmWithoutRecordsMedianMs: number;
  /** Median ms to fetch ten record files in parallel and nothing else (see `WarmQueries.tenFetches`). */
  tenFetchesMedianMs: number;
  /** Median ms from the last key to results painted in the search dialog (`measureDialogQueries`). */
  dialogMedianMs: number;
  /** What a first visit downloads in the background for the offline copy. */
  firstVisitBackgroundBytes: number;
}

/** The search figures of a built site (served at `base`), for the archive benchmark (scripts/bench.ts). */
export async function measureSearch(
  dir: string,
  { base = '/', query = FIRST_QUERY }: { base?: string; query?: string } = {},
): Promise<SearchFigures> {
  const site = await serve(dir, base);
  const browser = await launchChromium();
  try {
    const first = await measureFirstSearch(browser, site.url, query);
    const warm = await measureWarmQueries(browser, site.url, WARM_QUERIES, recordCount(dir));
    return {
      firstSearchBytes: first.total,
      firstSearchBodies: first.totalBodies,
      firstSearchCodeAndIndexBytes: first.search,
      recordsBytes: first.background,
      recordsMs: warm.recordsMs,
      warmMedianMs: median(warm.firstTime),
      warmRepeatedMedianMs: median(warm.repeated),
      warmWithoutRecordsMedianMs: median(warm.withoutRecords),
      tenFetchesMedianMs: median(warm.tenFetches),
      dialogMedianMs: median(await measureDialogQueries(browser, site.url, WARM_QUERIES)),
      firstVisitBackgroundBytes: (await firstVisitBackground(browser, site)).bytes,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** How many record files a built site has (one folder of search files, `search-index/<version>/`). */
const recordCount = (dir: string) => {
  const [version] = readdirSync(join(dir, 'search-index'));
  return readdirSync(join(dir, 'search-index', version!, 'records')).length;
};

const median = (list: number[]) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The first search: a common two-character word, with results in the 2015 report and in the synthetic archive
 * (a query that finds nothing would fetch no result files and flatter the figure). */
export const FIRST_QUERY = '家长';

/** Queries for the warm measurement: words, names, schools, single characters, phrases and a miss. */
export const WARM_QUERIES = [
  '管理',
  '了解',
  '三严三实',
  '服务家长',
  '叶向红',
  '京源学校',
  '党',
  '的',
  '用科学规范的管理',
  '银河 党员',
  '家长服务',
  '核心作用',
  '教学',
  '2015',
  'family',
  '火箭',
  '敬老',
  '创新发展',
  '考试中心',
  '心',
];

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      base: { type: 'string', default: '/' },
      query: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  const base = values.base.replace(/\/?$/, '/');
  let dir = values.dir;
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
    execFileSync('npx', ['astro', 'build', '--outDir', dir, '--base', base], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const site = await serve(dir, base);
  const browser = await launchChromium();
  try {
    const first: FirstSearch[] = [];
    for (const q of values.query ?? [FIRST_QUERY, '服务', '的'])
      first.push(await measureFirstSearch(browser, site.url, q));
    const warm = await measureWarmQueries(browser, site.url, WARM_QUERIES, recordCount(dir));
    const background = await firstVisitBackground(browser, site);
    const report = {
      firstSearch: first.map(({ transfers, ...rest }) => ({
        ...rest,
        files: transfers.map((t) => `${t.bytes}\t${t.url.replace(site.origin, '')}`),
      })),
      warm: {
        medianFirstTimeMs: median(warm.firstTime),
        medianRepeatedMs: median(warm.repeated),
        medianWithoutRecordsMs: median(warm.withoutRecords),
        medianTenFetchesMs: median(warm.tenFetches),
        ...warm,
      },
      firstVisitBackground: background,
    };
    if (values.json) return void console.log(JSON.stringify(report, null, 2));
    for (const f of first) {
      console.log(
        `First search “${f.query}” (${f.results} results) on a fresh visit, gzip, headers included: ${kb(f.total)} in all (${kb(f.totalBodies)} without headers); search code and index ${kb(f.search)}, of which Pagefind's library ${kb(f.pagefindLibrary)}; ${f.ms} ms to results; then every record in the background: ${kb(f.background)}`,
      );
      for (const t of f.transfers.sort((a, b) => b.bytes - a.bytes))
        console.log(
          `  ${String(t.bytes).padStart(7)} ${String(t.body).padStart(7)}  ${t.url.replace(site.origin, '')}`,
        );
    }
    console.log(`Every record in memory ${warm.recordsMs} ms after the first results`);
    const dialog = await measureDialogQueries(browser, site.url, WARM_QUERIES);
    console.log(
      `Search dialog (${WARM_QUERIES.length} queries), last key to results painted: median ${median(dialog).toFixed(1)} ms (max ${Math.max(...dialog).toFixed(1)} ms)`,
    );
    console.log(
      `Warm queries (${WARM_QUERIES.length}), submit to results painted: median ${median(warm.firstTime).toFixed(1)} ms the first time, ${median(warm.repeated).toFixed(1)} ms repeated (max ${Math.max(...warm.firstTime).toFixed(1)} / ${Math.max(...warm.repeated).toFixed(1)} ms)`,
    );
    console.log(
      `The same without every record in memory (Pagefind and one file per result): median ${median(warm.withoutRecords).toFixed(1)} ms (max ${Math.max(...warm.withoutRecords).toFixed(1)} ms)`,
    );
    console.log(
      `Ten record files fetched in parallel and nothing else (20 rounds): median ${median(warm.tenFetches).toFixed(1)} ms`,
    );
    console.log(
      `First visit, in the background (the offline copy): ${background.files} requests, ${kb(background.bytes)}`,
    );
    for (const line of background.list) console.log(`  ${line}`);
  } finally {
    await browser.close();
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
