// The rules of a heading's shape and number: what a heading number is, how the numbers must run, and which numbered
// lines of one phrase are headings.
import { ImportError, quote, type Doubt } from './errors.ts';
import { matchTag, NOTE, readsAsWord } from './tags.ts';

/** A heading as printed, and its line in the source. */
export interface Heading {
  text: string;
  line: number;
}

/** Clause and sentence marks: a heading has none of them. */
export const CLAUSE = /[，。、；：！？,.;:!?()（）…]/u;
export const HAN = /\p{Script=Han}/u;

/** The words of a line in the heading style, after the number that may start it (`headingNumber`), as a number is no
 * phrase and its marks no clause marks: short, with Han characters and without clause marks; else undefined. */
function headingWords(line: string): string | undefined {
  const words = unnumbered(line);
  return !CLAUSE.test(words) && [...words].length <= 30 && HAN.test(words) ? words : undefined;
}

/** Phrases separated by a space. */
const PHRASES = /\S\s+\S/u;

/** A heading in this style: one line in the heading style (`headingWords`) of two phrases separated by a space. */
export function isHeading(line: string): boolean {
  const words = headingWords(line);
  return words !== undefined && PHRASES.test(words);
}

/** A numbered line in the heading style of one phrase (一、加强班子建设): as most reports number their headings, but a
 * point a remark lists is printed so too (1.加强理论学习), so it is a heading only where the lines around it say so
 * (`phraseHeading` in parseText). */
export function isNumberedPhrase(line: string): boolean {
  const words = headingWords(line);
  return words !== undefined && !PHRASES.test(words) && headingNumber(line) !== undefined;
}

/** The number a heading may start with, as a report numbers its headings: 一、 （一） 1. 1、 １．. A digit after it
 * makes a decimal (1.5亿元), no number. */
const HEADING_NUMBER =
  /^(?:(?<han>[一二三四五六七八九十]{1,3})、|[(（](?<paren>[一二三四五六七八九十]{1,3})[)）]|(?<digits>[1-9１-９][0-9０-９]?)[.．、])(?![0-9０-９])/u;
const HAN_DIGITS = '一二三四五六七八九';
/** 1 to 99 as a Chinese numeral: 一, 十, 十一, 二十, 二十一. */
const HAN_NUMERAL = /^(?:(?<tens>[二三四五六七八九])?(?<ten>十))?(?<units>[一二三四五六七八九])?$/u;

/** A heading's number: its kind (一、 or （一） or 1.), its value and how it is printed. */
export interface HeadingNumber {
  kind: 'han' | 'paren' | 'digits';
  value: number;
  text: string;
}

/** The number at the start of a line, if it is one a heading may have (see HEADING_NUMBER). */
export function headingNumber(line: string): HeadingNumber | undefined {
  const m = HEADING_NUMBER.exec(line);
  if (!m?.groups) return undefined;
  const { han, paren, digits } = m.groups;
  // NFKC makes full-width digits ASCII ones.
  if (digits) return { kind: 'digits', value: Number(digits.normalize('NFKC')), text: m[0] };
  const numeral = HAN_NUMERAL.exec(han ?? paren!)?.groups;
  if (!numeral || !(numeral.ten || numeral.units)) return undefined;
  const digit = (c: string | undefined) => (c ? HAN_DIGITS.indexOf(c) + 1 : 0);
  const value = (numeral.ten ? digit(numeral.tens) || 1 : 0) * 10 + digit(numeral.units);
  return { kind: han ? 'han' : 'paren', value, text: m[0] };
}

/** A line without the number a heading may start with. */
export const unnumbered = (line: string) => line.slice(headingNumber(line)?.text.length ?? 0);

/** `value` printed as `like` prints its number (二、 for 一、, （二） for (一), ２． for １．). */
function numberLike(like: HeadingNumber, value: number): string {
  if (like.kind === 'digits') {
    const wide = (d: string) => String.fromCodePoint(d.codePointAt(0)! - 0x30 + 0xff10);
    const digits = /[０-９]/u.test(like.text) ? [...String(value)].map(wide).join('') : String(value);
    return like.text.replace(/[0-9０-９]+/u, digits);
  }
  const tens = value >= 10 ? `${value >= 20 ? HAN_DIGITS[Math.floor(value / 10) - 1]! : ''}十` : '';
  return like.text.replace(/[一二三四五六七八九十]+/u, tens + (value % 10 ? HAN_DIGITS[(value % 10) - 1]! : ''));
}

/** What makes a line shaped like a heading prose, such as a point a remark lists. */
export const MAKE_PROSE = '请在原文中给它加上标点或并入所属段落';
const notAHeading = (line: number) => `若第 ${line} 行不是小标题（例如发言中列出的一项），${MAKE_PROSE}`;

/**
 * Refuses numbered headings that do not run in one style from the first number on (一、 二、 三、…): a number out of
 * that run is a point a remark lists, a heading of a second level, which the site has not, or follows a heading the
 * rule missed (cut in two, or with a mark), and only the printed page tells which. Headings numbered and not in one
 * report are listed, those of the fewer kind: a running header among numbered headings, a point among unnumbered ones.
 */
