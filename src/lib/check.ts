// The content checks. This module is their entry point (checkContent), with the rules that span files (checkRead) and
// the listing of problems; what concerns one file is in src/lib/check/, a module a role, each importing only those
// listed before it:
// - parse.ts: a file's text read into frontmatter and a Markdown or MDX tree (parseFile, Problem, ParsedFile), with
//   the frontmatter's mistakes worded for an editor;
// - fixes.ts: where `npm run check -- --fix` changes a file (half-width marks, special spaces, indents, line
//   separators) and the change itself; the checks on one file report the same places;
// - file.ts: the checks on one parsed file: its fields against the schema and their characters, its body, photos and
//   links, its name;
// - read.ts: the content folder read (readContent): files listed, decoded, read, parsed and checked one by one, into
//   the entries the site is built from; replaceReport, for the importer's check before it writes.
import { dirname } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { buildArchive, remarkBaseName, schoolSlugOf, speakerSlugOf, type RemarkInput } from './model.ts';
import { removeInvisible } from './invisible.ts';
import { meant } from './meant.ts';
import { foldMarks } from './punctuation.ts';
import { searchChars } from '../scripts/search/text.ts';
import { spaceName } from './check/file.ts';
import type { Problem } from './check/parse.ts';
import { readContent, type ContentEntry, type ContentRead, type Schemas } from './check/read.ts';

/** What one read of the content folder found: the problems, and every file parsed, for the site to use. */
export interface ContentCheck {
  problems: Problem[];
  entries: ContentEntry[];
}

/**
 * Checks every file under the content folder: frontmatter against the schemas, bodies, and the rules
 * that span files (known heading, one role per speaker, one remark per place, unique URLs). Returns the files it
 * parsed too, so that the site is built from this one read.
 */
export async function checkContent(root: string, schemas: Schemas): Promise<ContentCheck> {
  return checkRead(await readContent(root, schemas));
}

/** How `written` differs from `meant`, written at `meantAt`, when they differ only in their spaces, which an editor
 * cannot see: undefined otherwise. */
function spaceDifference(written: string, meant: string, meantAt: string): string | undefined {
  if (written === meant || written.replace(/\s/g, '') !== meant.replace(/\s/g, '')) return undefined;
  const special = (text: string) => [...new Set(text.match(/[^\S ]/g))].map(spaceName).join('、');
  if (special(written)) return `这里用了${special(written)}，请删去它，打一个普通的英文空格`;
  if (special(meant)) return `${meantAt}用了${special(meant)}，请在那里删去它，打一个普通的英文空格`;
  return '空格的个数不同，请照小标题列表里的写法写';
}

