// The search record: one per remark and one per report (its title and editor's note). Built from the content by
// `src/pages/search/records.json.ts`, indexed by the integration, read back from Pagefind by the search page.

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
  /** Position in the archive (newest report first, then the remarks in reading order), to break ties. */
  order: string;
}

export interface SearchRecord {
  /** Full URL path, base included: a remark's anchor on its report page, or the report's editor's note. */
  url: string;
  /** The lead (speaker and school, or the report's title) and then the body, as one plain text. */
  text: string;
  meta: RecordMeta;
  filters: Partial<Record<Facet | 'speaker', string[]>>;
}

/** The searchable lead of a record: what comes before its body in `text`. */
export function leadOf(meta: RecordMeta): string[] {
  return meta.kind === 'remark' ? [meta.speaker, meta.school] : [meta.report];
}

/** A record's plain text: lead and body separated by spaces (Pagefind turns line breaks into spaces anyway). */
export function recordText(lead: string[], body: string): string {
  return [...lead, body].join(' ');
}
