// The search record: one per remark and one per report (its title and editor's note). Built from the content by
// `src/pages/search/records.json.ts`, turned into the search files by the integration (src/integrations/search/),
// read back by the search page.

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
}

/** The searchable lead of a record: what comes before its body in `text`. */
export function leadOf(meta: RecordMeta): string[] {
  return meta.kind === 'remark' ? [meta.speaker, meta.school] : [meta.report];
}

/** A record's plain text: lead and body separated by spaces. */
export function recordText(lead: string[], body: string): string {
  return [...lead, body].join(' ');
}

/** The facet values of a record: a report's title and editor's note has only its report. */
export function facetsOf(meta: RecordMeta): Partial<Record<Facet, string>> {
  return meta.kind === 'remark'
    ? { heading: meta.heading, school: meta.school, role: meta.role, report: meta.report }
    : { report: meta.report };
}

// The files the search page reads, under `<base>search-index/` (written by src/integrations/search/files.ts).

/**
 * `catalogue.json`: where each record stands in the index. The index is one Pagefind page whose words are every
 * record's, one record after the other, so a word's position says which record it is in. Records are numbered in
 * archive order (newest report first; each report's title and editor's note, then its remarks in reading order).
 */
export interface Catalogue {
  /** The length (in index words) of each record, in order. */
  lengths: number[];
  /** The characters that have a `chars/<code>.json` (see `CharacterCounts`), in no particular order. */
  chars: string;
  /** How many records each `records-<k>.json` holds. */
  recordsPerFile: number;
}

/** What the search page carries as the files' version until the build writes their hash in its place. */
export const CACHE_TAG_SLOT = 'search-files-version';

/** `facets.json`: each facet's values, and per record the index of its value (-1: none). Loaded when filtering. */
export type FacetTable = Record<Facet, { values: string[]; ids: number[] }>;

/**
 * `chars/<code>.json` (code: `encodeChar`): how often one character occurs in each record holding it, as
 * `[gap, count, gap, count, …]`, each gap from the previous such record (the first from -1). Written for every
 * character whose index words open one of Pagefind's index chunks: such a character's words can span several chunks,
 * and a one-character query would load them all (at 8,000 remarks 党 took six, 65 KB) to count what this file says
 * in 5 KB. A one-character query reads this file instead of Pagefind.
 */
export type CharacterCounts = number[];

/** `records/<n>.json`: one record as the result list shows it (fetched for the results on screen only). */
export type RecordFile = SearchRecord;

/** `records-<k>.json`: the record files of records k × `recordsPerFile` onwards, in order. The search page loads them
 * all after its first results and from then on answers each query from memory, with no request (`SearchEngine`).
 * Several files, not one, so that reading them never holds the page up for long (one parse per file). */
export type RecordsFile = RecordFile[];
