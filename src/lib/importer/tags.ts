// What opens a paragraph that is not prose: a speaker's introduction (`姓名(单位职务):`) or the 编者按 label. Both
// reading the text (parse.ts) and telling a numbered heading from a point of a remark (numbering.ts) need it.
import { normalizeSpaces } from '../punctuation.ts';

/** A speaker's introduction at the start of a paragraph: `姓名(单位职务):` or `姓名:`. */
export interface SpeakerTag {
  /** The name without the spaces some layouts put between its characters. */
  name: string;
  /** 单位职务 as printed inside the brackets, when given here. */
  intro?: string;
  /** The whole introduction as printed, colon included: it moves to the frontmatter. */
  raw: string;
}

/** How far into a line a speaker tag is looked for. */
export const TAG_WINDOW = 200;
// Without the u flag where a pattern needs none: in unicode mode a run of spaces is backtracked character by
// character, and millions of them overflow the regular expression's stack.
// 編者按 as a traditional text writes it, which the importer takes once saved as UTF-8 (see decode.ts).
export const NOTE = /^[【[]?[ \t\u3000]*[编編]者按[ \t\u3000]*[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*/;
// Spaces before the brackets and before the colon are one \s* when there are no brackets: two would try every split
// of a long run of spaces.
const TAG = /^(?<name>\p{Script=Han}[\p{Script=Han}·\s]{0,10}?)\s*(?:[(（](?<intro>[^()（）]{1,40})[)）]\s*)?[:：]\s*/u;
/** The end of a lead-in to the words after the colon, quoted (李明说:, 王校长指出:) or listed (做法如下:): a speaker is
 * introduced by name, never so, and a name hardly ends so, so such a paragraph is prose, not a remark. */
const LEAD_IN = /(?:[说說]|[讲講]|指出|[强強][调調]|表示|[认認][为為]|提出|要求|[谈談]到|如下)$/u;
/** What follows a speaker's name: 单位职务 in brackets, if any, and the colon. */
const AFTER_NAME = /^\s*(?:[(（](?<intro>[^()（）]{1,40})[)）]\s*)?[:：]\s*/u;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** 单位职务 as the frontmatter gives it back: without the spaces between Chinese words that prose loses too, so that a
 * space the layout put between organisation and role (京源学校 党总支书记) neither splits the role nor goes missing. */
function introText(intro: string): string {
  return normalizeSpaces(intro);
}

/** The speaker tag at the start of a line, if the line has one that is shaped like a Chinese name, or starts with one
 * of `names` (the speakers the editor named with --name). */
export function matchTag(
  line: string,
  names: ReadonlySet<string> = new Set(),
): { tag: SpeakerTag; rest: string } | undefined {
  const named = [...names].find((n) => line.startsWith(n));
  const after = named === undefined ? null : AFTER_NAME.exec(line.slice(named.length, TAG_WINDOW));
  if (named !== undefined && after) {
    const intro = after.groups?.intro ? introText(after.groups.intro) : undefined;
    const raw = line.slice(0, named.length + after[0].length);
    return { tag: { name: named, raw: raw.trim(), ...(intro ? { intro } : {}) }, rest: line.slice(raw.length) };
  }
  // A tag is short even with spaces around it; on the whole of a line of millions of spaces, backtracking over
  // them overflows the regular expression's stack.
  const m = TAG.exec(line.slice(0, TAG_WINDOW));
  if (!m?.groups) return undefined;
  const name = m.groups.name!.replace(/\s/gu, '');
  const length = [...name].length;
  const valid = name.includes('·') ? length >= 3 && length <= 12 : length >= 2 && length <= 4;
  if (!valid || LEAD_IN.test(name)) return undefined;
  const intro = m.groups.intro ? introText(m.groups.intro) : undefined;
  return { tag: { name, raw: m[0].trim(), ...(intro ? { intro } : {}) }, rest: line.slice(m[0].length) };
}

/** A word the dictionary knows (目标, 其中), or words it knows of two characters or more (主要做法): prose may start
 * `目标:`, but a name may be such a word too (张三, 高峰), so the summary lists it. */
export function isDictionaryWord(text: string): boolean {
  const segments = [...words.segment(text)];
  return segments.every((s) => s.isWordLike === true && (segments.length === 1 || [...s.segment].length > 1));
}

/** Words that open a point or a passage (一是, 其次, 第三), never a name: `二是:` starts prose, unlisted. Both these and
 * LEAD_IN take a traditional text's forms too (說, 強調, 然後). */
export const OPENER =
  /^(?:其?[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+|首先|其次|再次|然[后後]|最[后後]|另外|此外|[总總]之)$/u;

/** A name a tag gives that prose may start with as well (一是:, 目标:): it is a speaker's only if introduced somewhere. */
export const readsAsWord = (name: string) => OPENER.test(name) || isDictionaryWord(name);
