import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPages } from '../support/dist.ts';
import { everySite, minimumPages } from '../support/sites.ts';

const ORIGIN = 'http://site.test';

describe.each(Object.entries(everySite))(
  'every internal link of the %s build resolves',
  (name, { dir, base, site, editBase }) => {
    const pages = readPages(dir, base);
    const byUrl = new Map(pages.map((p) => [p.url, p]));

    /** The built file behind a URL path under the base, or undefined. */
    const fileFor = (pathname: string) => {
      if (!pathname.startsWith(base)) return undefined;
      const rest = decodeURIComponent(pathname.slice(base.length));
      const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}.html`];
      return candidates.find((c) => existsSync(dir + c));
    };

    it('has pages', () => {
      expect(pages.length).toBeGreaterThan(minimumPages(name));
    });

    it('links and assets point to files in dist/ under the base, and anchors to ids on their page', () => {
      const broken: string[] = [];
      for (const page of pages) {
        const refs = [
          ...page.doc
            .querySelectorAll('a[href], link[href], script[src], img[src], form[action]')
            .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!),
          // Every size of a photo the browser may choose.
          ...page.doc.querySelectorAll('[srcset]').flatMap((el) =>
            el
              .getAttribute('srcset')!
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0]!),
          ),
        ];
        for (const ref of refs) {
          const url = new URL(ref, ORIGIN + page.url);
          if (url.origin !== ORIGIN) continue; // absolute URLs are checked by the next test
          if (!fileFor(url.pathname)) {
            broken.push(`${page.url}: ${ref} (no file)`);
            continue;
          }
          if (url.hash) {
            const target = byUrl.get(url.pathname);
            const id = decodeURIComponent(url.hash.slice(1));
            if (target && !target.doc.getElementById(id)) broken.push(`${page.url}: ${ref} (no #${id})`);
          }
        }
      }
      expect(broken).toEqual([]);
    });

    it('has no link in the text that leads to the page it is on, save to a place on it', () => {
      const own = pages.flatMap((page) =>
        page.doc
          .querySelectorAll('main a[href]')
          .filter((a) => {
            const url = new URL(a.getAttribute('href')!, ORIGIN + page.url);
            return url.origin === ORIGIN && url.pathname === page.url && !url.hash;
          })
          .map((a) => `${page.url}: «${a.textContent.trim()}»`),
      );
      expect(own).toEqual([]);
    });

    it('requests nothing from another host', () => {
      const external: string[] = [];
      for (const page of pages) {
        for (const el of page.doc.querySelectorAll('[src], link[href], [srcset]')) {
          const ref = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('srcset')!;
          if (el.tagName === 'LINK' && el.getAttribute('rel') === 'canonical') continue;
          if (new URL(ref, ORIGIN + page.url).origin !== ORIGIN) external.push(`${page.url}: ${ref}`);
        }
        for (const m of page.html.matchAll(/url\((['"]?)(https?:)?\/\//g)) external.push(`${page.url}: ${m[0]}`);
      }
      expect(external).toEqual([]);
      const absoluteLinks = pages.flatMap((p) =>
        p.doc
          .querySelectorAll('a[href]')
          .map((a) => a.getAttribute('href')!)
          .filter((h) => /^https?:/.test(h) && !(site && h.startsWith(site)) && !(editBase && h.startsWith(editBase))),
      );
      // Links to other hosts are only the edit links; they are followed by choice, not requested by the page.
      expect(absoluteLinks).toEqual([]);
    });
  },
);
