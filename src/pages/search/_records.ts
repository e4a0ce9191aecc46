// The search records, built from the content collections: one per remark, one per report (title and editor's note).
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { getArchive, remarkEntry, reportEntry } from '../../lib/archive.ts';
import { paths } from '../../lib/model.ts';
import { href } from '../../lib/url.ts';
import { leadOf, recordText, type RecordMeta, type SearchRecord } from '../../scripts/search/record.ts';

const parser = unified().use(remarkParse);
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The plain text of a Markdown body: blocks joined by spaces, line breaks inside Chinese text removed as printed. */
export function plainText(markdown: string): string {
  const blocks = parser.parse(markdown).children.map((node) => toString(node, { includeHtml: false }));
  return blocks
    .map((block) =>
      block
        .trim()
        .replace(/[ \t]*\n[ \t]*/g, (_, at: number, all: string) =>
          WIDE.test(all[at - 1] ?? '') && WIDE.test(all[at + _.length] ?? '') ? '' : ' ',
        ),
    )
    .filter(Boolean)
    .join(' ');
}

/** Every search record of the archive, in reading order (newest report first). */
export async function searchRecords(): Promise<SearchRecord[]> {
  const { reports } = await getArchive();
  const records: SearchRecord[] = [];
  const add = (meta: RecordMeta, url: string, body: string) =>
    records.push({ url, text: recordText(leadOf(meta), body), meta });
  for (const report of reports) {
    const note = plainText((await reportEntry(report)).body ?? '');
    const noteUrl = note ? `${paths.report(report)}#note-${report.slug}` : paths.report(report);
    add({ kind: 'report', speaker: '', school: '', role: '', heading: '', report: report.title }, href(noteUrl), note);
    for (const remark of report.remarks) {
      const body = plainText((await remarkEntry(remark)).body ?? '');
      add(
        {
          kind: 'remark',
          speaker: remark.speaker,
          school: remark.school,
          role: remark.role,
          heading: remark.section,
          report: report.title,
        },
        href(paths.remark(remark)),
        body,
      );
    }
  }
  return records;
}
