// The words of the Pagefind index, shared by the build (which writes them) and the search page (which asks for
// them). Each position of a text's letters and digits (see `project`) holds one word: the character and the next
// one (a bigram), or the character alone at the end of a record. A phrase is then consecutive bigrams, and a
// single character is every word that begins with it.
//
// Words are written in ASCII (each character's code point in base 36, four digits), because Pagefind segments a
// Chinese query with the browser's ICU before it looks words up, and ICU would split a bigram such as 严三 in two
// (https://github.com/Pagefind/pagefind/issues/1237); a run of ASCII letters and digits is always one word to it.

/** The length of one character's code in an index word. */
export const CODE_WIDTH = 4;

/** One character as four base-36 digits (36⁴ covers every code point). */
export function encodeChar(ch: string): string {
  return ch.codePointAt(0)!.toString(36).padStart(CODE_WIDTH, '0');
}

/** The index words of one record's letters and digits, in order: one per character. */
export function recordWords(chars: string): string[] {
  const list = [...chars];
  return list.map((ch, i) => encodeChar(ch) + (i + 1 < list.length ? encodeChar(list[i + 1]!) : ''));
}

/**
 * What to ask Pagefind for to find a needle (a run of letters and digits): its bigrams, whose positions must follow
 * one another; or, for one character, the prefix every word starting with it shares.
 */
export function needleWords(needle: string): string[] {
  const list = [...needle];
  if (list.length === 1) return [encodeChar(list[0]!)];
  return list.slice(1).map((ch, i) => encodeChar(list[i]!) + encodeChar(ch));
}