/** The rules that span files, over what `readContent` read: its problems with theirs added. */
export function checkRead(read: ContentRead): ContentCheck {
  const { reports: reportInputs, remarks: remarkInputs, problems, files, invalidReports, entries } = read;
  const at = (file: string, field: string) => files.get(file)?.keyLines.get(field) ?? 0;
  const itemLine = (file: string, field: string, item: number) =>
    files.get(file)?.values.find((v) => v.field === field && v.path.length === 1 && v.path[0] === item)?.line;
  const reportsById = new Map(reportInputs.map((r) => [r.id, r]));
  // Looked up, not scanned: a report may have many headings and each of them many remarks.
  const headings = new Map(reportInputs.map((r) => [r.id, new Set(r.sections)]));
  for (const remark of remarkInputs) {
    const report = reportsById.get(remark.report);
    if (!report || headings.get(report.id)!.has(remark.section)) continue;
    const guess = meant(remark.section, report.sections);
    const spaces =
      guess &&
      spaceDifference(
        remark.section,
        guess,
        `${report.file} 第 ${itemLine(report.file, 'sections', report.sections.indexOf(guess)) ?? at(report.file, 'sections')} 行`,
      );
    // A remark copied or moved from another report keeps that report's heading.
    const other = reportInputs.find((r) => headings.get(r.id)!.has(remark.section));
    const hint = spaces
      ? `它和小标题「${guess}」只差在空格上：${spaces}。`
      : (other ? `它是报告 ${other.id} 的小标题：这篇发言是不是放错了文件夹？如果它属于报告 ${report.id}，` : '') +
        (guess ? `您是否想写「${guess}」？` : '请照下面的一个小标题一字不差地抄写。');
    problems.push({
      file: remark.file,
      line: at(remark.file, 'section'),
      column: 1,
      field: 'section',
      severity: 'error',
      message: `小标题「${remark.section}」不是报告 ${report.id} 的小标题。${hint}该报告的小标题有：${report.sections.map((s, i) => `${i + 1}.「${s}」`).join(' ')}（见 ${report.file}）。`,
    });
  }

  // The record of repairs (校勘记) speaks of remarks, text and headings of its own report: each must be there. A quoted
  // end is looked for in the text as read (3~5, not the Markdown's 3\~5), whatever the width of its marks, so that
  // --fix, which makes a body's marks full-width and leaves the frontmatter alone, never makes the record wrong; and
  // past invisible characters, which are said where they are, and which --fix removes.
  // None for a body that could not be read (an MDX mistake, said where it is): there is no text to look in.
  const seen = (text: string) => foldMarks(removeInvisible(text));
  const prose = (file: string) =>
    files.get(file)?.unreadable ? undefined : seen(toString(files.get(file)?.body ?? []));
  for (const report of reportInputs) {
    const { joins = [], intros = [] } = report.repairs ?? {};
    const named = new Map(remarkInputs.filter((r) => r.report === report.id).map((r) => [remarkBaseName(r.file), r]));
    // A remark that is there but invalid has its own errors: the record is not told it is missing.
    const folder = `${dirname(report.file)}/remarks/`;
    const there = (name: string) =>
      named.has(name) || files.has(`${folder}${name}.md`) || files.has(`${folder}${name}.mdx`);
    const problem = (path: string, message: string) =>
      problems.push({
        file: report.file,
        line:
          files.get(report.file)?.values.find((v) => v.field === 'repairs' && v.path.join('.') === path)?.line ??
          at(report.file, 'repairs'),
        column: 1,
        field: 'repairs',
        severity: 'error',
        message,
      });
    const unknownRemark = (name: string) =>
      `校勘记提到的发言「${name}」不在报告 ${report.id} 中：请写 remarks 文件夹里的文件名（不含 .md）${name === 'note' ? '' : '，编者按写 note'}。`;
    const unknownSection = (section: string) =>
      `校勘记提到的小标题「${section}」不是报告 ${report.id} 的小标题；请照 sections 中的写法抄写。`;
    for (const [i, join] of joins.entries()) {
      const file = join.remark === 'note' ? report.file : named.get(join.remark)?.file;
      if (!file) {
        if (!there(join.remark)) problem(`joins.${i}.remark`, unknownRemark(join.remark));
      } else if (prose(file)?.includes(seen(join.after)) === false)
        problem(
          `joins.${i}.after`,
          `校勘记说「${join.after}」处的断开已接上，但${join.remark === 'note' ? '编者按' : `发言 ${join.remark}`}里没有这段文字。请照正文抄写断开处前半段的结尾。`,
        );
      if (join.from && !report.sections.includes(join.from)) problem(`joins.${i}.from`, unknownSection(join.from));
    }
    for (const [i, intro] of intros.entries()) {
      if (!there(intro.remark)) problem(`intros.${i}.remark`, unknownRemark(intro.remark));
      if (!report.sections.includes(intro.from)) problem(`intros.${i}.from`, unknownSection(intro.from));
    }
    // sectionSlugs gives headings their addresses: a key that is no heading would leave the one meant without it.
    for (const title of Object.keys(report.sectionSlugs ?? {}))
      if (!headings.get(report.id)!.has(title))
        problems.push({
          file: report.file,
          line:
            files.get(report.file)?.values.find((v) => v.field === 'sectionSlugs' && v.path[0] === title)?.line ??
            at(report.file, 'sectionSlugs'),
          column: 1,
          field: 'sectionSlugs',
          severity: 'error',
          message: `sectionSlugs 里的「${title}」不是报告 ${report.id} 的小标题，它的网址名用不上。${meant(title, report.sections) ? `您是否想写「${meant(title, report.sections)}」？` : ''}请照 sections 中的写法抄写。`,
        });
  }

  const groups = <K>(key: (r: RemarkInput) => K) => {
    const map = new Map<K, RemarkInput[]>();
    for (const r of remarkInputs) {
      const k = key(r);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return [...map.values()];
  };
  for (const group of groups((r) => `${r.report}\u0000${r.speaker}\u0000${r.school}`)) {
    const roles = [...new Set(group.map((r) => r.role))];
    if (roles.length < 2) continue;
    const first = group[0]!;
    for (const remark of group.filter((r) => r.role !== first.role)) {
      problems.push({
        file: remark.file,
        line: at(remark.file, 'role'),
        column: 1,
        field: 'role',
        severity: 'error',
        message: `同一报告中 ${remark.speaker}（${remark.school}）的职务不一致：这里是「${remark.role}」，${first.file} 第 ${at(first.file, 'role')} 行是「${first.role}」。请把两个文件的 role 改成同一个职务。`,
      });
    }
  }
  // A speaker's page, and an organisation's, has one address: every remark of theirs must give the same, in any report
  // (the site takes the first file's, and the others' would be ignored without a word).
  const sameAddress = (
    kind: 'speaker' | 'school',
    key: (r: RemarkInput) => string,
    slugOf: (r: RemarkInput) => string,
  ) => {
    const field = kind === 'speaker' ? 'speakerSlug' : 'schoolSlug';
    for (const group of groups(key)) {
      const first = group[0]!;
      for (const remark of group.filter((r) => slugOf(r) !== slugOf(first)))
        problems.push({
          file: remark.file,
          line: at(remark.file, field) || at(remark.file, kind),
          column: 1,
          field,
          severity: 'error',
          message: `${kind === 'speaker' ? `发言人 ${remark.speaker}（${remark.school}）` : `单位「${remark.school}」`}的网址名不一致：这里是 ${slugOf(remark)}，${first.file} 里是 ${slugOf(first)}，网站用的是后者。同一${kind === 'speaker' ? '位发言人' : '个单位'}的每篇发言要写同样的 ${field}：要保持现在的网址，请${first[field] ? `在这里写 ${field}: ${slugOf(first)}` : `删去这里的 ${field}`}；要改用新的网址，请在每篇发言里都改。`,
        });
    }
  };
  sameAddress('speaker', (r) => `${r.speaker}\u0000${r.school}`, speakerSlugOf);
  sameAddress('school', (r) => r.school, schoolSlugOf);
  // Names that differ only in how they are written (full- or half-width, spaces, dots and other marks) are one name
  // written two ways, which would make two pages of one person or organisation.
  // Folded as search folds text, but for characters of the private use area, with which a rare character of a name
  // may be written (造字): each is a character of its own.
  const folded = (name: string) => [...name].map((c) => (/\p{Co}/u.test(c) ? c : searchChars(c))).join('');
  const sameWritten = (kind: 'speaker' | 'school', name: (r: RemarkInput) => string) => {
    // A speaker's organisation as written: one written two ways is said once, as the organisation's.
    for (const group of groups((r) =>
      kind === 'speaker' ? `${folded(r.speaker)}\u0000${r.school}` : folded(r.school),
    )) {
      const first = group[0]!;
      for (const remark of group.filter((r) => name(r) !== name(first)))
        problems.push({
          file: remark.file,
          line: at(remark.file, kind),
          column: 1,
          field: kind,
          severity: 'error',
          message: `${kind === 'speaker' ? '发言人' : '单位'}「${name(remark)}」和 ${first.file} 里的「${name(first)}」只是写法不同（全角半角、空格或标点）。同一${kind === 'speaker' ? '个人' : '个单位'}请写成一样的，否则网站会当成两个。`,
        });
    }
  };
  sameWritten('speaker', (r) => `${r.speaker}（${r.school}）`);
  sameWritten('school', (r) => r.school);
  // Two names of one organisation at one address (赵卫东 and 赵伟东 or 趙衛東, of one pinyin) are one person whose name
  // one file writes otherwise, most often: said in each file of the name fewer remarks give, with the other to copy.
  for (const group of groups((r) => `${speakerSlugOf(r)}\u0000${r.school}`)) {
    const count = (name: string) => group.filter((r) => r.speaker === name).length;
    const usual = group.reduce((a, b) => (count(b.speaker) > count(a.speaker) ? b : a));
    for (const remark of group.filter((r) => folded(r.speaker) !== folded(usual.speaker)))
      problems.push({
        file: remark.file,
        line: at(remark.file, 'speaker'),
        column: 1,
        field: 'speaker',
        severity: 'error',
        message: `发言人「${remark.speaker}」和 ${usual.file} 第 ${at(usual.file, 'speaker')} 行的「${usual.speaker}」都在${remark.school}，网址名都是 ${speakerSlugOf(remark)}，多半是同一个人的名字写成了两样。请核对原文：是同一个人，就把这里的姓名照「${usual.speaker}」一字不差地改过来${count(usual.speaker) > 1 ? `（有 ${count(usual.speaker)} 篇发言这样写）` : ''}；确是两个人，就给这一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: ${speakerSlugOf(remark)}-2）。`,
      });
  }
  // One name under two organisations in one report is usually a typo; two people of one name say so with speakerSlug,
  // the new one's an address of its own.
  for (const group of groups((r) => `${r.report}\u0000${r.speaker}`)) {
    const first = group[0]!;
    for (const remark of group.filter(
      (r) =>
        // An organisation only written another way is said as such, above.
        folded(r.school) !== folded(first.school) &&
        // Two people of one name, at addresses of their own.
        speakerSlugOf(r) === speakerSlugOf(first),
    ))
      problems.push({
        file: remark.file,
        line: at(remark.file, 'school'),
        column: 1,
        field: 'school',
        severity: 'error',
        message: `同一报告中 ${remark.speaker} 的单位不一致：这里是「${remark.school}」，${first.file} 第 ${at(first.file, 'school')} 行是「${first.school}」。如果是同一个人，请把两个文件的 school 改成一样；如果是同名的两个人，请给新来的那一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: ${speakerSlugOf(remark)}-${schoolSlugOf(remark)}），已发布的那一位不用改，网址也不会变。`,
      });
  }
  for (const group of groups((r) => `${r.report}\u0000${r.section}\u0000${r.order}`)) {
    if (group.length < 2) continue;
    const [first, ...others] = group;
    for (const remark of others)
      problems.push({
        file: remark.file,
        line: at(remark.file, 'order'),
        column: 1,
        field: 'order',
        severity: 'error',
        message: `小标题「${remark.section}」下有两篇发言的顺序号都是 ${remark.order}：这里和 ${first!.file}。请给其中一篇换一个顺序号。`,
      });
  }

  // Remarks of a report whose index.md is invalid are placed once it is mended; until then they would only be
  // reported as lacking one.
  const { problems: modelProblems } = buildArchive(
    reportInputs,
    remarkInputs.filter((r) => !invalidReports.has(r.report)),
  );
  // A clash that follows from a mistake already reported (e.g. a mistyped school) would only repeat it.
  const reported = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const p of modelProblems.filter((p) => !p.files.some((f) => reported.has(f))))
    for (const file of p.files)
      problems.push({
        file,
        line: (p.item !== undefined && itemLine(file, p.field!, p.item)) || (p.field ? at(file, p.field) : 0),
        column: p.field ? 1 : 0,
        field: p.field,
        severity: 'error',
        message: p.message,
      });

  problems.sort(
    (a, b) =>
      Number(b.fileName ?? false) - Number(a.fileName ?? false) || a.file.localeCompare(b.file) || a.line - b.line,
  );
  return { problems, entries };
}

/** One line per problem, `file:line:column`, so editors and editors' tools can jump to it. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line ? `${p.file}:${p.line}:${p.column}` : p.file;
      return `  ${p.severity === 'error' ? '错误' : '提醒'}  ${where}  ${p.message}`;
    })
    .join('\n');
}
