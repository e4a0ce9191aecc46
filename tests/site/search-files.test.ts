// What the build writes for search, read from the test builds: the Pagefind bundle, the service worker and the
// offline copy's lists, the search box on every page, and scripts only as files (a strict Content-Security-Policy will follow).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages, searchFolder } from '../support/dist.ts';
import { fromRow, type RecordRow } from '../../src/scripts/search/record.ts';
import { FIELD_BREAK } from '../../src/scripts/search/text.ts';
import { readSeed } from '../support/seed.ts';
import { sites } from '../support/sites.ts';

const seed = readSeed();

describe.each(Object.entries(sites))('search in the %s build', (name, { dir, base }) => {
  const pages = readPages(dir, base);

  const { path: folder, version } = searchFolder(dir);

  it('has a Pagefind index of one page, and besides it only every record a thousand to a file (five in the root build) and alone', () => {
    expect(readdirSync(`${dir}search-index`), 'one build, one folder of search files').toEqual([version]);
    const entry = JSON.parse(readFileSync(`${folder}pagefind/pagefind-entry.json`, 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['und']);
    expect(entry.languages.und?.page_count).toBe(1);
    // The report's title and editor's note, then every remark in reading order.
    const row = (n: number) => JSON.parse(readFileSync(`${folder}records/${n}.json`, 'utf8')) as RecordRow;
    const record = (n: number) => fromRow(row(n));
    const count = readdirSync(`${folder}records`).length;
    expect(count).toBe(seed.remarks.length + 1);
    const perFile = name === 'root' ? 5 : 1000;
    const files = Math.ceil(count / perFile);
    expect(readdirSync(folder).filter((f) => /^records-/.test(f))).toEqual(
      expect.arrayContaining(Array.from({ length: files }, (_, k) => `records-${k}.json`)),
    );
    expect(readdirSync(folder).filter((f) => /^records-/.test(f))).toHaveLength(files);
    const together = Array.from(
      { length: files },
      (_, k) => JSON.parse(readFileSync(`${folder}records-${k}.json`, 'utf8')) as RecordRow[],
    );
    expect(together.flat()).toEqual(Array.from({ length: count }, (_, n) => row(n)));
    expect(together.slice(0, -1).every((file) => file.length === perFile)).toBe(true);
    // Two kinds of file besides Pagefind's (docs/search.md): where each record starts is a word of the index.
    expect(readdirSync(folder).filter((f) => !/^records-\d+\.json$/.test(f))).toEqual(['pagefind', 'records']);
    const search = pages.find((p) => p.url === `${base}search/`)!;
    expect(search.doc.querySelector('search-view')?.getAttribute('data-record-files')).toBe(String(files));
    // A row carries the body without its lead (the speaker and school, or the title), which its fields hold.
    expect(row(1)[8]).not.toContain(seed.remarks[0]!.school);
    const { speaker, school } = seed.remarks[0]!;
    expect(record(1).text.startsWith([speaker, school, ''].join(FIELD_BREAK))).toBe(true);
    expect(record(0).meta.kind).toBe('report');
    expect(record(0).text.startsWith(seed.title)).toBe(true);
    expect(record(0).url).toMatch(new RegExp(`^${base}reports/${seed.id}/#note-`));
    for (const [i, remark] of seed.remarks.entries()) {
      expect(record(i + 1).meta).toMatchObject({
        kind: 'remark',
        speaker: remark.speaker,
        school: remark.school,
        role: remark.role,
        heading: remark.section,
      });
      expect(record(i + 1).url).toBe(`${base}reports/${seed.id}/#${remark.file.replace(/\.mdx?$/, '')}`);
    }
    // The root build is indexed in chunks of ~30 positions (tests/support/sites.ts), so that the browser tests look
    // words up across many chunks, as in a large archive.
    if (name === 'root')
      expect(
        readdirSync(`${folder}pagefind/index`).length,
        'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE no longer splits the test index: find another way to test many chunks',
      ).toBeGreaterThan(20);
    // Pagefind's page text is not published: the record files carry it. Nor are its UI bundles.
    expect(existsSync(`${folder}pagefind/fragment`)).toBe(false);
    expect(
      readdirSync(`${folder}pagefind`).filter((f) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)/.test(f)),
    ).toEqual([]);
    expect(existsSync(`${folder}pagefind/pagefind.js`)).toBe(true);
  });

  it('names the folder of search files by a hash of exactly these files, and points the search page to it', () => {
    // Every file, path and content: a change to the text, the index or the files' format moves them to a new folder,
    // so that no cache, and no page of another build, can mix two builds' files.
    const hash = createHash('sha256');
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    for (const path of files) hash.update(`${path}\n`).update(readFileSync(`${folder}${path}`));
    expect(version).toBe(hash.digest('hex').slice(0, 12));
    const search = pages.find((p) => p.url === `${base}search/`)!;
    expect(search.doc.querySelector('search-view')?.getAttribute('data-files')).toBe(`${base}search-index/${version}/`);
  });

  it('writes a service worker and the offline copy: every page, the search runtime and index, under the base', () => {
    // The worker (Workbox's generateSW) names this build's caches; the page learns the build from offline.json, which
    // the worker precaches, and saves what offline/files.json lists.
    const build = pages[0]!.doc.querySelector('html')?.getAttribute('data-build');
    expect(build).toMatch(/^[0-9a-f]{12}$/);
    for (const page of pages) expect(page.doc.querySelector('html')?.getAttribute('data-build'), page.url).toBe(build);
    const sw = readFileSync(`${dir}sw.js`, 'utf8');
    expect(sw).toContain(`"offline:${base}:pages:${build}"`);
    expect(sw).toContain(`"offline:${base}:search:${build}"`);
    expect(sw, "it stores only this build's pages").toContain(`data-build="${build}"`);
    // The Workbox runtime is inlined: nothing from another host, and no other file but the worker's own part, which
    // knows the same base and build.
    expect([...sw.matchAll(/importScripts\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"sw-offline.js"']);
    expect(readFileSync(`${dir}sw-offline.js`, 'utf8').split('\n')[0]).toBe(
      `self.offlineWorker = ${JSON.stringify({ base, build })};`,
    );
    const info = JSON.parse(readFileSync(`${dir}offline.json`, 'utf8')) as { build: string; bytes: number };
    const files = JSON.parse(readFileSync(`${dir}offline/files.json`, 'utf8')) as {
      build: string;
      pages: string[];
      media: string[];
      search: string[];
    };
    expect([info.build, files.build]).toEqual([build, build]);
    expect(info.bytes).toBeGreaterThan(50_000);
    for (const page of pages) {
      if (/^(404|offline\/index)\.html$/.test(page.file)) continue;
      expect(files.pages, page.url).toContain(page.url);
    }
    expect(files.pages).toHaveLength(pages.length - 2);
    const pagefind = `${base}search-index/${version}/pagefind/`;
    for (const file of ['pagefind.js', 'pagefind-entry.json']) expect(files.search).toContain(pagefind + file);
    expect(files.search.some((f) => f.startsWith(`${pagefind}wasm.`) && f.endsWith('.pagefind'))).toBe(true);
    expect(files.search.some((f) => f.startsWith(`${pagefind}index/`))).toBe(true);
    // Pagefind's own UI bundles and worker are not used, so not saved; nor the one-record files.
    expect(files.search.filter((f) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)/.test(f))).toEqual([]);
    expect(files.search.filter((f) => f.includes('/records/'))).toEqual([]);
    // Every entry is a built file.
    for (const url of [...files.pages, ...files.media, ...files.search]) {
      expect(url.startsWith(base), url).toBe(true);
      const file = url.slice(base.length);
      expect(existsSync(`${dir}${file === '' || file.endsWith('/') ? `${file}index.html` : file}`), url).toBe(true);
    }
  });

  it('has a search form to the search page on every page but the search page itself', () => {
    for (const page of pages) {
      const form = page.doc.querySelector('header form[role=search]');
      if (page.url === `${base}search/`) {
        expect(form).toBeNull();
        expect(page.doc.querySelector('main form[role=search]')?.getAttribute('action')).toBe(`${base}search/`);
        continue;
      }
      expect(form?.getAttribute('action'), page.url).toBe(`${base}search/`);
      expect(form?.getAttribute('method')).toBe('get');
      expect(form?.querySelector('input[name=q]')).not.toBeNull();
      // The same form in the dialog the shortcut opens.
      expect(page.doc.querySelector('dialog.search-dialog form[role=search]')?.getAttribute('action'), page.url).toBe(
        `${base}search/`,
      );
    }
  });

  it('ships scripts as files only: no inline script and no inline event handler', () => {
    for (const page of pages) {
      for (const script of page.doc.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(
          script.getAttribute('src'),
          `${page.url}: inline script ${script.textContent.slice(0, 60)}`,
        ).toBeTruthy();
      }
      expect(page.html, page.url).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('loads the search script on the search page only, and Pagefind from no page until a search runs', () => {
    const scriptsOf = (html: string) =>
      [...html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="([^"]+\.m?js)"/g)].map((m) => m[1]!);
    const search = pages.find((p) => p.url === `${base}search/`)!;
    // The offline page has a script of its own too (the saved pages' list), and no search script.
    const offline = pages.find((p) => p.url === `${base}offline/`)!;
    const reading = pages.filter((p) => p !== search && p !== offline);
    const everywhere = scriptsOf(reading[0]!.html);
    const searchOnly = scriptsOf(search.html).filter((src) => !everywhere.includes(src));
    expect(searchOnly).toHaveLength(1);
    for (const page of reading) expect(scriptsOf(page.html), page.url).toEqual(everywhere);
    expect(scriptsOf(offline.html).filter((src) => !everywhere.includes(src))).toHaveLength(1);
    expect(scriptsOf(offline.html)).not.toContain(searchOnly[0]);
    for (const page of pages)
      expect(
        scriptsOf(page.html).filter((src) => src.includes('pagefind')),
        page.url,
      ).toEqual([]);
    for (const src of scriptsOf(search.html)) expect(src.startsWith(`${base}_astro/`), src).toBe(true);
  });
});
