import { doubtLine, ImportError, listCapped, quote, type Doubt } from './errors.ts';
import { normalizeSpaces } from '../punctuation.ts';
import { endsSentence, startsMidSentence } from './evidence.ts';
import {
  checkNumbering,
  CLAUSE,
  HAN,
  headingNumber,
  isHeading,
  isNumberedPhrase,
  phraseJudge,
  unnumbered,
  type Heading,
} from './numbering.ts';
import { isDictionaryWord, matchTag, NOTE, OPENER, readsAsWord, TAG_WINDOW, type SpeakerTag } from './tags.ts';

/** One non-empty line of the source: a paragraph, or a piece of one that the layout cut off. */
export interface Block {
  id: number;
  line: number;
  /** -1 for the editor's note, else the index of the heading the block stands under. */
  zone: number;
  /** The prose, without speaker tag or 编者按 label. */
  text: string;
  tag?: SpeakerTag;
  /** The line that starts the editor's note. */
  note?: boolean;
  /** The tagged (or note) block whose run this block stands in; undefined at the start of a heading. */
  owner?: number;
}

/** The structure read from the text, before any repair. */
export interface ParsedText {
  title: string;
  titleLine: number;
  headings: Heading[];
  blocks: Block[];
  /** Everything printed that is not prose (title, headings, 编者按 label, speaker tags): it goes to frontmatter. */
  structural: string[];
  /** Paragraphs taken for prose that start as a remark does with a name no rule takes (`NAME_SHAPED`). */
  nameShaped: { line: number; name: string; start: string }[];
  /** Other lines the text cannot tell the kind of (`Doubt`). */
  doubts: Doubt[];
  /** Lines taken for prose that end without a mark because they may be part of a heading cut in two, by line, with
   * the line naming that heading: what a refusal tells the editor instead of ending them with a full stop. And lines
   * that may be the tail of a numbered heading of one phrase (一、加强班子建设 + ，认真落实……), at its start or starting
   * with a mark, with the line naming those headings: what a refusal tells the editor of such a line nothing completes. */
  unended: Map<number, string>;
}

/** A paragraph that starts as a speaker's remark does, with a name a tag (`matchTag` in tags.ts) refuses: longer than
 * four characters (乌兰其其格) or with another dot (阿不都•热合曼). Prose starts so too (教学能手评选(面向全区青年教师):),
 * so it stays prose unless the editor names the speaker (--name), and the summary lists it. */
const NAME_SHAPED = /^(?<name>\p{Script=Han}[\p{Script=Han}·•・‧．]{1,11})\s*[(（][^()（）]{1,40}[)）]\s*[:：]/u;
/** A paragraph that starts as a speaker's introduction with brackets or a colon that a tag does not take, or with
 * no colon after the brackets. A PDF gives a colon as another character that prints alike (∶ ︰ ﹕), and a layout may
 * drop it; taking either for a tag would be a guess, so such a paragraph stays prose and the summary lists it. */
const TAG_LIKE =
  /^(?<name>\p{Script=Han}[\p{Script=Han}·•・‧．]{1,11})\s*(?:(?<open>[(（〔［[【])[^()（）〔〕［］[\]【】]{1,40}(?<close>[)）〕］\]】])\s*)?(?<colon>[:：∶︰﹕]?)/u;
/** The colon and the brackets a speaker's introduction is written with, named in the messages. */
const TAG_SHAPE = '“姓名(单位职务):”';
/** A paragraph `NAME_SHAPED` found, for the editor: where, and how to make it a speaker's. */
export const nameShapedLine = (s: { line: number; name: string; start: string }) =>
  `第 ${s.line} 行“${s.start}”：是发言人就加 --name ${s.name}`;
/** A date as a page's running header prints it (2015年7月3日, 7月3日, 星期五): a heading hardly reads so. */
const DATE_LIKE =
  /[0-9０-９〇○零一二三四五六七八九十]+年[0-9０-９一二三四五六七八九十]+月|[0-9０-９一二三四五六七八九十]+月[0-9０-９一二三四五六七八九十]+日|星期[一二三四五六日天]/u;
