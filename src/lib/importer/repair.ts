import { normalizePunctuation, normalizeSpaces } from '../punctuation.ts';
import { ImportError, LISTED, listCapped, quote } from './errors.ts';
import { endsSentence, headRun, startsMidSentence, tailRun, wordAcross, wordBetween } from './evidence.ts';
import type { Block } from './parse.ts';
import { matchTag } from './tags.ts';

/** Why a block was taken as the continuation of a cut paragraph; `confirmed` when the editor gave `--join`. */
export type Evidence = { kind: 'adjacent'; word?: string; confirmed?: boolean } | { kind: 'word'; word: string };

/**
 * A join the editor is to check, and what else the text allows (the first few, and how many in all). For a join taken
 * without evidence and not confirmed: the other blocks without a speaker that could have been the tail. For a join on
 * a word while such joins are left: those joins' heads, whose tail the joined block could be instead, since a cut
 * between two words leaves no trace and a seam can form a word by chance (为 + 人。).
 */
export interface Review {
  others: Block[];
  count: number;
}

/** One repaired layout break: `head` stopped mid-sentence and `tail` completes it. */
export interface Repair {
  head: Block;
  tail: Block;
  evidence: Evidence;
  /** Present when the text does not settle the join (see Review): the summary lists it under 请核对. */
  review?: Review;
}

/** How the editor asked for breaks to be treated: `--join` confirmations, and `--strict`. */
export interface RepairOptions {
  /** The texts that cut paragraphs end with, whose join with the next block the editor confirms. */
  joins?: readonly string[] | undefined;
  /** Refuse a join without evidence while another block could be the tail, instead of taking it for review. */
  strict?: boolean | undefined;
  /** What to tell the editor, by line, of a block nothing completes that may be no paragraph at all, or that may
   * complete a heading (`unended` in parse.ts): telling them to end it with a full stop, or to move it after a remark,
   * would be wrong advice there, or not the whole of it. */
  unended?: ReadonlyMap<number, string> | undefined;
}

/** Tells which paragraph a block belongs to, for messages ("王甫在「…」下的发言", "编者按"). */
export type Describe = (block: Block) => string;

/** How many pairings of a cut paragraph with a block that may complete it are weighed before the import gives up. */
export const MAX_PAIRINGS = 1_000_000;

/** Each head's displaced blocks that form a word across its cut (in text order), and how many joins were segmented. */
export interface WordCandidates {
  found: Map<number, { tail: Block; word: string }[]>;
  comparisons: number;
}

/**
 * Finds, for every head, the tails whose join with it forms a word (see wordAcross). Blocks are grouped by the run
 * of characters at the cut, so a pair of runs is segmented once however often it recurs; only heads ending and tails
 * starting with a Han character can form one. Throws an ImportError instead of weighing more than `limit` pairs of
 * runs or producing more than `limit` candidates: such a text is broken everywhere, and no editor could read the
 * list anyway.
 */
export function wordCandidates(heads: Block[], tails: Block[], limit = MAX_PAIRINGS): WordCandidates {
  const group = (list: Block[], run: (text: string) => string) => {
    const groups = new Map<string, Block[]>();
    for (const b of list) {
      const key = run(b.text);
      if (key) append(groups, key, b);
    }
    return groups;
  };
  const headGroups = group(heads, headRun);
  const tailGroups = group(tails, tailRun);
  if (headGroups.size * tailGroups.size > limit) throw tooBroken(heads, tails.length, limit);
  const found = new Map<number, { tail: Block; word: string }[]>();
  let comparisons = 0;
  let pairs = 0;
  for (const [left, hs] of headGroups) {
    const matches: { tail: Block; word: string }[] = [];
    for (const [right, ts] of tailGroups) {
      comparisons++;
      const word = wordBetween(left, right);
      if (word) for (const tail of ts) matches.push({ tail, word });
    }
    if (!matches.length) continue;
    pairs += hs.length * matches.length;
    if (pairs > limit) throw tooBroken(heads, tails.length, limit);
    matches.sort((a, b) => a.tail.id - b.tail.id);
    for (const head of hs)
      found.set(
        head.id,
        matches.filter((m) => m.tail !== head),
      );
  }
  return { found, comparisons };
}

/** Adds to a list in a map: copying the list on each addition would make long lists quadratic. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function tooBroken(heads: Block[], tails: number, limit: number): ImportError {
  return new ImportError(
    `原文有 ${heads.length} 段在句中断开（没有句末标点），另有 ${tails} 段可能是被排走的后半段，要核对的接法超过 ${limit} 种，无法逐一核对，没有写入任何文件。请先在原文中把断开的段落接好或补上句末标点，再导入。其中：`,
    [listCapped(heads, (b) => `第 ${b.line} 行“…${endOf(b)}”`)],
  );
}

/** Blocks that could be a displaced tail: untagged, and not the natural continuation of the block before them. */
function couldBeDisplaced(block: Block, before: Block | undefined): boolean {
  if (block.tag || block.note) return false;
  return !before || before.zone !== block.zone || endsSentence(before.text) || startsMidSentence(block.text);
}

