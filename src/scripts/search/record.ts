// The search record: one per remark and one per report (its title and editor's note), in archive order (newest
// report first; each report's title and editor's note, then its remarks in reading order). The build makes them and
// their search files (src/lib/search/), the search page reads them.
import { FIELD_BREAK } from './text.ts';

/** The facets a reader can filter by, in the order the search page shows them. */
export const FACETS = ['heading', 'school', 'role', 'report'] as const;
export type Facet = (typeof FACETS)[number];

export interface RecordMeta {
  kind: 'remark' | 'report';
  /** Remarks: the speaker's name; reports: empty. */
  speaker: string;
  school: string;
  role: string;
  /** Remarks: the heading they stand under; reports: empty. */
  heading: string;
  /** The report's title. */
  report: string;
}

export interface SearchRecord {
  /** Full URL path, base included: a remark's anchor on its report page, or the report's editor's note. */
  url: string;
  /** The lead (speaker and school, or the report's title) and then the body, as one plain text. */
  text: string;
  meta: RecordMeta;
  /** Remarks: the speaker's name and then the school in pinyin, each in full and by initials (src/lib/slug.ts), as
   * the reader may type them: [speaker, speaker's initials, school, school's initials]. Reports: none. */
  keys: string[];
}

/** The searchable lead of a record: what comes before its body in `text`. */
export const leadOf = (meta: RecordMeta) => (meta.kind === 'remark' ? [meta.speaker, meta.school] : [meta.report]);

/** A record as its files carry it: its fields in a fixed order, and the text without its lead, which the fields
 * already hold. Every first search fetches ten one-record files, and the background every record: field names and
 * the lead written twice would add to both (docs/search.md). */
export type RecordRow = [
  url: string,
  kind: RecordMeta['kind'],
  speaker: string,
  school: string,
  role: string,
  heading: string,
  report: string,
  keys: string[],
  body: string,
];

/** A record's text: its lead's fields, then its body, a `FIELD_BREAK` apart. */
export const textOf = (meta: RecordMeta, body: string) => [...leadOf(meta), body].join(FIELD_BREAK);

/** Where each field of a record's lead starts in its text (`textOf`), and where its body starts. */
export function layoutOf(meta: RecordMeta) {
  let at = 0;
  const lead = leadOf(meta).map((text) => {
    const start = at;
    at += text.length + FIELD_BREAK.length;
    return { text, start };
  });
  return { lead, bodyStart: at };
}

export function toRow({ url, text, meta, keys }: SearchRecord): RecordRow {
  const { kind, speaker, school, role, heading, report } = meta;
  const lead = textOf(meta, '');
  if (!text.startsWith(lead)) throw new Error(`${url}: the record's text does not begin with its lead`);
  return [url, kind, speaker, school, role, heading, report, keys, text.slice(lead.length)];
}

export function fromRow([url, kind, speaker, school, role, heading, report, keys, body]: RecordRow): SearchRecord {
  const meta = { kind, speaker, school, role, heading, report };
  return { url, text: textOf(meta, body), meta, keys };
}

/** The facet values of a record: a report's title and editor's note has only its report. */
export const facetsOf = (meta: RecordMeta): Partial<Record<Facet, string>> =>
  meta.kind === 'remark' ? meta : { report: meta.report };