/** A page number as a running header prints it (第3版, 第 3 页, or a number standing alone): a heading hardly has one. */
const PAGE_NUMBER = /第\s*[0-9０-９一二三四五六七八九十]+\s*[版页]|(?:^|\s)[0-9０-９]+(?:\s|$)/u;
/** A line that is a page number and nothing else (3, - 3 -, 第3版): a PDF prints one between any two paragraphs. */
const isPageNumber = (line: string) =>
  !/[^-－—–~·\s0-9０-９第版页一二三四五六七八九十]/u.test(line) && PAGE_NUMBER.test(line);
/** The letters, digits and Han characters of a line: a header repeats the title with other spaces and marks. */
const wordsOf = (line: string) => line.replace(/[^\p{L}\p{N}]/gu, '');

/** Collapses runs of spaces (also ideographic ones) to one space, as a title or heading is printed. */
export function cleanLine(line: string): string {
  return line.replace(/[\s\u3000]+/g, ' ').trim();
}

/** Why a paragraph that TAG did not take may still be a remark (see TAG_LIKE), if it may be. */
function tagLike(line: string): Omit<Doubt, 'line'> | undefined {
  const m = TAG_LIKE.exec(line.slice(0, TAG_WINDOW));
  if (!m?.groups) return undefined;
  const { name, open, close, colon } = m.groups;
  // Prose often starts with a word and a bracket (全区(含直属单位)共有…): without a colon, only a name as short as TAG
  // takes, and not a word the dictionary knows, is listed.
  const short = /^\p{Script=Han}{2,4}$/u.test(name!);
  const odd: string[] = [];
  if (open && !'(（'.includes(open)) odd.push(`括号是“${open}${close}”`);
  if (colon && !':：'.includes(colon)) odd.push(`冒号是“${colon}”（样子像冒号的另一个字符）`);
  if (open && !colon && short && !isDictionaryWord(name!)) odd.push('括号后面没有冒号');
  if (!odd.length || (!open && !short)) return undefined;
  return {
    start: colon ? m[0].trim() : quote(line, [...m[0]].length + 4),
    why: `${odd.join('，')}：发言人的介绍应写成${TAG_SHAPE}，这里按一句话处理，接在上一位发言人的发言里。是发言人的，请在原文中照此改正。`,
  };
}

/** Two lines that make a heading once written as one (立德树人 + 育人为本), as the layout may cut one. */
interface CutHeading {
  line: number;
  next: number;
  parts: [string, string];
  /** The line taken for prose, which ends without a mark: the first when the second is a heading itself. */
  prose: number;
}

/** The headings cut in two among `filled` lines: their second line is taken for a paragraph cut with no tail. Only
 * between the title, a heading or a whole paragraph and a remark, a heading or the end: prose cut into pieces without
 * a mark hardly stands so. Cut after the first of three phrases, the first line is taken for such a paragraph. */
