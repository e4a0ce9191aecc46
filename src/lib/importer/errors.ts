/**
 * An error in the input text or the command line, worded for an editor in Chinese.
 * The command prints its message on one line (or one line per problem) without a stack trace.
 */
export class ImportError extends Error {
  /** Each problem on its own line, when there are several (e.g. every break that could not be repaired). */
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super(message);
    this.name = 'ImportError';
    this.problems = problems;
  }
}

/** How many places a message names in one list (candidates for a break, headings…); the rest are counted. */
export const LISTED = 5;

/** How many problems the command prints under a refusal; the rest are counted, so a text broken everywhere prints a
 * screenful rather than megabytes. */
export const PROBLEMS_SHOWN = 20;

/** The first LISTED items, formatted, then "还有 M 处" for the rest (only those shown are formatted). */
export function listCapped<T>(items: readonly T[], format: (item: T) => string): string {
  const shown = items.slice(0, LISTED).map(format).join('、');
  return items.length > LISTED ? `${shown}，还有 ${items.length - LISTED} 处` : shown;
}

/** A line whose kind the text cannot tell (prose or a speaker's remark, a heading or a page header), for the editor to
 * check: where, how it was taken and why, and the fix. */
export interface Doubt {
  line: number;
  /** The start of the paragraph, as printed. */
  start: string;
  /** What else it may be, how it was taken, and what to change in the raw text if it is the other. */
  why: string;
}
/** A `Doubt` as the summary lists it. */
export const doubtLine = (d: Doubt) => `第 ${d.line} 行“${d.start}”：${d.why}`;

/** The start of a text for a message, cut at `length` characters with an ellipsis. */
export function quote(text: string, length = 16): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}
