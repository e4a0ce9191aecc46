// The search records, built from the content collections: one per remark, one per report (title and editor's note).
import { getArchive, remarkEntry, reportEntry } from '../archive.ts';
import { paths } from '../model.ts';
import { pinyinKeys } from '../slug.ts';
import { entryText } from '../text.ts';
import { href } from '../url.ts';
import { textOf, type RecordMeta, type SearchRecord } from '../../scripts/search/record.ts';

/** Every search record of the archive, in reading order (newest report first). */
export async function searchRecords(): Promise<SearchRecord[]> {
  const { reports } = await getArchive();
  const records: SearchRecord[] = [];
  const add = (meta: RecordMeta, url: string, body: string) =>
    records.push({
      url,
      text: textOf(meta, body),
      meta,
      keys: meta.kind === 'remark' ? [...pinyinKeys(meta.speaker, true), ...pinyinKeys(meta.school, false)] : [],
    });
  for (const report of reports) {
    const note = entryText(await reportEntry(report));
    const noteUrl = note ? `${paths.report(report)}#note-${report.slug}` : paths.report(report);
    add({ kind: 'report', speaker: '', school: '', role: '', heading: '', report: report.title }, href(noteUrl), note);
    for (const remark of report.remarks) {
      const { speaker, school, role, section: heading } = remark;
      const meta = { kind: 'remark', speaker, school, role, heading, report: report.title } as const;
      add(meta, href(paths.remark(remark)), entryText(await remarkEntry(remark)));
    }
  }
  return records;
}