/** A block that must continue some cut paragraph: it stands under a heading before any speaker, or starts mid-sentence. */
function mustContinue(block: Block): boolean {
  if (block.tag || block.note) return false;
  // Not only the first block under a heading: two tails moved there leave the second without an owner too.
  return block.owner === undefined || startsMidSentence(block.text);
}

/** The end of a cut paragraph as messages quote it and `--join` takes it back. */
function endOf(b: Block): string {
  return [...b.text].slice(-12).join('');
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** What a message tells the editor to give `--join`: the quoted end from its first whole word, marks as printed. */
export function joinArgument(b: Block): string {
  const from = b.text.length - endOf(b).length;
  const start = [...words.segment(b.text)].find((s) => s.index >= from && s.isWordLike)?.index ?? from;
  return normalizePunctuation(b.text.slice(start)).text;
}

/** Text compared for `--join`: spaces as the importer drops them, half- and full-width marks alike (NFKC). */
export function joinKey(text: string): string {
  // A leading … is the ellipsis of the quote in the message, copied along with the text.
  return normalizeSpaces(text.replace(/^[\s…]+/u, '')).normalize('NFKC');
}

/** The cut paragraphs the editor confirmed with `--join <end text>`: each text must end exactly one of them. */
function confirmedHeads(cuts: Block[], joins: readonly string[], describe: Describe): Map<number, string> {
  const ids = new Map<number, string>();
  for (const join of joins) {
    const key = joinKey(join);
    const heads = key ? cuts.filter((b) => joinKey(b.text).endsWith(key)) : [];
    if (heads.length === 0)
      throw new ImportError(
        `--join “${join}” 没有对应的段落：没有哪一段中断的段落以这段文字结尾。请从报错信息中原样复制引号里的文字。`,
      );
    if (heads.length > 1)
      throw new ImportError(
        `--join “${join}” 对应 ${heads.length} 段中断的段落：${listCapped(heads, (b) => `${describe(b)}（第 ${b.line} 行“…${endOf(b)}”）`)}。请多写几个字，使它只对应其中一段。`,
      );
    ids.set(heads[0]!.id, join);
  }
  return ids;
}

/**
 * Finds every paragraph cut mid-sentence and the one block that completes it: the next block when it is untagged
 * and under the same heading, or a displaced block elsewhere when the join forms a word across the cut.
 * Zero or several candidates, or a block nobody claims that cannot stand alone, stop the import with a message
 * per problem. A next block that forms no word across the cut, when no block has evidence for being the tail, is
 * taken and marked for review (with the unclaimed displaced blocks that could be the tail instead), unless the editor
 * confirmed it (`joins`). With `strict` such a join is refused while any such block is left, for the editor to
 * decide with `joins`. Returns, for each paragraph, the blocks it is made of, and the repairs.
 */
export function repairBreaks(
  blocks: Block[],
  describe: Describe,
  { joins = [], strict = false, unended = new Map() }: RepairOptions = {},
): { chains: Block[][]; repairs: Repair[] } {
  const candidates = new Map<number, Repair[]>();
  const claims = new Map<number, Repair[]>();
  const add = (repair: Repair) => {
    append(candidates, repair.head.id, repair);
    append(claims, repair.tail.id, repair);
  };
  const displaced = blocks.filter((b, i) => couldBeDisplaced(b, blocks[i - 1]));
  const cuts = blocks.filter((b) => !endsSentence(b.text));
  const confirmed = confirmedHeads(cuts, joins, describe);
  const byWord = wordCandidates(
    cuts.filter((b) => !confirmed.has(b.id)),
    displaced,
  ).found;
  for (const head of cuts) {
    const next = blocks[head.id + 1];
    const adjacent = next && next.zone === head.zone && !next.tag && !next.note ? next : undefined;
    const joined = adjacent && wordAcross(head.text, adjacent.text);
    if (confirmed.has(head.id)) {
      if (!adjacent)
        throw new ImportError(
          `--join “${confirmed.get(head.id)}”：${describe(head)}（第 ${head.line} 行）后面紧接着的不是同一小标题下没有发言人的段落，无法接上。请去掉这个 --join，在原文中把它的后半部分移到它后面。`,
        );
      // The editor's word settles it: other candidates are not searched, so that --join also decides between several.
      add({
        head,
        tail: adjacent,
        evidence: { kind: 'adjacent', ...(joined ? { word: joined } : {}), confirmed: true },
      });
      continue;
    }
    const found: Repair[] = [];
    if (adjacent)
      found.push({
        head,
        tail: adjacent,
        evidence: joined ? { kind: 'adjacent', word: joined } : { kind: 'adjacent' },
      });
    // Even when the next block completes a word too (先 + 锋岗), a block elsewhere that completes another (先 + 要坚持)
    // is a second explanation: preferring the next block would be silently wrong for 政 + 要 against 政 + 治工作.
    for (const { tail, word } of byWord.get(head.id) ?? [])
      if (tail !== adjacent) found.push({ head, tail, evidence: { kind: 'word', word } });
    found.forEach(add);
  }

  const problems: { line: number; message: string }[] = [];
  const cutOff = (b: Block) => `“…${endOf(b)}”`;
  const place = (b: Block) => `第 ${b.line} 行“${quote(b.text, 12)}”`;
  // Claims are settled by now, so the blocks left over are found once rather than once per cut paragraph.
  const unclaimed = displaced.filter((b) => !claims.has(b.id));
  const isUnclaimed = new Set(unclaimed.map((b) => b.id));
  const rivalsOf = (head: Block, tail: Block): Review => {
    const others: Block[] = [];
    for (const b of unclaimed) {
      if (others.length === LISTED) break;
      if (b !== head && b !== tail) others.push(b);
    }
    return { others, count: unclaimed.length - [head, tail].filter((b) => isUnclaimed.has(b.id)).length };
  };
  const known = (b: Block) => {
    const message = unended.get(b.line);
    return splitIntro(b, blocks[b.id + 1]) ?? (message === undefined ? undefined : { line: b.line, message });
  };
  const unprovenHeads: Block[] = [];
  for (const head of cuts) {
    const found = candidates.get(head.id) ?? [];
    const only = found.length === 1 ? found[0]! : undefined;
    // A cut between two words leaves no trace in the text: a tail moved after some other complete paragraph looks
    // just like that speaker's next paragraph. Taking the next block is a guess while such a block is left over;
    // blocks claimed by another repair are taken by it if the import goes through, so they are not candidates.
    const unproven = only?.evidence.kind === 'adjacent' && !only.evidence.word && !only.evidence.confirmed;
    const rivals = unproven ? rivalsOf(head, only.tail) : { others: [], count: 0 };
    // Nothing in the text supports such a join, with or without rivals: if it goes through (always, unless strict
    // and a rival is left), the editor is to check it in the preview against the blocks it was weighed against.
    if (unproven) {
      only.review = rivals;
      unprovenHeads.push(head);
    }
    if (found.length === 0)
      problems.push(
        known(head) ?? {
          line: head.line,
          message: `${describe(head)}在第 ${head.line} 行的 ${cutOff(head)} 处中断，没有找到能接上的段落。请在原文中把这句话的后半部分移到这一段后面；若原文确实在这里结束，请补上句末标点。`,
        },
      );
    else if (found.length > 1)
      problems.push({
        line: head.line,
        message: `${describe(head)}在第 ${head.line} 行的 ${cutOff(head)} 处中断，有 ${found.length} 段都可能接上：${listCapped(found, (r) => `${place(r.tail)}${r.evidence.kind === 'adjacent' ? '（紧随其后）' : ''}`)}。请在原文中把正确的那段接到这一段末尾，写成同一行。`,
      });
    else if (strict && rivals.count)
      problems.push({
        line: head.line,
        message: `${describe(head)}在第 ${head.line} 行的 ${cutOff(head)} 处中断。${place(only!.tail)}（紧随其后）可以接上，但接缝处不成词，没有证据；${rivals.others.slice(0, 3).map(place).join('、')}${rivals.count > 3 ? `等 ${rivals.count} 段` : ''}也没有发言人，同样可能是它的后半部分。若紧随其后的那段就是它的后半部分，请在原文中把两段写成同一行，或在命令后加上 --join "${joinArgument(head)}" 确认；否则请在原文中把正确的那段移到这一段后面。`,
      });
  }
  for (const [id, found] of claims) {
    if (found.length < 2 || found.every((r) => (candidates.get(r.head.id)?.length ?? 0) > 1)) continue;
    const tail = blocks[id]!;
    problems.push({
      line: tail.line,
      message: `${place(tail)}可以接在 ${found.length} 处中断的段落后面：${listCapped(found, (r) => `${describe(r.head)}（第 ${r.head.line} 行 ${cutOff(r.head)}）`)}。请在原文中把它移到它所属的那段后面。`,
    });
  }
  for (const b of blocks) {
    if (!mustContinue(b) || claims.has(b.id)) continue;
    // An introduction cut at the start of a heading leaves its first line there without a speaker, and so does a heading
    // cut in two: that is the fix, said once for a block that is also a cut paragraph.
    const split = known(b);
    if (split) {
      if (!problems.some((p) => p.message === split.message)) problems.push(split);
    } else
      problems.push({
        line: b.line,
        // A page's running header (报刊名 and such) between two paragraphs of a remark is read as a heading, leaving
        // the paragraph after it without a speaker: then deleting that line is the fix, not a name.
        message: startsMidSentence(b.text)
          ? `${place(b)}以标点开头，也接不上任何中断的发言。请在原文中把它移到所属发言的后面，或在段首写上“姓名:”。`
          : `${place(b)}位于小标题下却没有发言人，也接不上任何中断的发言。若它上面的小标题其实是每页都印的报头（报刊名、日期之类），请在原文中删去那一行；否则请把它移到所属发言的后面，或在段首写上“姓名:”。`,
      });
  }
  if (problems.length) throw breakError(problems);

  const next = new Map<number, Repair>();
  for (const [id, [repair]] of candidates) next.set(id, repair!);
  // A word proves a join only when every other cut has its tail on evidence too: a head joined without evidence may
  // have lost its real tail to this one, whose seam formed a word by chance.
  if (unprovenHeads.length)
    for (const repair of next.values())
      if (repair.evidence.kind === 'word')
        repair.review = { others: unprovenHeads.slice(0, LISTED), count: unprovenHeads.length };
  const tails = new Set([...next.values()].map((r) => r.tail.id));
  const chains: Block[][] = [];
  const seen = new Set<number>();
  for (const b of blocks) {
    if (tails.has(b.id)) continue;
    const chain = [b];
    seen.add(b.id);
    for (let r = next.get(b.id); r; r = next.get(r.tail.id)) {
      chain.push(r.tail);
      seen.add(r.tail.id);
    }
    chains.push(chain);
  }
  // Blocks only reachable from each other (A continues B continues A) have no start: that is no repair.
  const loose = blocks.filter((b) => !seen.has(b.id));
  if (loose.length)
    throw breakError(
      loose.map((b) => ({
        line: b.line,
        message: `${place(b)}的前后接续互相矛盾，无法确定顺序。请在原文中把断开的段落放回原处。`,
      })),
    );
  const split = chains.flatMap(splitTag);
  if (split.length) throw breakError(split);
  return { chains, repairs: [...next.values()].sort((a, b) => a.head.line - b.head.line) };
}

/**
 * A paragraph whose joined text starts with a speaker's introduction that runs across a cut (王鑫(区委教工 + 委副书记):),
 * as a problem. The tag was read line by line, so the join would leave it in the previous remark as prose; making it
 * a tag after the repair would rest on the join, which may itself be wrong, so the editor is to put it on one line.
 */
function splitTag(chain: Block[]): { line: number; message: string }[] {
  const [start] = chain;
  if (!start || start.tag || start.note || chain.length < 2) return [];
  const tag = matchTag(chain.map((b) => b.text).join(''))?.tag;
  if (!tag || tag.raw.length <= start.text.length) return [];
  const lines: number[] = [];
  for (let at = 0, i = 0; at < tag.raw.length && i < chain.length; at += chain[i]!.text.length, i++)
    lines.push(chain[i]!.line);
  return [
    {
      line: start.line,
      message: `第 ${lines.join('、')} 行接起来以发言人的介绍“${tag.raw}”开头：介绍被排版断开了，导入程序不替它接上，否则这篇发言会接在上一位发言人的发言里。请在原文中把“${tag.raw}”写在同一行，再导入。`,
    },
  ];
}

/**
 * A speaker's introduction the layout cut across `block` and `next`, as a problem: within the name (司马 + 文轩(…):,
 * the rest then read as a speaker of its own) or after it (周丽华(区委教工 + 委副书记):). The first line ends nowhere,
 * so the editor would otherwise be told to end it, or to name its speaker, when the fix is to make the two lines one.
 */
function splitIntro(block: Block, next: Block | undefined): { line: number; message: string } | undefined {
  if (block.tag || block.note || !next || next.note || next.zone !== block.zone) return undefined;
  const tag = matchTag(block.text + (next.tag ? next.tag.raw : next.text))?.tag;
  const across = next.tag ? tag?.name === block.text + next.tag.name : tag && tag.raw.length > block.text.length;
  if (!tag || !across) return undefined;
  return {
    line: block.line,
    message: `第 ${block.line}、${next.line} 行接起来是发言人的介绍“${tag.raw}”：介绍被排版断开了${next.tag ? `，第 ${next.line} 行被当成了「${next.tag.name}」的发言` : ''}。请在原文中把介绍写在同一行，再导入。`,
  };
}

function breakError(problems: { line: number; message: string }[]): ImportError {
  const lines = problems.sort((a, b) => a.line - b.line).map((p) => p.message);
  return new ImportError(`有 ${lines.length} 处排版断裂无法可靠修复，没有写入任何文件：`, lines);
}
