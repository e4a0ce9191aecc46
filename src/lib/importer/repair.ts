import { ImportError } from './errors.ts';
import { endsSentence, startsMidSentence, wordAcross } from './evidence.ts';
import { quote, type Block } from './parse.ts';

/** Why a block was taken as the continuation of a cut paragraph. */
export type Evidence = { kind: 'adjacent'; word?: string } | { kind: 'word'; word: string };

/** One repaired layout break: `head` stopped mid-sentence and `tail` completes it. */
export interface Repair {
  head: Block;
  tail: Block;
  evidence: Evidence;
}

/** Tells which paragraph a block belongs to, for messages ("王甫在「…」下的发言", "编者按"). */
export type Describe = (block: Block) => string;

/** Blocks that could be a displaced tail: untagged, and not the natural continuation of the block before them. */
function couldBeDisplaced(block: Block, before: Block | undefined): boolean {
  if (block.tag || block.note) return false;
  return !before || before.zone !== block.zone || endsSentence(before.text) || startsMidSentence(block.text);
}

/** A block that must continue some cut paragraph: it starts a heading without a speaker, or starts mid-sentence. */
function mustContinue(block: Block, before: Block | undefined): boolean {
  if (block.tag || block.note) return false;
  return !before || before.zone !== block.zone || startsMidSentence(block.text);
}

/**
 * Finds every paragraph cut mid-sentence and the one block that completes it: the next block when it is untagged
 * and under the same heading, or a displaced block elsewhere when the join forms a word across the cut.
 * Zero or several candidates, or a block nobody claims that cannot stand alone, stop the import with a message
 * per problem; nothing is guessed. Returns, for each paragraph, the blocks it is made of, and the repairs.
 */
export function repairBreaks(blocks: Block[], describe: Describe): { chains: Block[][]; repairs: Repair[] } {
  const candidates = new Map<number, Repair[]>();
  const claims = new Map<number, Repair[]>();
  const add = (repair: Repair) => {
    candidates.set(repair.head.id, [...(candidates.get(repair.head.id) ?? []), repair]);
    claims.set(repair.tail.id, [...(claims.get(repair.tail.id) ?? []), repair]);
  };
  const displaced = blocks.filter((b, i) => couldBeDisplaced(b, blocks[i - 1]));
  const cuts = blocks.filter((b) => !endsSentence(b.text));
  for (const head of cuts) {
    const next = blocks[head.id + 1];
    const adjacent = next && next.zone === head.zone && !next.tag && !next.note ? next : undefined;
    const joined = adjacent && wordAcross(head.text, adjacent.text);
    const found: Repair[] = [];
    if (adjacent) found.push({ head, tail: adjacent, evidence: joined ? { kind: 'adjacent', word: joined } : { kind: 'adjacent' } });
    for (const tail of displaced) {
      if (tail === head || tail === adjacent) continue;
      const word = wordAcross(head.text, tail.text);
      // Even when the next block completes a word too (先 + 锋岗), a block elsewhere that completes another (先 + 要坚持)
      // is a second explanation: preferring the next block would be silently wrong for 政 + 要 against 政 + 治工作.
      if (word) found.push({ head, tail, evidence: { kind: 'word', word } });
    }
    found.forEach(add);
  }

  const problems: { line: number; message: string }[] = [];
  const cutOff = (b: Block) => `“…${[...b.text].slice(-12).join('')}”`;
  const place = (b: Block) => `第 ${b.line} 行“${quote(b.text, 12)}”`;
  for (const head of cuts) {
    const found = candidates.get(head.id) ?? [];
    if (found.length === 0)
      problems.push({
        line: head.line,
        message: `${describe(head)}在第 ${head.line} 行的 ${cutOff(head)} 处中断，没有找到能接上的段落。请在原文中把这句话的后半部分移到这一段后面；若原文确实在这里结束，请补上句末标点。`,
      });
    else if (found.length > 1)
      problems.push({
        line: head.line,
        message: `${describe(head)}在第 ${head.line} 行的 ${cutOff(head)} 处中断，有 ${found.length} 段都可能接上：${found.map((r) => `${place(r.tail)}${r.evidence.kind === 'adjacent' ? '（紧随其后）' : ''}`).join('、')}。请在原文中把正确的那段接到这一段末尾，写成同一行。`,
      });
  }
  for (const [id, found] of claims) {
    if (found.length < 2 || found.every((r) => (candidates.get(r.head.id)?.length ?? 0) > 1)) continue;
    const tail = blocks[id]!;
    problems.push({
      line: tail.line,
      message: `${place(tail)}可以接在 ${found.length} 处中断的段落后面：${found.map((r) => `${describe(r.head)}（第 ${r.head.line} 行 ${cutOff(r.head)}）`).join('、')}。请在原文中把它移到它所属的那段后面。`,
    });
  }
  for (const [i, b] of blocks.entries()) {
    if (mustContinue(b, blocks[i - 1]) && !claims.has(b.id))
      problems.push({
        line: b.line,
        message: `${place(b)}${startsMidSentence(b.text) ? '以标点开头' : '位于小标题下却没有发言人'}，也接不上任何中断的发言。请在原文中把它移到所属发言的后面，或在段首写上“姓名:”。`,
      });
  }
  if (problems.length) throw breakError(problems);

  const next = new Map<number, Repair>();
  for (const [id, [repair]] of candidates) next.set(id, repair!);
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
    throw breakError(loose.map((b) => ({ line: b.line, message: `${place(b)}的前后接续互相矛盾，无法确定顺序。请在原文中把断开的段落放回原处。` })));
  return { chains, repairs: [...next.values()].sort((a, b) => a.head.line - b.head.line) };
}

function breakError(problems: { line: number; message: string }[]): ImportError {
  const lines = problems.sort((a, b) => a.line - b.line).map((p) => p.message);
  return new ImportError(`有 ${lines.length} 处排版断裂无法可靠修复，没有写入任何文件：`, lines);
}
