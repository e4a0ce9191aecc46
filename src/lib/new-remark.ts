// The frontmatter is written by the importer's renderRemark, the one place its layout and YAML quoting are written.
import { renderRemark } from './importer/render.ts';
import { distinctSlugs, readdressedLines, takenSlugs } from './importer/slugs.ts';
import type { ContentEntry } from './check/read.ts';
import type { RemarkInput, ReportInput } from './model.ts';
import { slugifyName } from './slug.ts';

interface NewRemark {
  report: ReportInput;
  reports: ReportInput[];
  remarks: RemarkInput[];
  section: string;
  speaker: string;
  school?: string | undefined;
  role?: string | undefined;
  /** Every content file read, so that the remarks the checks refuse keep their speakers' addresses (`takenSlugs`). */
  entries?: readonly ContentEntry[] | undefined;
}

/** The name (without `.md`) a remark's file gets: heading number, order under it, the speaker's pinyin. */
export function remarkStem(section: number, order: number, speaker: string): string {
  return `${section}-${order}-${slugifyName(speaker)}`;
}

/**
 * The file name and frontmatter of a new remark, last under its heading; the speaker's school and role come
 * from their other remarks (the newest report first) unless given, and an unknown or ambiguous speaker is an error.
 */
export function remarkFile(input: NewRemark): { name: string; text: string; notes: string[] } | { error: string } {
  const { report, remarks, section, speaker } = input;
  const dates = new Map(input.reports.map((r) => [r.id, r.date]));
  // This report's remarks first, then the newest report's: a role can change over the years.
  const rank = (r: RemarkInput) => (r.report === report.id ? '9999' : (dates.get(r.report) ?? ''));
  const known = remarks
    .filter((r) => r.speaker === speaker && (!input.school || r.school === input.school))
    .sort((a, b) => rank(b).localeCompare(rank(a)));
  const schools = [...new Set(known.map((r) => r.school))];
  if (!input.school && schools.length > 1)
    return { error: `有不止一位 ${speaker}（${schools.join('、')}），请用 --school 写明是哪个单位的。` };
  const school = input.school ?? known[0]?.school;
  const role = input.role ?? known[0]?.role;
  if (school && !role) {
    // The speaker is known, at other schools: only the role at this one is missing.
    const elsewhere = [...new Set(remarks.filter((r) => r.speaker === speaker).map((r) => r.school))];
    return {
      error: `还没有 ${speaker} 在${school}的发言，不知道其职务。请加上 --role 职务，例如 --role 党总支书记。${elsewhere.length ? `（已有的 ${speaker} 的发言在：${elsewhere.join('、')}。）` : ''}`,
    };
  }
  if (!school || !role)
    return {
      error: `还没有 ${speaker} 的发言，不知道其单位和职务。请加上 --school 单位 --role 职务，例如 --school 京源学校 --role 党总支书记。`,
    };

  const index = report.sections.indexOf(section);
  const order =
    Math.max(0, ...remarks.filter((r) => r.report === report.id && r.section === section).map((r) => r.order)) + 1;
  const taken = new Set(
    remarks.filter((r) => r.report === report.id).map((r) => r.file.replace(/^.*\//, '').replace(/\.mdx?$/, '')),
  );
  let base = remarkStem(index + 1, order, speaker);
  for (let n = 2; taken.has(base); n++) base = `${remarkStem(index + 1, order, speaker)}-${n}`;
  // A speaker or organisation already there keeps its address; a new one whose pinyin is taken gets its own.
  const slugs = distinctSlugs([{ name: speaker, school }], takenSlugs(remarks, input.entries))(speaker, school);
  // The frontmatter as the importer writes it, then an empty line for the words.
  const draft = { speaker, school, role, section: index, order, paragraphs: [], line: 0 };
  const text = `${renderRemark(draft, section, slugs)}\n`;
  return { name: `${base}.md`, text, notes: readdressedLines(speaker, school, slugs) };
}
