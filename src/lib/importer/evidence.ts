const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** A paragraph is complete when it ends with 。！？… (or ! ?), optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[。！？!?…][”’"'」』）)》〉】\]]*$/u;

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

/** The letters, digits and Han characters that run up to the end of `head` and from the start of `tail`. */
const TRAILING_RUN = /[\p{L}\p{N}]+$/u;
const LEADING_RUN = /^[\p{L}\p{N}]+/u;
const HAN = /^\p{Script=Han}$/u;

/**
 * The word that the join of `head` and `tail` forms across the cut, if any: 管 + 理,强化 → 管理, 了 + 解家长 → 了解.
 * A wrong pairing (管 + 今年) yields no word that spans the join. Only the unbroken run of characters around the
 * join is segmented: the dictionary segmenter works run by run, so this gives the words the whole text would.
 */
export function wordAcross(head: string, tail: string): string | undefined {
  const left = TRAILING_RUN.exec(head)?.[0];
  const right = LEADING_RUN.exec(tail)?.[0];
  // Letters and digits run together into one "word" whatever they mean (ab + cd, 20 + 15): only Han is evidence.
  if (!left || !right || !HAN.test([...left].at(-1)!) || !HAN.test([...right][0]!)) return undefined;
  const at = left.length;
  for (const s of words.segment(left + right)) {
    if (s.index >= at) break;
    if (s.isWordLike && s.index + s.segment.length > at) return s.segment;
  }
  return undefined;
}
