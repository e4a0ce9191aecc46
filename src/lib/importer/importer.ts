import { isReportDate, remarkBaseName, reportDateFrom, type Repairs } from '../model.ts';
import { normalizePunctuation } from '../punctuation.ts';
import { SLUG_PATTERN } from '../slug.ts';
import { assemble, type SpeakerInfo } from './assemble.ts';
import { checkConservation } from './conserve.ts';
import { decodeText, type Encoding } from './decode.ts';
import { findInvisible, removeInvisible } from '../invisible.ts';
import { doubtLine, ImportError } from './errors.ts';
import type { Heading } from './numbering.ts';
import { nameShapedLine, parseText, type Block, type ParsedText } from './parse.ts';
import { renderIndex, renderRemark, remarkPath, type OutputFile } from './render.ts';
import { joinKey, repairBreaks, type Repair } from './repair.ts';
import { distinctSlugs, readdressedLines, type TakenSlugs } from './slugs.ts';

/** What the editor gives on the command line besides the text. */
export interface ImportOptions {
  /** Folder name of the report, also its URL: lowercase letters, digits, hyphens. */
  reportId: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the text's own date cannot be read reliably, so the editor gives it. */
  date?: string | undefined;
  /** Role list, longest first (see roles.ts). */
  roles: readonly string[];
  /** `--join`: ends of cut paragraphs whose join with the next paragraph the editor confirms (see repair.ts). */
  joins?: readonly string[] | undefined;
  /** `--strict`: refuse a join without evidence while another block could be the tail (see repair.ts). */
  strict?: boolean | undefined;
  /** `--name`: speakers whose names the rule for names refuses (longer than four characters, another dot). */
  names?: readonly string[] | undefined;
  /** The addresses of the speakers and organisations already in the content folder (`takenSlugs`). */
  taken?: TakenSlugs | undefined;
  /** The raw text's file, named when the refusal is about the file itself (its encoding). */
  source?: string | undefined;
}

/** What the import found and did, for the summary an editor reads. */
export interface ImportSummary {
  encoding: Encoding;
  title: string;
  headings: Heading[];
  speakers: SpeakerInfo[];
  remarks: { path: string; speaker: string; school: string; section: number; order: number; paragraphs: number }[];
  repairs: Repair[];
  /** Who a block belongs to, for describing repairs. */
  describe: (block: Block) => string;
  /** The written file (path inside the report folder) that a block's paragraph went to. */
  fileOf: (block: Block) => string;
  punctuation: number;
  /** Characters that show nothing, removed (src/lib/invisible.ts). */
  invisible: number;
  /** Speakers and organisations whose pinyin another one has: what the editor is told (`readdressedLines`). */
  addresses: string[];
  /** Paragraphs taken for prose that start as a remark does (`nameShaped` in parse.ts). */
  nameShaped: ParsedText['nameShaped'];
  /** Other lines the text cannot tell the kind of (`doubts` in parse.ts). */
  doubts: ParsedText['doubts'];
}

/** The files to write (paths inside the report folder) and what to tell the editor. */
export interface ImportResult {
  files: OutputFile[];
  summary: ImportSummary;
}

/**
 * The largest text the importer reads. A report's text is tens of kilobytes; this leaves room for a whole
 * year's supplement pasted at once, and bounds how long a wrong file (a video, a disk image) is read for.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** The refusal of a text over MAX_INPUT_BYTES, naming the file when there is one. */
export function tooLarge(size: number, file?: string): ImportError {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new ImportError(
    `${file ? `原文文件 ${file} ` : '原文'}有 ${mb(size)}，超过导入程序的上限 ${mb(MAX_INPUT_BYTES)}，没有导入。一份报告的原文通常只有几十 KB：请确认选对了文件；若是多份报告，请分开导入。`,
  );
}

/** What is wrong with the report's name, date, --join or --name the editor gave, if anything: the command says so before it
 * reads. */
export function optionsProblem({
  reportId,
  date,
  joins = [],
  names = [],
}: Pick<ImportOptions, 'reportId' | 'date' | 'joins' | 'names'>): string | undefined {
  if (!SLUG_PATTERN.test(reportId))
    return `报告名“${reportId}”会成为网址的一部分，只能用小写英文字母、数字和连字符，例如 2015-dangjian-zuotanhui。`;
  if (!date)
    return '请用 --date 写明报告的日期：原文只给出年份就写 --date 2015，给出月份或日期就写 --date 2015-07 或 --date 2015-07-01。导入程序不会猜测日期。';
  if (!isReportDate(date)) {
    const meant = reportDateFrom(date);
    if (meant) return `日期“${date}”请写成 --date ${meant}（格式是 2015、2015-07 或 2015-07-01）。`;
    return `日期“${date}”的格式不对，或没有这一天：请写成 2015、2015-07 或 2015-07-01（只写原文给出的精度）。`;
  }
  if (joins.some((j) => !joinKey(j)))
    return '--join 后面没有文字：要写的是断开的那段话的结尾，照抄报错信息或“请核对”里给出的 --join "……" 即可，例如 --join "联系实际、体会深刻，"。';
  // An empty name starts every line, and was taken before the names the editor meant.
  if (names.some((n) => !n.trim())) return '--name 后面没有写名字：要写的是发言人的名字，例如 --name 乌兰其其格。';
  return undefined;
}

/**
 * Turns the bytes of a raw report text into the files of `content/reports/<id>/`, repairing layout breaks by
 * evidence and checking that no Han character, letter or digit was lost or added. Pure: writes nothing.
 */
