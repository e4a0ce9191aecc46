// The search records, built from the content collections: one per remark, one per report (title and editor's note).
import { getArchive, remarkEntry, reportEntry } from '../../lib/archive.ts';
import { paths } from '../../lib/model.ts';
import { entryText } from '../../lib/text.ts';
import { href } from '../../lib/url.ts';
import { leadOf, recordText, type RecordMeta, type SearchRecord } from '../../scripts/search/record.ts';

/** Every search record of the archive, in reading order (newest report first). */
export async function searchRecords(): Promise<SearchRecord[]> {
  const { reports } = await getArchive();
  const records: SearchRecord[] = [];
  const add = (meta: RecordMeta, url: string, body: string) =>
    records.push({ url, text: recordText(leadOf(meta), body), meta });
  for (const report of reports) {
    const note = entryText(await reportEntry(report));
    const noteUrl = note ? `${paths.report(report)}#note-${report.slug}` : paths.report(report);
    add({ kind: 'report', speaker: '', school: '', role: '', heading: '', report: report.title }, href(noteUrl), note);
    for (const remark of report.remarks) {
      const body = entryText(await remarkEntry(remark));
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
