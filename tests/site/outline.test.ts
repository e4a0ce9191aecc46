import { describe, expect, it } from 'vitest';
import { readPages, textOf } from '../support/dist.ts';
import { everySite } from '../support/sites.ts';

const ORIGIN = 'http://site.test';

describe.each(Object.entries(everySite))('the outline of every page of the %s build', (_name, { dir, base }) => {
  const pages = readPages(dir, base);

  it('says in the footer of every page what was changed from print', () => {
    for (const page of pages) {
      const footer = page.doc.querySelector('footer');
      expect(footer && textOf(footer), page.url).toMatch(/全角.*段落.*接上/);
    }
  });

  it('has a description for search engines and link previews', () => {
    const missing = pages
      .filter((page) => !page.doc.querySelector('meta[name="description"]')?.getAttribute('content')?.trim())
      .map((page) => page.url);
    expect(missing).toEqual([]);
  });

  it('has one h1 and heading levels without gaps', () => {
    const failures: string[] = [];
    for (const page of pages) {
      const levels = page.doc.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName[1]));
      if (levels.filter((l) => l === 1).length !== 1)
        failures.push(`${page.url}: ${levels.filter((l) => l === 1).length} h1`);
      if (levels[0] !== 1) failures.push(`${page.url}: first heading is h${levels[0]}`);
      levels.forEach((level, i) => {
        if (i > 0 && level > levels[i - 1]! + 1) failures.push(`${page.url}: h${levels[i - 1]} followed by h${level}`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('gives links to different places different accessible names', () => {
    const failures: string[] = [];
    for (const page of pages) {
      const targets = new Map<string, Set<string>>();
      for (const a of page.doc.querySelectorAll('a[href]')) {
        const name = a.getAttribute('aria-label') ?? textOf(a);
        if (!name) failures.push(`${page.url}: a link without a name (${a.getAttribute('href')})`);
        const target = new URL(a.getAttribute('href')!, ORIGIN + page.url).href;
        targets.set(name, (targets.get(name) ?? new Set()).add(target));
      }
      for (const [name, hrefs] of targets)
        if (hrefs.size > 1) failures.push(`${page.url}: «${name}» → ${[...hrefs].join(' | ')}`);
    }
    expect(failures).toEqual([]);
  });
});
