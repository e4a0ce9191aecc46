// The relevance set (tests/browser/relevance.json) and a sweep of passages, run through the real search page in
// Chromium against the root build, both ways the page answers: with Pagefind and one file per result (every query
// until the page has every record in memory), and from every record in memory (every query after that).
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { root, sites } from '../support/sites.ts';
import { runQuery, type ShownResult } from './search-helpers.ts';

interface Case {
  q: string;
  kind: string;
  must: string[];
  mustNot?: string[];
  only?: boolean;
  first?: string[];
  /** A query in traditional characters: exactly the results of this simplified one. */
  same?: string;
  why?: string;
}
const { queries } = JSON.parse(readFileSync(`${root}tests/browser/relevance.json`, 'utf8')) as { queries: Case[] };

// What a record says, straight from the Markdown, and a plain containment test written apart from the site's code:
// letters and digits only, folded, so punctuation and line breaks never decide a match.
const seed = readSeed();
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
const records = [
  { id: 'note', text: `${seed.title} ${seed.note}` },
  ...seed.remarks.map((r) => ({
    id: r.file.replace(/\.mdx?$/, ''),
    text: `${r.speaker} ${r.school} ${r.paragraphs.join('\n')}`,
  })),
];
const containing = (q: string) => records.filter((r) => fold(r.text).includes(fold(q))).map((r) => r.id);

/** Opens the search page; `inMemory`: after one search, waits until it holds every record; otherwise it is kept
 * from loading them, so it answers with Pagefind and one file per result. */
async function searchPage(browser: Browser, url: string, inMemory: boolean): Promise<Page> {
  // No service worker: its background downloads have nothing to do with relevance.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (!inMemory) await context.route('**/search-index/*/records-*.json', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${url}search/`);
  await runQuery(page, '党建');
  await page.waitForFunction(
    (want) => document.querySelector<HTMLElement>('search-view')?.dataset.records === want,
    inMemory ? 'loaded' : 'failed',
  );
  return page;
}

describeInBrowser('search relevance in Chromium', () => {
  let browser: Browser;
  let site: Served;

  beforeAll(async () => {
    site = await serve(sites.root.dir, sites.root.base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has a relevance set of at least 40 queries of every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(queries.map((c) => c.kind));
    for (const kind of [
      'word',
      '4-character term',
      'phrase',
      'name',
      'school',
      'single character',
      'nothing matches',
      'layout break',
      'phrase before words',
      'traditional',
      'partial',
    ])
      expect(kinds, kind).toContain(kind);
    const ids = new Set(records.map((r) => r.id));
    for (const c of queries)
      for (const id of [...c.must, ...(c.mustNot ?? []), ...(c.first ?? [])])
        expect(ids, `${c.q}: ${id}`).toContain(id);
  });

  it('shows the same results both ways, in the same order, excerpts and highlights included; from memory with no request for search files', async () => {
    const [pagefind, memory] = await Promise.all([
      searchPage(browser, site.url, false),
      searchPage(browser, site.url, true),
    ]);
    try {
      const requests = site.requests.length;
      const fromMemory: ShownResult[][] = [];
      for (const { q } of queries) fromMemory.push(await runQuery(memory, q));
      // (Chromium asks for the favicon again as the address changes.)
      const searchFiles = site.requests.slice(requests).filter((path) => /\/(pagefind|search-index)\//.test(path));
      expect(searchFiles, 'search files requested while answering from memory').toEqual([]);
      for (const [i, { q }] of queries.entries()) expect(fromMemory[i], q).toEqual(await runQuery(pagefind, q));
    } finally {
      await Promise.all([pagefind.context().close(), memory.context().close()]);
    }
  });

  describe.each([
    ['with Pagefind', false],
    ['from every record in memory', true],
  ])('%s', (_, inMemory) => {
    let page: Page;
    beforeAll(async () => {
      page = await searchPage(browser, site.url, inMemory);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it.each(queries)('$kind: $q', async (c) => {
      const ids = (await runQuery(page, c.q)).map((r) => r.id);
      expect(new Set(ids).size, 'one result per record').toBe(ids.length);
      for (const id of c.must) expect(ids, `must return ${id}`).toContain(id);
      for (const id of c.mustNot ?? []) expect(ids, `must not return ${id}`).not.toContain(id);
      if (c.only) expect([...ids].sort()).toEqual([...c.must].sort());
      if (c.first) expect([...ids.slice(0, c.first.length)].sort()).toEqual([...c.first].sort());
      if (c.same) expect(ids).toEqual((await runQuery(page, c.same)).map((r) => r.id));
      // Every record with the query in it, and those ahead of every record without.
      const literal = containing(c.same ?? c.q);
      expect(ids).toEqual(expect.arrayContaining(literal));
      expect([...ids.slice(0, literal.length)].sort()).toEqual([...literal].sort());
    });

    it('finds for a passage in traditional characters what it finds for the passage itself', async () => {
      // Passages of 2 to 6 characters from every record, written in traditional characters by OpenCC's own tables;
      // those that would not come back the same (干 may be 幹, 乾 or 干) are left out.
      const toTraditional = Converter({ from: 'cn', to: 't' });
      const toSimplified = Converter({ from: 't', to: 'cn' });
      const differing: string[] = [];
      let asked = 0;
      for (const [n, record] of records.entries()) {
        const text = record.text.replace(/\s+/g, '');
        for (let length = 2; length <= 6; length += 2) {
          const at = Math.min((n * 37 + length * 13) % text.length, text.length - length);
          const q = text.slice(at, at + length);
          const traditional = toTraditional(q);
          if (traditional === q || toSimplified(traditional) !== q) continue;
          asked++;
          const [a, b] = [await runQuery(page, traditional), await runQuery(page, q)];
          if (JSON.stringify(a) !== JSON.stringify(b)) differing.push(`${traditional} / ${q}`);
        }
      }
      expect(asked).toBeGreaterThan(20);
      expect(differing).toEqual([]);
    });

    it('finds every record by any passage of 1 to 10 characters taken from it', async () => {
      const missed: string[] = [];
      for (const [n, record] of records.entries()) {
        const text = record.text.replace(/\s+/g, '');
        for (let length = 1; length <= 10; length++) {
          // Two places per length, spread over the text and different for each record and length.
          for (const at of [(n * 31 + length * 17) % text.length, (n * 53 + length * 101 + 7) % text.length]) {
            const q = text.slice(Math.min(at, text.length - length), Math.min(at, text.length - length) + length);
            if (!fold(q)) continue;
            const ids = (await runQuery(page, q)).map((r) => r.id);
            if (!ids.includes(record.id)) missed.push(`${record.id}: ${q}`);
          }
        }
      }
      expect(missed).toEqual([]);
    });
  });
});
