import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** URL path of the page under the site's base, e.g. `/some/path/speakers/`. */
  url: string;
  file: string;
  html: string;
  doc: HTMLElement;
}

/** Every HTML page of a built site, with its URL under `base`. */
export function readPages(dir: string, base: string): BuiltPage[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const path = relative(dir, join(dir, f)).split(sep).join('/');
      const url = base + path.replace(/index\.html$/, '').replace(/\.html$/, '');
      const html = readFileSync(join(dir, f), 'utf8');
      return { url, file: path, html, doc: parse(html) };
    });
}

/** The text of an element with whitespace collapsed, as a reader sees it. */
export function textOf(el: HTMLElement): string {
  return el.textContent.replace(/\s+/g, ' ').trim();
}

/** The built search page's folder of search files (`search-index/<version>/`): its path under `dir` and version. */
export function searchFolder(dir: string): { path: string; version: string } {
  const html = readFileSync(join(dir, 'search', 'index.html'), 'utf8');
  const version = /data-version="([^"]+)"/.exec(html)?.[1];
  if (!version) throw new Error(`${dir}: the search page has no data-version`);
  return { path: join(dir, 'search-index', version, '/'), version };
}
