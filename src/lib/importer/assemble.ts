import { ImportError, listCapped, type Doubt } from './errors.ts';
import { MAKE_PROSE } from './numbering.ts';
import type { Block, ParsedText } from './parse.ts';
import { normalizePunctuation } from '../punctuation.ts';
import { splitTitleOrFail } from './roles.ts';

/** One speaker's remark under one heading, paragraphs in order, punctuation normalised. */
export interface RemarkDraft {
  speaker: string;
  school: string;
  role: string;
  /** 0-based heading index. */
  section: number;
  /** 1-based position under the heading. */
  order: number;
  paragraphs: string[];
  line: number;
}

/** A speaker and where the text gives their 单位职务. */
export interface SpeakerInfo {
  name: string;
  intro: string;
  school: string;
  role: string;
  introLine: number;
  /** Lines of remarks printed before the introduction, which still get the role. */
  before: number[];
}

/** The report's content once the breaks are repaired: note paragraphs, remarks, speakers. */
export interface Assembled {
  note: string[];
  remarks: RemarkDraft[];
  speakers: SpeakerInfo[];
  /** Names that two speakers have (`collectSpeakers`). */
  doubts: Doubt[];
  /** How many half-width marks became full-width. */
  punctuation: number;
}

/** The report's speakers, each with the 单位职务 the text gives them, and which of them a tagged block is. */
export interface Speakers {
  speakers: SpeakerInfo[];
  speakerOf: (block: Block) => SpeakerInfo;
  /** Names that two speakers have (at two organisations), listed for the editor to check. */
  doubts: Doubt[];
}

/**
 * Finds each speaker's 单位职务 (wherever in the text it is given) and splits it into organisation and role. One name
 * introduced at two organisations is two people, as the site tells speakers apart by name and organisation (each gets
 * an address of their own); a remark that gives such a name without its 单位职务 cannot be told whose, and is refused.
 */
export function collectSpeakers(blocks: Block[], roles: readonly string[]): Speakers {
  // One speaker: a name with one 单位职务, however often the text gives the two together.
  const introKey = (name: string, intro: string) => `${name}\u0000${intro}`;
  const byName = new Map<string, SpeakerInfo[]>();
  const byIntro = new Map<string, SpeakerInfo>();
  const doubts: Doubt[] = [];
  for (const b of blocks) {
    const tag = b.tag;
    if (!tag?.intro || byIntro.has(introKey(tag.name, tag.intro))) continue;
    const split = splitTitleOrFail(tag.name, tag.intro, b.line, roles);
    const known = byName.get(tag.name) ?? [];
    const same = known.find((s) => s.school === split.school);
    if (same)
      throw new ImportError(
        `${tag.name}在第 ${same.introLine} 行是“${same.intro}”，在第 ${b.line} 行却是“${tag.intro}”。同一篇报告里同一人的单位职务应当一致：请对照原稿改正其中一处。`,
      );
    const info: SpeakerInfo = { name: tag.name, intro: tag.intro, ...split, introLine: b.line, before: [] };
    for (const other of known)
      doubts.push({
        line: b.line,
        start: tag.raw,
        why: `第 ${other.introLine} 行也有一位${tag.name}，在「${other.school}」，单位不同，按同名的两个人处理，各有自己的网页。若是同一个人，请对照原稿改正写错的那一处，加上 --force 再导入一次。`,
      });
    byName.set(tag.name, [...known, info]);
    byIntro.set(introKey(tag.name, tag.intro), info);
  }
  const speakerOf = (b: Block): SpeakerInfo => {
    const { name, intro } = b.tag!;
    if (intro) return byIntro.get(introKey(name, intro))!;
    const known = byName.get(name)!;
    if (known.length > 1)
      throw new ImportError(
        `第 ${b.line} 行的发言人「${name}」没有写明单位职务，而全文有 ${known.length} 位${name}（${known.map((s) => `第 ${s.introLine} 行“${s.intro}”`).join('、')}），分不清是哪一位。请对照原稿，在原文中把这一处写成${known.map((s) => `“${name}(${s.intro}):”`).join('或')}。`,
      );
    return known[0]!;
  };
  for (const b of blocks) {
    if (!b.tag) continue;
    const info = speakerOf(b);
    if (b.line < info.introLine) info.before.push(b.line);
  }
  return { speakers: [...byIntro.values()], speakerOf, doubts };
}

/**
 * Puts the repaired paragraphs in their places: editor's note, and one remark per speaker tag under its heading,
 * with each untagged paragraph added to the remark it follows. Normalises punctuation in the finished paragraphs.
 */
export function assemble(parsed: ParsedText, chains: Block[][], roles: readonly string[]): Assembled {
  const { speakers, speakerOf, doubts } = collectSpeakers(parsed.blocks, roles);
  const note: string[] = [];
  const remarks: RemarkDraft[] = [];
  const byOwner = new Map<number, RemarkDraft>();
  const perSection = new Map<number, number>();
  let punctuation = 0;
  const finish = (chain: Block[]) => {
    const { text, changed } = normalizePunctuation(chain.map((b) => b.text).join(''));
    punctuation += changed;
    return text;
  };
  for (const chain of chains) {
    const head = chain[0]!;
    const text = finish(chain);
    if (head.zone === -1) note.push(text);
    else if (head.tag) {
      const info = speakerOf(head);
      const order = (perSection.get(head.zone) ?? 0) + 1;
      perSection.set(head.zone, order);
      const remark = {
        speaker: info.name,
        school: info.school,
        role: info.role,
        section: head.zone,
        order,
        paragraphs: [text],
        line: head.line,
      };
      remarks.push(remark);
      byOwner.set(head.id, remark);
    } else {
      // Blocks at the start of a heading have no owner, and the repair refuses them unless they continue a cut.
      byOwner.get(head.owner!)!.paragraphs.push(text);
    }
  }
  const empty = parsed.headings.filter((_, i) => !perSection.has(i));
  if (empty.length)
    throw new ImportError(
      `小标题${listCapped(empty, (h) => `「${h.text}」（第 ${h.line} 行）`)}下面没有任何发言。若它不是小标题而是正文的一部分，${MAKE_PROSE}；若是小标题，请检查发言人是否写成“姓名:”。`,
    );
  return { note, remarks, speakers, doubts, punctuation };
}
