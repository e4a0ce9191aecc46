// Character-level text handling shared by the index (at build time) and the search page (in the browser).
// Pagefind segments Chinese with jieba when it indexes and with the browser's ICU when it searches, and the two
// disagree, so phrases miss or match scattered characters (https://github.com/Pagefind/pagefind/issues/1237,
// https://github.com/Pagefind/pagefind/issues/987). Here both sides agree on the simplest tokens: every letter
// and digit is a word of its own, and the search page checks phrases against the original text itself.

const TOKEN = /[\p{L}\p{N}]/u;

/** Whether a character is searchable: letters (Han included) and digits; punctuation, spaces and line breaks are not. */
export function isTokenChar(ch: string): boolean {
  return TOKEN.test(ch);
}

/**
 * Marks every letter and digit as a word of its own for Pagefind by putting U+200B (zero-width space) between
 * neighbours. Pagefind splits words there and strips U+200B from the content it returns, so results carry the
 * original text.
 */
export function splitForIndex(text: string): string {
  return text.normalize('NFC').replace(/\u200B/g, '').replace(/([\p{L}\p{N}])(?=[\p{L}\p{N}])/gu, '$1\u200B');
}

/**
 * What the index holds for a text: only its letters and digits, one word each (see `splitForIndex`), so that the
 * characters of a phrase are consecutive words of the index even where punctuation or spaces stand between them
 * in print (Pagefind gives punctuation a word position of its own, which breaks exact phrase searches); and,
 * beside it, the removed runs as JSON `[[offset in the letters and digits, run], …]`, to put the text back
 * together in the browser (`restoreText`).
 */
export function indexContent(text: string): { content: string; gaps: string } {
  let kept = '';
  const gaps: [number, string][] = [];
  for (const m of text.normalize('NFC').replace(/\u200B/g, '').matchAll(/([\p{L}\p{N}]+)|([^\p{L}\p{N}]+)/gu)) {
    if (m[1]) kept += m[1];
    else gaps.push([kept.length, m[2]!]);
  }
  return { content: splitForIndex(kept), gaps: JSON.stringify(gaps) };
}

/** The original text from the index's letters and digits (as Pagefind returns them) and the removed runs. */
export function restoreText(content: string, gaps: string | undefined): string {
  if (!gaps) return content;
  let text = '';
  let at = 0;
  for (const [offset, run] of JSON.parse(gaps) as [number, string][]) {
    text += content.slice(at, offset) + run;
    at = offset;
  }
  return text + content.slice(at);
}

/** One character folded for comparison: full-width forms to ASCII, capitals to lower case; never changes its length. */
function fold(ch: string): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  return folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
}

/** The searchable characters of a text, folded, with where each came from in the original. */
export interface Projection {
  /** Letters and digits only, folded; punctuation, spaces and line breaks removed. */
  chars: string;
  /** For each UTF-16 unit of `chars`, the offset of its character in the original text. */
  start: number[];
  /** For each UTF-16 unit of `chars`, the offset just after its character in the original text. */
  end: number[];
}

/**
 * Projects a text onto its letters and digits, so that a phrase matches across punctuation, spaces and repaired
 * line breaks (“用科学规范的管\n理” still contains 管理) while the offsets lead back to the original for highlighting.
 */
export function project(text: string): Projection {
  let chars = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (isTokenChar(ch)) {
      const folded = fold(ch);
      chars += folded;
      for (let k = 0; k < folded.length; k++) {
        start.push(i);
        end.push(i + ch.length);
      }
    }
    i += ch.length;
  }
  return { chars, start, end };
}
