// What no built page may hold, whatever the content: an address a browser would run, or anything loaded from another
// host. Read from the HTML as a browser reads it (node-html-parser decodes character references in attributes).
import { parse } from 'node-html-parser';

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'cite'];
const LOADING = 'img, source, video, audio, iframe, embed, object, script, link[rel~=stylesheet]';
const ORIGIN = 'http://site.test';

/** Each address in `html`, the page at `pageUrl`, that runs code or is fetched from another host. */
export function unsafeRefs(html: string, pageUrl = '/'): string[] {
  const doc = parse(html);
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*'))
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === undefined) continue;
      // Browsers ignore whitespace and control characters in a scheme.
      const bare = value.replace(/[\s\p{Cc}\p{Cf}]/gu, '').toLowerCase();
      if (/^(javascript|data|vbscript|file):/.test(bare) || /(^|,)\s*(javascript|data|vbscript):/.test(bare))
        found.push(`${pageUrl}: <${el.tagName.toLowerCase()} ${name}="${value}">`);
    }
  for (const el of doc.querySelectorAll(LOADING)) {
    const value = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('data');
    if (value === undefined) continue;
    let origin: string;
    try {
      origin = new URL(value.trim(), ORIGIN + pageUrl).origin;
    } catch {
      continue;
    }
    if (origin !== ORIGIN) found.push(`${pageUrl}: <${el.tagName.toLowerCase()}> from ${value}`);
  }
  return found;
}