export function importReport(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const { date } = options;
  const wrong = optionsProblem(options);
  if (wrong || !date) throw new ImportError(wrong ?? '');

  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length);
  const decoded = decodeText(bytes, options.source);
  const { encoding } = decoded;
  // Characters that show nothing (a zero-width space from a PDF): the checks refuse them, so they go, counted.
  const invisible = findInvisible(decoded.text).length;
  const text = invisible ? removeInvisible(decoded.text) : decoded.text;
  const parsed = parseText(text, new Set(options.names));
  // An import refused for another reason may be refused because a line was taken for the wrong kind (a remark for
  // prose): such lines are named with the reason.
  return withDoubtedLines(parsed, () => {
    const heading = (zone: number) => parsed.headings[zone]?.text ?? '';
    const byId = new Map(parsed.blocks.map((b) => [b.id, b]));
    const describe = (b: Block): string => {
      if (b.zone === -1) return '编者按';
      const owner = b.tag ? b : b.owner !== undefined ? byId.get(b.owner) : undefined;
      return owner?.tag ? `${owner.tag.name}在「${heading(b.zone)}」下的发言` : `「${heading(b.zone)}」开头的段落`;
    };
    const { chains, repairs } = repairBreaks(parsed.blocks, describe, {
      joins: options.joins,
      strict: options.strict,
      unended: parsed.unended,
    });
    const assembled = assemble(parsed, chains, options.roles);

    const sections = parsed.headings.map((h) => h.text);
    const remarks = assembled.remarks.map((r) => ({
      path: remarkPath(r),
      speaker: r.speaker,
      school: r.school,
      section: r.section,
      order: r.order,
      paragraphs: r.paragraphs.length,
    }));
    // A remark starts at its tag, and an untagged paragraph joins its owner's remark (see assemble).
    const pathByTagLine = new Map(assembled.remarks.map((r, i) => [r.line, remarks[i]!.path]));
    const fileById = new Map<number, string>();
    for (const chain of chains) {
      const start = chain[0]!;
      const tagged = start.tag ? start : start.owner !== undefined ? byId.get(start.owner) : undefined;
      const path = start.zone === -1 ? 'index.md' : ((tagged && pathByTagLine.get(tagged.line)) ?? '');
      for (const b of chain) fileById.set(b.id, path);
    }
    // The record of repairs (校勘记) names remarks by file name, as editors see them, and the editor's note `note`.
    const named = (path: string) => (path === 'index.md' ? 'note' : remarkBaseName(path));
    const zoneAt = new Map(parsed.blocks.map((b) => [b.line, b.zone]));
    const record: Repairs = {
      punctuation: assembled.punctuation,
      joins: repairs.map(({ head, tail }) => ({
        remark: named(fileById.get(head.id) ?? ''),
        // As the joined paragraph has it: a mark at the cut takes its width from the words after it (85%,较 → 85%，较).
        after: [...normalizePunctuation(head.text + tail.text).text]
          .slice(0, [...head.text].length)
          .slice(-12)
          .join(''),
        from: tail.zone !== head.zone ? heading(tail.zone) : undefined,
      })),
      intros: assembled.remarks.flatMap((r, i) => {
        const speaker = assembled.speakers.find(
          (s) => s.name === r.speaker && s.school === r.school && s.before.includes(r.line),
        );
        return speaker ? [{ remark: named(remarks[i]!.path), from: heading(zoneAt.get(speaker.introLine) ?? -1) }] : [];
      }),
    };
    const slugsOf = distinctSlugs(
      assembled.remarks.map((r) => ({ name: r.speaker, school: r.school })),
      options.taken ?? { speakers: new Map(), orgs: new Map() },
    );
    const files: OutputFile[] = [
      { path: 'index.md', text: renderIndex(parsed.title, date, sections, assembled.note, record) },
      ...assembled.remarks.map((r, i) => ({
        path: remarks[i]!.path,
        text: renderRemark(r, sections[r.section]!, slugsOf(r.speaker, r.school)),
      })),
    ];
    const addresses = assembled.speakers.flatMap((s) => readdressedLines(s.name, s.school, slugsOf(s.name, s.school)));

    checkConservation(text, parsed.structural, files, {
      title: parsed.title,
      sections,
      intros: new Map(
        [...Map.groupBy(assembled.speakers, (s) => s.name)].map(([name, same]) => [name, same.map((s) => s.intro)]),
      ),
      remarkCount: parsed.blocks.filter((b) => b.tag).length,
    });
    return {
      files,
      summary: {
        encoding,
        title: parsed.title,
        headings: parsed.headings,
        speakers: assembled.speakers,
        remarks,
        repairs,
        describe,
        fileOf: (b) => fileById.get(b.id) ?? '',
        punctuation: assembled.punctuation,
        invisible,
        addresses,
        nameShaped: parsed.nameShaped,
        doubts: [...parsed.doubts, ...assembled.doubts].sort((a, b) => a.line - b.line),
      },
    };
  });
}

/** `run`'s result; its ImportError with the lines whose kind the text cannot tell named too, since taking one for the
 * wrong kind may have caused it (a remark joined to the previous one's text). */
function withDoubtedLines<T>({ nameShaped, doubts }: Pick<ParsedText, 'nameShaped' | 'doubts'>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ImportError) || !(nameShaped.length || doubts.length)) throw error;
    // A doubt the refusal already gives as a problem (a cut heading, see `unended` in parse.ts) is said once.
    const given = new Set(error.problems);
    throw new ImportError(error.message, [
      ...nameShaped.map(
        (s) => `可能与此有关：${nameShapedLine(s)}（名字超过四个字或带有“·”以外的间隔点，按一句话处理了）`,
      ),
      ...doubts.filter((d) => !given.has(doubtLine(d))).map((d) => `可能与此有关：${doubtLine(d)}`),
      ...error.problems,
    ]);
  }
}