function cutHeadings(filled: { text: string; line: number }[], names: ReadonlySet<string>): CutHeading[] {
  const prose = (text: string) => !NOTE.test(text) && !isHeading(text) && !matchTag(text, names);
  // The first line of a numbered heading cut in two keeps the number (一、围绕中心 + 严字当头), whose marks are none of a
  // clause.
  const piece = (text: string) => !CLAUSE.test(unnumbered(text)) && HAN.test(text) && prose(text);
  const found: CutHeading[] = [];
  for (let i = 1; i + 1 < filled.length; i++) {
    const [before, a, b, after] = [filled[i - 1]!, filled[i]!, filled[i + 1]!, filled[i + 2]];
    const starts = i === 1 || !prose(before.text) || endsSentence(before.text);
    // A heading of three phrases may be cut after its first (立足岗位 + 争做先锋 勇于担当): a piece, then a heading. A
    // paragraph cut before its first mark, its tail moved away, stands so too; only a piece no longer than a phrase of
    // the heading is taken.
    if (piece(a.text) && starts && !NOTE.test(b.text) && isHeading(b.text) && !matchTag(b.text)) {
      const parts: [string, string] = [cleanLine(a.text), cleanLine(b.text)];
      const phrase = Math.max(...parts[1].split(' ').map((p) => [...p].length));
      if ([...unnumbered(parts[0])].length <= phrase && isHeading(parts.join(' ')))
        found.push({ line: a.line, next: b.line, parts, prose: a.line });
      continue;
    }
    if (!piece(b.text) || (after && prose(after.text))) continue;
    // Or the start of a speaker's introduction the layout cut (周 + 丽华(…):), which has a message of its own.
    if (after && matchTag(b.text + after.text, names)) continue;
    // A heading of three phrases may be cut after its second (立足岗位 争做先锋 + 勇于担当): a heading, then a piece.
    const cutAfterHeading = !NOTE.test(a.text) && isHeading(a.text) && !matchTag(a.text);
    if (!cutAfterHeading && !piece(a.text)) continue;
    if (!cutAfterHeading && !starts) continue;
    const parts: [string, string] = [cleanLine(a.text), cleanLine(b.text)];
    if (isHeading(parts.join(' '))) found.push({ line: a.line, next: b.line, parts, prose: b.line });
  }
  return found;
}

/**
 * Reads the structure of a report text: title (first line), 编者按, headings, and one block per non-empty line,
 * with speaker tags split off. Throws an ImportError naming the line when the text is not shaped like a report.
 */
