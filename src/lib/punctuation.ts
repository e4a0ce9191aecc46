/** Half-width marks that Chinese typesetting prints full-width, and their full-width forms. */
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

const HAN = /\p{Script=Han}/u;
/** What decides the context of a mark: the nearest letter, digit or Han character on each side. */
const CONTENT = /[\p{L}\p{N}]/u;
/** CJK punctuation and full-width forms: a space next to one of these is layout noise, not a word separator. */
const WIDE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026\u00B7]/u;

/** Quotation marks: a quotation is a sentence of its own, whose marks are of its language, not the prose around it. */
const QUOTE = /["“”「」『』]/;

/**
 * For each position, the nearest content character before it (step -1) or after it (step 1), skipping marks and
 * spaces, and not past a quotation mark (the ! of "Hello, world!"这 is English): found in one pass, since a long run
 * of marks would otherwise be walked once for each of them.
 */
function nearest(chars: string[], step: -1 | 1): string[] {
  const out = new Array<string>(chars.length);
  let last = '';
  for (let k = 0; k < chars.length; k++) {
    const i = step === 1 ? chars.length - 1 - k : k;
    out[i] = last;
    if (CONTENT.test(chars[i]!)) last = chars[i]!;
    else if (QUOTE.test(chars[i]!)) last = '';
  }
  return out;
}

/**
 * Removes stray spaces in Chinese prose: a run of spaces next to a Han character or a full-width mark goes,
 * a run between two Latin words or numbers becomes one space.
 */
export function normalizeSpaces(text: string): string {
  // No u flag: in unicode mode a run of millions of spaces overflows the regular expression's backtracking stack.
  return text.trim().replace(/[\s\u3000]+/g, (run, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + run.length] ?? '';
    return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
  });
}

/** The text with every half-width mark in its full-width form, whatever surrounds it: to compare two texts that may
 * differ only in how their marks were written, as a quotation of a sentence's end and the sentence itself. */
export const foldMarks = (text: string) => text.replace(/[,;:()!?]/g, (c) => FULL[c]!);

/**
 * A web address written as text (`https://…`, `www.…`): up to a space, a Chinese mark or a Han character, less the
 * marks that end a sentence after it, as GFM's autolinks take it (a `)` only where unpaired). An address copied from a
 * browser writes Han characters percent-encoded; prose, though, often follows an address with no space between.
 */
const ADDRESS =
  /(?:\b[a-z][\w+.-]*:\/\/|\bwww\.)[^\s<>\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]*/giu;

/** For each character of `chars` (the code points of `text`), whether it is part of a web address. */
function inAddress(text: string, chars: string[]): boolean[] {
  const marked = new Array<boolean>(chars.length).fill(false);
  // Most text has no address: no walk over its characters.
  if (!/:\/\/|www\./i.test(text)) return marked;
  const spans: [number, number][] = [];
  for (const match of text.matchAll(ADDRESS)) {
    let address = match[0];
    let before;
    do {
      before = address;
      address = address.replace(/[?!.,:;*_~]+$/, '');
      if (address.endsWith(')') && address.split(')').length > address.split('(').length)
        address = address.slice(0, -1);
    } while (address !== before);
    spans.push([match.index, match.index + address.length]);
  }
  let offset = 0;
  let span = 0;
  chars.forEach((c, i) => {
    while (span < spans.length && offset >= spans[span]![1]) span++;
    marked[i] = span < spans.length && offset >= spans[span]![0];
    offset += c.length;
  });
  return marked;
}

/**
 * Turns half-width , ; : ( ) ! ? into full-width where the text around them is Chinese (a Han character is the
 * nearest letter on either side, or inside the brackets); 40%, 2015, 7:30, 1,000 and Latin text stay as they are,
 * and so does every character of a web address, which a changed mark would make another address.
 * Returns the text and how many marks changed.
 */
export function normalizePunctuation(text: string): { text: string; changed: number } {
  // Most text has no half-width mark at all; checking every file of a large archive should not cost a character scan.
  if (!/[,;:()!?]/.test(text)) return { text, changed: 0 };
  const chars = [...text];
  const before = nearest(chars, -1);
  const after = nearest(chars, 1);
  const address = inAddress(text, chars);
  const wide = chars.map((c, i) => c in FULL && !address[i] && (HAN.test(before[i]!) || HAN.test(after[i]!)));
  // Han characters before each position, so that nested brackets do not each rescan what they enclose.
  const han = [0];
  for (const c of chars) han.push(han.at(-1)! + (HAN.test(c) ? 1 : 0));
  // Brackets change as a pair, so that 中文(ABC) does not become 中文（ABC).
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length) {
      const o = open.pop()!;
      // A bracket of an address keeps its partner half-width too: a pair is never half changed.
      const pair = !address[o] && !address[i] && (wide[o] || wide[i] || han[i]! > han[o + 1]!);
      wide[o] = wide[i] = pair;
    }
  }
  let changed = 0;
  const out = chars.map((c, i) => {
    if (!wide[i]) return c;
    changed++;
    return FULL[c]!;
  });
  return { text: out.join(''), changed };
}
