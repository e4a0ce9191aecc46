// The plain text of a content entry, for the search records: taken from the HTML the loader rendered, so that the
// search reads what the page shows and no body is parsed again for it.

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
// Attribute values may hold `>`, so a tag is read up to the first `>` outside quotes.
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** The elements the renderer puts between blocks of text. */
const BLOCK =
  /<\/?(?:blockquote|dd|div|dl|dt|figcaption|figure|h[1-6]|hr|li|ol|p|pre|table|tbody|td|tfoot|th|thead|tr|ul)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const BREAK = /<br\s*\/?>/g;
// The renderer writes characters as themselves, escaping only these in text; the numeric forms cover the rest.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const decode = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name!] ?? entity),
  );

/**
 * The plain text of rendered HTML: blocks joined by spaces; a line break inside Chinese text removed, as the print
 * joined the lines, and any other line break one space.
 */
export function htmlText(html: string): string {
  return html
    .replace(BREAK, '\n')
    .split(BLOCK)
    .map((block) =>
      decode(block.replace(TAG, ''))
        .trim()
        .replace(/[ \t]*\n[ \t]*/g, (gap, at: number, all: string) =>
          WIDE.test(all[at - 1] ?? '') && WIDE.test(all[at + gap.length] ?? '') ? '' : ' ',
        ),
    )
    .filter(Boolean)
    .join(' ');
}

/** The plain text of a content entry's body, from the HTML the content loader rendered. */
export const entryText = (entry: { rendered?: { html: string } | undefined }): string =>
  htmlText(entry.rendered?.html ?? '');
