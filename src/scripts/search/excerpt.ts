// Excerpts and highlights built from the original text, so what is marked is exactly what matched.
import type { Range } from './match.ts';

/** A run of text, marked when it matched. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** Splits `text[from, to)` into marked and unmarked pieces; `ranges` are offsets into `text`. */
export function highlight(text: string, ranges: readonly Range[], from = 0, to = text.length): Piece[] {
  const pieces: Piece[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  return pieces;
}

/**
 * About `length` characters of `text` around its first match, with the matches marked and an ellipsis where
 * the text is cut. Starts a little before the match so the reader sees what leads to it.
 */
export function excerpt(text: string, ranges: readonly Range[], length = 90): Piece[] {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
  // Prefer to begin at a sentence or clause start close before the match.
  const boundary = Math.max(
    text.lastIndexOf('。', first - 1),
    text.lastIndexOf('；', first - 1),
    text.lastIndexOf('，', first - 1),
  );
  if (boundary >= 0 && boundary + 1 > start - 20 && boundary + 1 <= first) start = boundary + 1;
  // Never between the two halves of a character outside the BMP (such as 𠮷).
  const whole = (i: number) => (/[\udc00-\udfff]/.test(text[i] ?? '') ? i - 1 : i);
  start = whole(start);
  // Nor through a match: one that runs past the cut is shown whole.
  const cut = whole(Math.min(text.length, start + length));
  const end = Math.max(cut, ...ranges.filter(([s]) => s < cut).map(([, e]) => e));
  const pieces = highlight(text, ranges, start, end);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
