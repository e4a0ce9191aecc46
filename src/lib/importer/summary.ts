import { doubtLine, quote } from './errors.ts';
import { nameShapedLine, type Block } from './parse.ts';
import type { ImportSummary } from './importer.ts';
import { joinArgument, type Repair } from './repair.ts';

function tailOf(text: string): string {
  const chars = [...text];
  return chars.length > 12 ? `…${chars.slice(-12).join('')}` : text;
}

/** The block a repair joined, where the import found it. */
function joined({ head, tail, evidence }: Repair, summary: ImportSummary): string {
  return evidence.kind === 'adjacent'
    ? `紧随其后的${place(tail)}`
    : `${place(tail)}（原在${tail.zone === head.zone ? '同一小标题下' : `「${summary.headings[tail.zone]?.text ?? ''}」下`}${tail.owner === undefined ? '开头' : ''}）`;
}

/** One line per repair: which fragment joined which paragraph, and on what evidence. */
export function describeRepair(repair: Repair, summary: ImportSummary): string {
  const { head, evidence } = repair;
  const where = joined(repair, summary);
  const why =
    evidence.kind === 'adjacent'
      ? `原段未完句，下一段紧接在后且没有发言人${evidence.word ? `，接缝处组成词“${evidence.word}”` : ''}${evidence.confirmed ? '，编辑已用 --join 确认' : ''}${repair.review ? '；接缝处不成词，没有别的证据' : ''}`
      : `原段未完句，接缝处组成词“${evidence.word}”，且只有这一种接法`;
  return `${summary.describe(head)}：第 ${head.line} 行“${tailOf(head.text)}”接上${where}。依据：${why}。`;
}

function place(b: Block): string {
  return `第 ${b.line} 行“${quote(b.text, 12)}”`;
}

/**
 * One line per join in doubt: whose paragraph, in which file, what was joined to what, and what else the text allows
 * (capped like every list). For a join without evidence: the other blocks that could have been the tail, and the
 * --join that would confirm it. For a join on a word: the joins without evidence whose tail it could be instead, which
 * once confirmed leave it proven.
 */
export function describeReview(repair: Repair, summary: ImportSummary): string {
  const { head, tail, evidence, review } = repair;
  const others = review?.others ?? [];
  const count = review?.count ?? 0;
  const more = count > others.length ? `，还有 ${count - others.length} 处` : '';
  const start = `${summary.describe(head)}（${summary.fileOf(head)}）：第 ${head.line} 行“${tailOf(head.text)}”接上${joined(repair, summary)}`;
  if (evidence.kind === 'word')
    return `${start}，接缝处组成词“${evidence.word}”。但${others.map((b) => `第 ${b.line} 行“${tailOf(b.text)}”`).join('、')}${more}也在句中断开，接上的是紧随其后、接缝处不成词的一段，第 ${tail.line} 行也可能是${count > 1 ? '其中一段' : '它'}的后半部分。${count > 1 ? '那几处' : '那一处'}核对无误、以后再导入时加上所列的 --join，这里就不再列出。`;
  const rivals = others.length
    ? `也可能是它后半部分的段落：${others.map(place).join('、')}${more}。`
    : '别处没有其他可能是它后半部分的段落。';
  return `${start}，接缝处不成词。${rivals}核对无误的，以后再导入时加上 --join "${joinArgument(head)}" 就不再列出。`;
}

/** The summary printed after an import: headings, speakers, remarks, repairs. */
export function formatSummary(summary: ImportSummary, target: string): string {
  const out: string[] = [];
  out.push(`已导入：${target}（原文编码 ${summary.encoding}）`);
  out.push(`标题：${summary.title}`);
  out.push(`小标题 ${summary.headings.length} 个：`);
  const bySection = new Map<number, string[]>();
  const bySpeaker = new Map<string, number>();
  for (const r of summary.remarks) {
    const names = bySection.get(r.section);
    if (names) names.push(r.speaker);
    else bySection.set(r.section, [r.speaker]);
    const who = `${r.speaker}\u0000${r.school}`;
    bySpeaker.set(who, (bySpeaker.get(who) ?? 0) + 1);
  }
  summary.headings.forEach((h, i) => {
    const names = bySection.get(i) ?? [];
    out.push(`  ${i + 1}. ${h.text}（${names.length} 篇：${names.join('、')}）`);
  });
  out.push(`发言人 ${summary.speakers.length} 位：`);
  for (const s of summary.speakers) {
    const count = bySpeaker.get(`${s.name}\u0000${s.school}`) ?? 0;
    const early = s.before.length ? `；第 ${s.before.join('、')} 行的发言在职务介绍之前，也已用上` : '';
    out.push(`  ${s.name}：单位 ${s.school}，职务 ${s.role}（第 ${s.introLine} 行“${s.intro}”${early}），${count} 篇`);
  }
  for (const line of summary.addresses) out.push(`  ${line}`);
  out.push(`发言 ${summary.remarks.length} 篇，写入 ${summary.remarks.length + 1} 个文件。`);
  const reviews = summary.repairs.filter((r) => r.review);
  const proven = summary.repairs.filter((r) => !r.review);
  if (!summary.repairs.length) out.push('没有发现排版断裂。');
  else if (!reviews.length) out.push(`修复排版断裂 ${summary.repairs.length} 处：`);
  else if (!proven.length) out.push(`修复排版断裂 ${summary.repairs.length} 处，都要核对，列在最后的“请核对”下。`);
  else
    out.push(
      `修复排版断裂 ${summary.repairs.length} 处：${proven.length} 处有证据，列在下面；${reviews.length} 处要核对，列在最后的“请核对”下。`,
    );
  for (const r of proven) out.push(`  - ${describeRepair(r, summary)}`);
  out.push(`半角标点改为全角 ${summary.punctuation} 处。`);
  if (summary.invisible)
    out.push(`删除看不见的字符 ${summary.invisible} 个（零宽空格之类，多从 PDF 或网页带来，会打乱文字的显示和搜索）。`);
  if (summary.nameShaped.length) {
    out.push(
      `请核对 ${summary.nameShaped.length} 处段首：下面的段落像发言一样以“名字(单位职务):”开头，但名字超过四个字或带有“·”以外的间隔点，导入程序按一句话处理，接在上一位发言人的发言里。其中是发言人的，请加上 --name 名字 再导入一次（加 --force 替换这次写入的）：`,
    );
    for (const s of summary.nameShaped) out.push(`  - ${nameShapedLine(s)}`);
  }
  if (summary.doubts.length) {
    out.push(
      `请核对 ${summary.doubts.length} 处：导入程序无法确定下面这些行是什么，按各条所说的处理了。请对照原稿逐一核对；要改的，照说明改好原文，加上 --force 再导入一次：`,
    );
    for (const d of summary.doubts) out.push(`  - ${doubtLine(d)}`);
  }
  // Last, so that it is what the editor reads when the command returns.
  if (reviews.length) {
    out.push(
      `请核对 ${reviews.length} 处：下面的段落在句中断开，原文本身无法证明接上的一段就是它的后半部分，导入程序按这样接上了。请在预览中对照原稿逐一核对：`,
    );
    for (const r of reviews) out.push(`  - ${describeReview(r, summary)}`);
    out.push(
      '  接错的，请在原文中把正确的那段移到断开的那段后面（写成同一行），加上 --force 再导入一次；也可以直接修改上面括号里的文件。',
    );
  }
  return out.join('\n');
}
