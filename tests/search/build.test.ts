// What the build writes for search, read from the test builds: the Pagefind bundle, the service worker and its
// list, the search box on every page, and scripts only as files (a strict Content-Security-Policy will follow).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPages } from '../support/dist.ts';
import { readSeed } from '../support/seed.ts';
import { sites } from '../support/sites.ts';

const seed = readSeed();

describe.each(Object.entries(sites))('search in the %s build', (_name, { dir, base }) => {
  const pages = readPages(dir, base);

  it('has a Pagefind index of one record per remark and one per report, and no leftover records file', () => {
    const entry = JSON.parse(readFileSync(`${dir}pagefind/pagefind-entry.json`, 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh']);
    expect(entry.languages.zh.page_count).toBe(seed.remarks.length + 1);
    // Fragments travel in groups (one file for this archive), so a search fetches few, well-compressed files.
    expect(readdirSync(`${dir}pagefind/fragment`).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(`${dir}pagefind/fragment`).length).toBeLessThan(seed.remarks.length + 1);
    expect(existsSync(`${dir}pagefind/pagefind.js`)).toBe(true);
    expect(existsSync(`${dir}search/records.json`)).toBe(false);
  });

  it('writes a service worker that caches every page and the search runtime, under the base', () => {
    const line = /^const MANIFEST = (.*);$/m.exec(readFileSync(`${dir}sw.js`, 'utf8'));
    const manifest = JSON.parse(line![1]!) as { version: string; base: string; files: string[] };
    expect(manifest.base).toBe(base);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    for (const page of pages) {
      const file = page.file === 'index.html' ? '' : page.file.replace(/index\.html$/, '');
      expect(manifest.files, page.url).toContain(file);
    }
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) expect(manifest.files).toContain(file);
    expect(manifest.files.some((f) => /^pagefind\/wasm\.[^/]+\.pagefind$/.test(f))).toBe(true);
    expect(manifest.files.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
    // Pagefind's own UI bundles and worker are not used, so not cached.
    expect(manifest.files.filter((f) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)/.test(f))).toEqual([]);
    for (const file of manifest.files) expect(existsSync(`${dir}${file === '' || file.endsWith('/') ? `${file}index.html` : file}`), file).toBe(true);
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
      expect(page.doc.querySelector('dialog.search-dialog form[role=search]')?.getAttribute('action'), page.url).toBe(`${base}search/`);
    }
  });

  it('ships scripts as files only: no inline script and no inline event handler', () => {
    for (const page of pages) {
      for (const script of page.doc.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(script.getAttribute('src'), `${page.url}: inline script ${script.textContent.slice(0, 60)}`).toBeTruthy();
      }
      expect(page.html, page.url).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('loads the search script on the search page only, and Pagefind from no page until a search runs', () => {
    const scriptsOf = (html: string) => [...html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="([^"]+\.m?js)"/g)].map((m) => m[1]!);
    const search = pages.find((p) => p.url === `${base}search/`)!;
    const reading = pages.filter((p) => p !== search);
    const everywhere = scriptsOf(reading[0]!.html);
    const searchOnly = scriptsOf(search.html).filter((src) => !everywhere.includes(src));
    expect(searchOnly).toHaveLength(1);
    for (const page of reading) expect(scriptsOf(page.html), page.url).toEqual(everywhere);
    for (const page of pages) expect(scriptsOf(page.html).filter((src) => src.includes('pagefind')), page.url).toEqual([]);
    for (const src of scriptsOf(search.html)) expect(src.startsWith(`${base}_astro/`), src).toBe(true);
  });
});
