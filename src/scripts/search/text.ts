// Character-level text handling shared by the index (at build time) and the search page (in the browser).
// Pagefind segments Chinese with jieba when it indexes and with the browser's ICU when it searches, and the two
// disagree, so phrases miss or match scattered characters (https://github.com/Pagefind/pagefind/issues/1237,
// https://github.com/Pagefind/pagefind/issues/987). Here both sides agree on the simplest units: a text's letters
// and digits, folded (`project`), from which the index words are made (tokens.ts).

// ○ and ◯ are circles, but texts and readers write them for 〇, the zero of 二〇一五: 二○一五.
const TOKEN = /[\p{L}\p{N}○◯]/u;

/** Whether a character is searchable: letters (Han included), digits and the circles written for 〇; punctuation, spaces and line breaks are not. */
export function isTokenChar(ch: string): boolean {
  return TOKEN.test(ch);
}

/** One character folded for comparison: full-width forms to ASCII, capitals to lower case, a circle to 〇; never changes
 * its length. */
function fold(ch: string): string {
  if (ch === '○' || ch === '◯') return '〇';
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

/** What stands between a record's fields in its text (`textOf`): kept by the projection, as no query holds it, so that
 * no phrase runs from a speaker's name into the school, or from the school into the body. */
export const FIELD_BREAK = '\u001f';

const searchable = new Map<string, string>();

/** A character as search sees it: folded, or '' when it is not searchable. Remembered, as a text repeats its
 * characters: the search page folds a whole archive's text at once (`searchChars`). */
function searchChar(ch: string): string {
  let folded = searchable.get(ch);
  if (folded === undefined) searchable.set(ch, (folded = isTokenChar(ch) ? fold(ch) : ch === FIELD_BREAK ? ch : ''));
  return folded;
}

/** A text's searchable characters alone: `project(text).chars`, without the offsets. */
export function searchChars(text: string): string {
  let chars = '';
  for (const ch of text) chars += searchChar(ch);
  return chars;
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
    const folded = searchChar(ch);
    chars += folded;
    for (let k = 0; k < folded.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    i += ch.length;
  }
  return { chars, start, end };
}
