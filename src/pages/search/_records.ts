// The search records, built from the content collections: one per remark, one per report (title and editor's note).
import { getArchive, remarkEntry, reportEntry } from '../../lib/archive.ts';
import { paths } from '../../lib/model.ts';
import { entryText } from '../../lib/text.ts';
import { href } from '../../lib/url.ts';
import { leadOf, type RecordMeta, type SearchRecord } from '../../scripts/search/record.ts';

let records: Promise<SearchRecord[]> | undefined;

/** Every search record of the archive, in reading order (newest report first); made once per build. */
export const searchRecords = () => (records ??= makeRecords());

/**
 * The records as `search-index/records-<k>.json` hold them: a thousand to a file, so that loading them never holds
 * the search page up for long (one parse per file). The tests set a few, so that the seed's records span several.
 */
export async function recordFiles(): Promise<SearchRecord[][]> {
  const all = await searchRecords();
  const perFile = Number(process.env.SEARCH_RECORDS_PER_FILE ?? 1000);
  return Array.from({ length: Math.max(1, Math.ceil(all.length / perFile)) }, (_, k) =>
    all.slice(k * perFile, (k + 1) * perFile),
  );
}

async function makeRecords(): Promise<SearchRecord[]> {
  const { reports } = await getArchive();
  const records: SearchRecord[] = [];
  const add = (meta: RecordMeta, url: string, body: string) =>
    records.push({ url, text: [...leadOf(meta), body].join(' '), meta });
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