export function checkNumbering(
  headings: Heading[],
  filled: { text: string; line: number }[],
  notHeadings: ReadonlyMap<number, string>,
): Doubt[] {
  let previous: { heading: Heading; number: HeadingNumber } | undefined;
  for (const heading of headings) {
    const number = headingNumber(heading.text);
    if (!number) continue;
    const like = previous?.number ?? number;
    const want = (previous?.number.value ?? 0) + 1;
    if (number.kind === like.kind && number.value === want) {
      previous = { heading, number };
      continue;
    }
    const expected = numberLike(like, want);
    const at = `第 ${heading.line} 行的小标题「${heading.text}」`;
    if (!previous || (number.kind === like.kind && number.value > want)) {
      const from = previous?.heading.line ?? 0;
      const missed = filled.find((l) => {
        const n = l.line > from && l.line < heading.line ? headingNumber(l.text) : undefined;
        return n?.kind === like.kind && n.value === want;
      });
      const shape = '小标题要单独一行，除开头的编号外没有标点，两个词组之间有空格，被排版断成两行的请写成同一行';
      const phrase = missed && notHeadings.get(missed.line);
      const why = phrase ? `，却只有一个词组，${phrase}，没有认作小标题` : `，却不是小标题的样子：${shape}`;
      throw new ImportError(
        `${at}编号是“${number.text}”，${previous ? `前一个带编号的小标题是第 ${previous.heading.line} 行的「${previous.heading.text}」，中间` : '是第一个带编号的小标题，前面'}缺了“${expected}”。${missed ? `第 ${missed.line} 行“${quote(missed.text)}”以“${expected}”开头，像是缺的那个小标题${why}` : `编号为“${expected}”的小标题可能没有被认作小标题：${shape}`}。请对照原稿在原文中改正，再导入；${notAHeading(heading.line)}。`,
      );
    }
    // A paragraph that starts with a number, cut inside its first phrase, its tail moved away, is taken for a heading of
    // one phrase: the number it takes is then printed twice.
    const before = isNumberedPhrase(previous.heading.text)
      ? `第 ${previous.heading.line} 行「${previous.heading.text}」只有一个词组，也可能不是小标题，而是发言中列出的一项，或一段话的开头、后半部分被排版排到了别处：是的话，请在原文中把它并入所属段落，或把后半部分接到它后面（写成同一行）。`
      : '';
    throw new ImportError(
      `${at}的编号“${number.text}”没有接着第 ${previous.heading.line} 行的小标题「${previous.heading.text}」排下去（下一个应是“${expected}”）。一份报告的小标题用同一种编号依次排列，导入程序分不清它是不是小标题，没有导入。${before}${notAHeading(heading.line)}；若它是下一级的小标题（如“一、”下面的“（一）”），网站的小标题只有一级，导入程序不能照原稿导入，请联系维护者；若原文把编号印错了，请对照原稿改正。`,
    );
  }
  const numbered = headings.filter((h) => headingNumber(h.text));
  const plain = headings.filter((h) => !headingNumber(h.text));
  if (!numbered.length || !plain.length) return [];
  const after = '按小标题处理了，下面的发言都归在它下面。';
  return numbered.length >= plain.length
    ? plain.map((h) => ({
        line: h.line,
        start: h.text,
        why: `这份报告的小标题多数带编号（如第 ${numbered[0]!.line} 行「${numbered[0]!.text}」），这一行没有，可能是每页都印的报头，${after}是报头的，请在原文中删去这一行；确是小标题的，不用改。`,
      }))
    : numbered.map((h) => ({
        line: h.line,
        start: h.text,
        why: `这份报告的小标题多数没有编号（如第 ${plain[0]!.line} 行「${plain[0]!.text}」），这一行有，可能是发言中列出的一项，${after}是的话，${MAKE_PROSE}；确是小标题的，不用改。`,
      }));
}

/**
 * Tells, by the lines around it, whether the numbered line of one phrase (`isNumberedPhrase`) at `filled[i]` is a
 * heading: undefined if it is, else why not, for a refusal that misses it. A heading is followed by a speaker's remark
 * or, when its number runs on from the heading before (`runsOn`), by a paragraph without one: the tail of a paragraph
 * cut elsewhere (as 解家长需求建议 stands at the start of a heading in the seed), which the repair places or refuses, as
 * under any heading. A point a remark lists is followed by the rest of that remark or by the next point, which is
 * numbered one more.
 */
export function phraseJudge(filled: { text: string; line: number }[], names: ReadonlySet<string>) {
  let introduced: Set<string> | undefined;
  const speaks = (text: string) => {
    const tag = NOTE.test(text) ? undefined : matchTag(text, names)?.tag;
    if (!tag) return false;
    // As the blocks give them, once read (see `introduced` in parseText).
    introduced ??= new Set(
      filled.flatMap((l) => {
        const t = NOTE.test(l.text) ? undefined : matchTag(l.text, names)?.tag;
        return t?.intro ? [t.name] : [];
      }),
    );
    return tag.intro !== undefined || introduced.has(tag.name) || !readsAsWord(tag.name);
  };
  return (i: number, runsOn: boolean): string | undefined => {
    const { text } = filled[i]!;
    const before = filled[i - 1]!;
    const number = headingNumber(text)!;
    const prior = headingNumber(before.text);
    if (isNumberedPhrase(before.text) && prior?.kind === number.kind && prior.value === number.value - 1)
      return `它前面的第 ${before.line} 行以“${prior.text}”开头，它像是发言中列出的下一项`;
    const next = filled[i + 1];
    if (!next) return '它是原文的最后一行，后面没有发言';
    if (speaks(next.text)) return undefined;
    if (runsOn && !NOTE.test(next.text) && !isHeading(next.text) && !isNumberedPhrase(next.text)) return undefined;
    return `它后面紧接着的第 ${next.line} 行“${quote(next.text)}”不是发言人的发言${runsOn ? '' : `，编号也没有接着前一个小标题排下去`}`;
  };
}
