import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, paths, remarkBaseName, type Archive, type Remark, type Report } from './model.ts';
import { href } from './url.ts';

let loading: Promise<{ archive: Archive; entries: Map<string, CollectionEntry<'remarks' | 'reports'>> }> | undefined;

async function load() {
  const [reports, remarks] = await Promise.all([getCollection('reports'), getCollection('remarks')]);
  const reportId = (e: CollectionEntry<'reports'>) => e.id.replace(/\/index$/, '');
  const { archive, problems } = buildArchive(
    reports.map((e) => ({ ...e.data, id: reportId(e), file: e.filePath ?? e.id })),
    remarks.map((e) => ({
      ...e.data,
      id: e.id,
      file: e.filePath ?? remarkBaseName(e.id),
      report: e.id.split('/')[0]!,
    })),
  );
  // The content loader has already stopped the build on these; this guards pages against a stale store.
  if (problems.length) throw new Error(problems.map((p) => `${p.files.join('、')}：${p.message}`).join('\n'));
  const entries = new Map<string, CollectionEntry<'remarks' | 'reports'>>();
  for (const e of reports) entries.set(`report:${reportId(e)}`, e);
  for (const e of remarks) entries.set(`remark:${e.id}`, e);
  return { archive, entries };
}

const loaded = () => (loading ??= load());

/** The whole archive, grouped for the pages; loaded once per build. */
export async function getArchive(): Promise<Archive> {
  return (await loaded()).archive;
}

/** The content entry behind a remark, for `render()`. */
export async function remarkEntry(remark: Remark): Promise<CollectionEntry<'remarks'>> {
  return (await loaded()).entries.get(`remark:${remark.id}`) as CollectionEntry<'remarks'>;
}

/** The content entry behind a report, whose body is the editor's note. */
export async function reportEntry(report: Report): Promise<CollectionEntry<'reports'>> {
  return (await loaded()).entries.get(`report:${report.id}`) as CollectionEntry<'reports'>;
}

let order: Promise<Map<string, number>> | undefined;

/** Each page's place in the site's order, by its path: home, every report followed by its headings in order, the
 * speakers, the organisations. For a list of pages that has no order of its own (the offline page's). */
export function pageOrder(): Promise<Map<string, number>> {
  return (order ??= getArchive().then(({ reports, speakers, orgs }) => {
    const list = [
      paths.home(),
      paths.reports(),
      ...reports.flatMap((report) => [paths.report(report), ...report.sectionList.map((s) => paths.section(s))]),
      paths.speakers(),
      ...speakers.map((s) => paths.speaker(s)),
      paths.orgs(),
      ...orgs.map((o) => paths.org(o)),
    ];
    return new Map(list.map((path, i) => [href(path), i]));
  }));
}