export function parseText(text: string, names: ReadonlySet<string> = new Set()): ParsedText {
  const lines = text
    .split('\n')
    // trim() removes the same spaces (\s has U+3000 and U+FEFF) without retrying from every position of the line.
    .map((raw, i) => ({ text: raw.trim(), line: i + 1 }));
  const filled = lines.filter((l) => l.text);
  if (!filled.length) throw new ImportError('文件里只有空白，没有任何文字。请确认选对了文件。');

  // Not prose, and not to be dropped unasked: joined to a cut paragraph it would put the number into the text.
  const pageNumbers = filled.filter((l) => isPageNumber(l.text));
  if (pageNumbers.length)
    throw new ImportError(
      `原文有 ${pageNumbers.length} 行只有页码（或只有数字），不是正文。请在原文中删去这些行，再导入；若其中哪一行确是正文，请把它和所属的段落写成同一行：`,
      pageNumbers.map((p) => `第 ${p.line} 行“${p.text}”`),
    );

  const [first, ...rest] = filled;
  const doubts: Doubt[] = [];
  const cutHeads = cutHeadings(filled, names);
  const shape = (c: CutHeading) => `写成一行就是小标题「${c.parts.join(' ')}」的样子`;
  const mend = '请在原文中把这两行写成同一行，两个词组之间留一个空格，再导入。';
  const unended = new Map<number, string>();
  for (const c of cutHeads) {
    const otherwise =
      c.prose === c.next
        ? ''
        : `不是的，第 ${c.prose} 行是在句中断开的一段，没有找到能接上的段落：请在原文中把这句话的后半部分移到这一段后面。`;
    const doubt = {
      line: c.line,
      start: c.parts[0],
      why: `和第 ${c.next} 行“${c.parts[1]}”${shape(c)}，可能是被排版断成两行的小标题，第 ${c.prose} 行按正文处理了。是小标题的，${mend}${otherwise}`,
    };
    // Cut after its first phrase, it is told from a paragraph cut before a heading only by no tail completing that: so
    // it is named only then, in the refusal, with the fix for such a paragraph too, and never under 请核对.
    if (c.prose === c.next) doubts.push(doubt);
    unended.set(c.prose, doubtLine(doubt));
  }
  if (NOTE.test(first!.text) || matchTag(first!.text))
    throw new ImportError(`第 ${first!.line} 行应当是报告的标题，却是编者按或发言。请在原文第一行写上标题。`);
  const title = cleanLine(first!.text);
  const structural = [first!.text];
  const headings: Heading[] = [];
  /** Where each heading stands, to find one printed twice without a scan. */
  const headingLines = new Map<string, number>();
  let blocks: Block[] = [];
  const raws = new Map<number, string>();
  let hasNote = false;
  const nameShaped: ParsedText['nameShaped'] = [];
  const judge = phraseJudge(filled, names);
  const cutLines = new Set(cutHeads.map((c) => c.line));
  /** Numbered lines of one phrase taken for prose, by line: why, for a refusal that misses one as a heading. */
  const notHeadings = new Map<number, string>();
  const phraseHeading = (i: number) => {
    const { text, line } = filled[i]!;
    if (!isNumberedPhrase(text) || cutLines.has(line)) return false;
    const last = headings.at(-1);
    const number = headingNumber(text)!;
    const lastNumber = last && headingNumber(last.text);
    const runsOn = last
      ? lastNumber?.kind === number.kind && number.value === lastNumber.value + 1
      : number.value === 1;
    const why = judge(i, runsOn);
    if (why) notHeadings.set(line, why);
    return !why;
  };

  for (const [k, { text: lineText, line }] of rest.entries()) {
    const zone = headings.length - 1;
    const add = (block: Omit<Block, 'id' | 'line' | 'zone'>) => {
      const b = { id: blocks.length, line, zone, ...block };
      raws.set(b.id, lineText);
      blocks.push(b);
    };
    const note = NOTE.exec(lineText);
    if (note && (hasNote || headings.length))
      throw new ImportError(`第 ${line} 行又是一段编者按。编者按只能有一段，并且在第一个小标题之前。`);
    if (note) {
      hasNote = true;
      structural.push(note[0]);
      add({ text: normalizeSpaces(lineText.slice(note[0].length)), note: true });
    } else if ((isHeading(lineText) && !matchTag(lineText)) || phraseHeading(k + 1)) {
      const text = cleanLine(lineText);
      const twice = headingLines.get(text);
      if (twice !== undefined)
        throw new ImportError(
          `第 ${line} 行的小标题「${text}」和第 ${twice} 行的重复了。一份报告的小标题各不相同：同一个小标题下的发言请写在一处，或把其中一个小标题改成原稿上的样子；若它是每页都印的报头（报刊名、日期之类），请在原文中删去这一行。`,
        );
      // A running header between remarks is shaped like a heading; one that repeats the title, has a page number or
      // reads as a date is more likely a header, but which it is only the printed page tells.
      const header =
        text === title
          ? '和标题相同'
          : wordsOf(text) === wordsOf(title)
            ? '和标题的文字相同'
            : PAGE_NUMBER.test(text)
              ? '带有页码'
              : DATE_LIKE.test(text)
                ? '像日期'
                : undefined;
      if (header)
        doubts.push({
          line,
          start: text,
          why: `${header}，可能是每页都印的报头，按小标题处理了，下面的发言都归在它下面。是报头的，请在原文中删去这一行；确是小标题的，不用改。`,
        });
      headings.push({ text, line });
      headingLines.set(text, line);
      structural.push(lineText);
    } else {
      const tagged = matchTag(lineText, names);
      if (tagged) add({ text: normalizeSpaces(tagged.rest), tag: tagged.tag });
      else {
        const shaped = NAME_SHAPED.exec(lineText.slice(0, TAG_WINDOW));
        const like = shaped ? undefined : tagLike(lineText);
        if (shaped) nameShaped.push({ line, name: shaped.groups!.name!, start: shaped[0] });
        else if (like) doubts.push({ ...like, line });
        add({ text: normalizeSpaces(lineText) });
      }
    }
  }

  // A paragraph that starts with a number, cut after its first phrase, reads as a numbered heading of one phrase when a
  // remark or its tail follows it (一、加强班子建设 + ，认真落实……): the refusal of a line nothing completes, at the start
  // of such a heading or starting with a mark, names them, with the fix for that reading.
  const phrases = headings.filter((h) => isNumberedPhrase(h.text));
  for (const [i, b] of blocks.entries()) {
    if (!phrases.length || b.tag || b.note || !endsSentence(b.text)) continue;
    const mid = startsMidSentence(b.text);
    const above = b.zone >= 0 && blocks[i - 1]?.zone !== b.zone ? headings[b.zone]! : undefined;
    const under = above && isNumberedPhrase(above.text) ? [above] : mid ? phrases : [];
    if (!under.length) continue;
    const one = under.length === 1;
    const which =
      under === phrases
        ? `它可能是${listCapped(under, (h) => `第 ${h.line} 行“${h.text}”`)}${one ? '' : '中某一行'}的后半部分：${one ? '那一行' : '这些行'}`
        : `它上面的第 ${above!.line} 行“${above!.text}”`;
    const at = `第 ${b.line} 行`;
    unended.set(
      b.line,
      `${at}“${quote(b.text, 12)}”${mid ? '以标点开头' : '位于小标题下却没有发言人'}，也接不上任何中断的发言。${which}带编号、只有一个词组，按小标题处理了；若${one ? '那一行' : '其中一行'}其实是一段话的开头，请在原文中把${at}接到那一行的末尾（写成同一行）；否则请把${at}移到所属发言的后面，或在段首写上“姓名:”。`,
    );
  }

  const doubtedLines = new Set(doubts.map((d) => d.line));
  for (const doubt of checkNumbering(headings, filled, notHeadings))
    if (!doubtedLines.has(doubt.line)) doubts.push(doubt);

  // `姓名:` is a speaker only if that name is introduced with 单位职务 somewhere, or cannot be an ordinary word.
  // phraseJudge gathers these names too, before the blocks exist, from every line, the title included: a title that
  // starts as `姓名(单位职务):` with a name given by --name is kept as the title (only a name TAG takes is refused
  // there) and still introduces that name to phraseJudge. One set for both would change which numbered lines are
  // headings after such a title, so there are two.
  const introduced = new Set(blocks.filter((b) => b.tag?.intro).map((b) => b.tag!.name));
  const doubted = new Set<string>();
  for (const b of blocks) {
    if (!b.tag || b.tag.intro || introduced.has(b.tag.name)) continue;
    const { name } = b.tag;
    if (readsAsWord(name)) {
      // Names are words too (张三, 高峰): the editor is to tell which this is, once for each word.
      if (!OPENER.test(name) && !doubted.has(name)) {
        // Counted while every one of them is still a tag: this is the first.
        const times = blocks.filter((other) => other.tag?.name === name).length;
        doubts.push({
          line: b.line,
          start: b.tag.raw,
          why: `“${name}”是个常用词，全文又没有写明这个名字的单位职务，按一句话处理，接在上一位发言人的发言里${times > 1 ? `（全文 ${times} 处都是这样）` : ''}。若它是发言人的名字，请在原文中把此人的某一次发言开头写成“${name}(单位职务):”。`,
        });
      }
      doubted.add(name);
      b.text = normalizeSpaces(raws.get(b.id)!);
      delete b.tag;
      continue;
    }
    // This may be the rest of an introduced name the layout cut (孙 + 明远:).
    const before = blocks[b.id - 1];
    const whole = before && !before.tag ? raws.get(before.id)! + name : '';
    if (introduced.has(whole))
      throw new ImportError(
        `第 ${before!.line}、${b.line} 行接起来是发言人的介绍“${raws.get(before!.id)}${b.tag.raw}”：介绍被排版断开了，第 ${b.line} 行被当成了「${name}」的发言。请在原文中把介绍写在同一行，再导入。`,
      );
    // Or the introduction is there, cut across lines by the layout (李娜(实验二小 + 副校长):, 李 + 娜(…):): the fix then
    // is to put it on one line.
    const cutIntro = blocks.find((o, i) => {
      const raw = raws.get(o.id)!;
      const joined = raw + (raws.get(i + 1) ?? '');
      return (
        !o.tag &&
        (raw.startsWith(name) || name.startsWith(raw)) &&
        joined.startsWith(name) &&
        /^\s*[(（]/u.test(joined.slice(name.length))
      );
    });
    throw new ImportError(
      cutIntro
        ? `第 ${b.line} 行的发言人「${name}」没有写明单位职务，而第 ${cutIntro.line} 行“${quote(raws.get(cutIntro.id)!)}”像是${name}的介绍，被排版断成了几行。请在原文中把介绍写在同一行，写成“${name}(单位职务):”，再导入。`
        : `第 ${b.line} 行的发言人「${name}」在全文中没有写明单位职务。请在其中一次发言的开头写成“${name}(单位职务):”，例如“${name}(实验中学校长):”。`,
    );
  }

  // A tag alone on its line introduces the paragraph on the next line.
  const merged: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    merged.push(b);
    if (!(b.tag || b.note) || b.text) continue;
    const next = blocks[i + 1];
    if (!next || next.tag || next.note || next.zone !== b.zone)
      throw new ImportError(`第 ${b.line} 行「${quote(raws.get(b.id)!, 40)}」后面没有发言内容。`);
    b.text = next.text;
    i++;
  }
  blocks = merged;

  if (!headings.length && !blocks.some((b) => b.tag))
    throw new ImportError(
      '这段文字没有报告的结构：找不到小标题（单独一行、除开头的编号外没有标点、两个词组之间有空格，或带编号、只有一个词组、后面紧接着发言），也找不到发言人（段首“姓名(单位职务):”）。',
    );
  if (!headings.length)
    throw new ImportError(
      '没有找到小标题：小标题应单独一行，除开头的编号外没有标点，两个词组之间有空格（如“围绕中心 严字当头”“一、围绕中心 严字当头”；编号也可以是“（一）”“1.”“1、”）；只有一个词组的要带编号，后面紧接着发言人的发言（如“一、加强班子建设”）。',
    );
  if (!blocks.some((b) => b.tag)) throw new ImportError('没有找到任何发言人：发言应以“姓名(单位职务):”或“姓名:”开头。');

  let owner: number | undefined;
  let zone = -2;
  for (const [i, b] of blocks.entries()) {
    b.id = i;
    if (b.zone !== zone) {
      zone = b.zone;
      owner = undefined;
    }
    if (b.tag || b.note) owner = b.id;
    else if (owner !== undefined) b.owner = owner;
    // The first heading cut in two puts the remarks under it before any heading.
    const under =
      b.zone === -1 && (b.tag || owner === undefined)
        ? cutHeads.find((c) => c.prose === c.next && c.line <= b.line)
        : undefined;
    if (under)
      throw new ImportError(
        `第 ${under.line}、${under.next} 行“${under.parts[0]}”“${under.parts[1]}”${shape(under)}，像是被排版断成两行的小标题，所以它下面的发言都落在了第一个小标题之前。${mend}`,
      );
    if (b.zone === -1 && b.tag)
      throw new ImportError(`第 ${b.line} 行${b.tag.name}的发言出现在第一个小标题之前。请在它前面写上所属的小标题。`);
    // Before the 编者按 label too (a title or subtitle printed on two lines): it is not the editor's words.
    if (b.zone === -1 && !b.tag && !b.note && owner === undefined)
      throw new ImportError(
        hasNote
          ? `第 ${b.line} 行“${quote(b.text)}”在标题和编者按之间，既不是编者按也不是发言。若它是标题的后半部分，请把它接到第 ${first!.line} 行的标题后面（写成同一行）；若是编者按的一段，请把它移到编者按里它所属的位置；否则请删去。`
          : `第 ${b.line} 行“${quote(b.text)}”在标题和第一个小标题之间，既不是编者按也不是发言。请删去或改成“编者按:……”。`,
      );
    if (b.tag) structural.push(b.tag.raw);
  }
  return {
    title,
    titleLine: first!.line,
    headings,
    blocks,
    structural,
    nameShaped,
    doubts: doubts.sort((a, b) => a.line - b.line),
    unended,
  };
}
