import { ImportError, listCapped } from './errors.ts';
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
  /** How many half-width marks became full-width. */
  punctuation: number;
}

/** Finds each speaker's 单位职务 (wherever in the text it is given) and splits it into organisation and role. */
export function collectSpeakers(blocks: Block[], roles: readonly string[]): Map<string, SpeakerInfo> {
  const speakers = new Map<string, SpeakerInfo>();
  for (const b of blocks) {
    const tag = b.tag;
    if (!tag?.intro) continue;
    const known = speakers.get(tag.name);
    if (known && known.intro !== tag.intro)
      throw new ImportError(
        `${tag.name}在第 ${known.introLine} 行是“${known.intro}”，在第 ${b.line} 行却是“${tag.intro}”。同一篇报告里同一人的单位职务应当一致：请改正其中一处；若是两位同名的人，请在原文中加以区分。`,
      );
    if (!known)
      speakers.set(tag.name, {
        name: tag.name,
        intro: tag.intro,
        ...splitTitleOrFail(tag.name, tag.intro, b.line, roles),
        introLine: b.line,
        before: [],
      });
  }
  for (const b of blocks) {
    const info = b.tag && speakers.get(b.tag.name);
    if (info && b.line < info.introLine) info.before.push(b.line);
  }
  return speakers;
}

/**
 * Puts the repaired paragraphs in their places: editor's note, and one remark per speaker tag under its heading,
 * with each untagged paragraph added to the remark it follows. Normalises punctuation in the finished paragraphs.
 */
export function assemble(parsed: ParsedText, chains: Block[][], roles: readonly string[]): Assembled {
  const speakers = collectSpeakers(parsed.blocks, roles);
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
      const info = speakers.get(head.tag.name)!;
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
      `小标题${listCapped(empty, (h) => `「${h.text}」（第 ${h.line} 行）`)}下面没有任何发言。若它不是小标题而是正文的一部分，请在原文中给它加上标点或并入所属段落；若是小标题，请检查发言人是否写成“姓名:”。`,
    );
  return { note, remarks, speakers: [...speakers.values()], punctuation };
}
