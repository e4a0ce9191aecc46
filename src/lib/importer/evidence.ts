const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** A paragraph is complete when it ends with 。！？… (or ! ?), optionally followed by closing quotes or brackets, or
 * with a colon: a paragraph ending so (主要做法如下：) leads in to the paragraphs after it, as reports are written. */
// No u flag: in unicode mode a long run of closing marks would be backtracked one by one, overflowing the stack.
const SENTENCE_END = /(?:[。！？!?…][”’"'」』）)》〉】\]]*|[：:])$/;

/** Marks that cannot start a paragraph: a block starting with one was cut off from the text before it. */
const CONTINUATION_START = /^[，、；：,;:。！？!?）)】」』》〉”’…]/u;

/** Whether a paragraph ends a sentence, i.e. was not cut off mid-sentence. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Whether a block cannot be the start of a paragraph (it starts with a mark that continues a sentence). */
export function startsMidSentence(text: string): boolean {
  return CONTINUATION_START.test(text);
}

const CONTENT = /^[\p{L}\p{N}]$/u;
const HAN = /^\p{Script=Han}$/u;
/**
 * How many characters of the run on each side of a cut are segmented. A dictionary word is far shorter, and a line
 * without punctuation is one run: segmenting all of it once per pairing would make the search as slow as the line
 * is long.
 */
const RUN_WINDOW = 32;

/**
 * The letters, digits and Han characters that run up to the end of `head` (its last RUN_WINDOW), or '' unless the
 * last is Han: letters and digits run together into one "word" whatever they mean (ab + cd, 20 + 15).
 */
export function headRun(head: string): string {
  // Only the end is read: an end-anchored regular expression would retry from every position of a long line.
  const chars = [...head.slice(-(2 * RUN_WINDOW + 1))];
  let start = chars.length;
  while (start > 0 && chars.length - start < RUN_WINDOW && CONTENT.test(chars[start - 1]!)) start--;
  return start < chars.length && HAN.test(chars.at(-1)!) ? chars.slice(start).join('') : '';
}

/** The run that `tail` starts with (its first RUN_WINDOW characters), or '' unless the first is Han. */
export function tailRun(tail: string): string {
  const chars = [...tail.slice(0, 2 * RUN_WINDOW + 1)];
  let end = 0;
  while (end < chars.length && end < RUN_WINDOW && CONTENT.test(chars[end]!)) end++;
  return end > 0 && HAN.test(chars[0]!) ? chars.slice(0, end).join('') : '';
}

/** The word that segmenting `left + right` (see headRun, tailRun) finds across the point where they meet. */
export function wordBetween(left: string, right: string): string | undefined {
  if (!left || !right) return undefined;
  const at = left.length;
  for (const s of words.segment(left + right)) {
    if (s.index >= at) break;
    if (s.isWordLike && s.index + s.segment.length > at) return s.segment;
  }
  return undefined;
}

/**
 * The word that the join of `head` and `tail` forms across the cut, if any: 管 + 理,强化 → 管理, 了 + 解家长 → 了解.
 * A wrong pairing (管 + 今年) yields no word that spans the join. Only the runs of characters around the join are
 * segmented: the dictionary segmenter works run by run, and a word is decided by the characters near it.
 */
export function wordAcross(head: string, tail: string): string | undefined {
  return wordBetween(headRun(head), tailRun(tail));
}
