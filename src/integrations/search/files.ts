// The search files of a built site, in memory: the Pagefind bundle (its library, WebAssembly and index: one page
// holding every record, words as in src/scripts/search/tokens.ts) and, under `search-index/`, the catalogue, the
// facet table, the counts of common characters, one file per record and the records a thousand to a file (see
// src/scripts/search/record.ts).
// `astro build` writes them; `astro dev` serves them.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import {
  FACETS,
  facetsOf,
  type Catalogue,
  type CharacterCounts,
  type FacetTable,
  type SearchRecord,
} from '../../scripts/search/record.ts';
import { searchChars } from '../../scripts/search/text.ts';
import { CODE_WIDTH, encodeChar, recordWords } from '../../scripts/search/tokens.ts';

/** Throws with Pagefind's own messages when a call reports errors. */
function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** Pagefind's library, WebAssembly, metadata and index chunks: what the search page loads. Its UI bundles, worker
 * and fragments (the page text, which the record files carry instead) are left out. */
const PAGEFIND_RUNTIME = /^(pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/.+)$/;

/** A Pagefind file's payload: gzip, then a 12-byte signature. */
const payload = (data: Uint8Array) => gunzipSync(data).subarray(12);

/**
 * The first word of each index chunk (shortened by Pagefind to what tells it from the previous chunk's last word),
 * from Pagefind's metadata file (CBOR: `[version, pages, chunks, …]`, each chunk `[from, to, hash]`, as `MetaIndex`
 * in Pagefind's `index/index_metadata.rs`). A one-character query is a prefix, and a prefix can span several
 * chunks: the characters that open a chunk get a counts file (`characterCounts`).
 */
export function chunkStarts(meta: Uint8Array): string[] {
  const index = decode(payload(meta)) as unknown;
  const chunks = Array.isArray(index) ? (index[2] as unknown) : undefined;
  if (
    !Array.isArray(chunks) ||
    !chunks.every((c) => Array.isArray(c) && c.length >= 3 && c.every((v) => typeof v === 'string'))
  )
    throw new Error('Pagefind metadata (pf_meta) has an unexpected shape: the index chunk table was not found');
  return chunks.map((c: string[]) => c[0]!);
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));

/** Builds every search file for the records; paths are relative to the site's base. */
export async function searchFiles(records: SearchRecord[]): Promise<Map<string, Uint8Array>> {
  // Pagefind cuts its index into chunks of ~20,000 positions, and a query loads the chunk of each of its words: at
  // 8,000 remarks one such chunk was a quarter of the first search. 3,500 gives chunks of 8–11 KB gzip (the chunk of
  // a single common word can be larger) for a longer chunk table (pf_meta 4 KB); smaller chunks save little more and
  // give more characters a counts file. The setting is Pagefind's own but marked unstable (read by the pagefind
  // binary when the service starts); should it go, chunks are larger again and search still correct, as the counts
  // files follow whatever chunks Pagefind wrote.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '3500';
  // The words are ASCII (tokens.ts), so no language's word segmentation or stemming applies: `und` (BCP 47's
  // "undetermined") spares Pagefind's Chinese segmenter a pass over every word (~1 s at 8,000 remarks). The search
  // page, in zh-CN, finds no zh index and falls back to this one, Pagefind's only index.
  const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: 'und' }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  try {
    const chars = records.map((record) => searchChars(record.text));
    // Each record's index words as Pagefind reads them, one string per record, made a record at a time: the words of
    // 8,000 remarks held at once are ~1.4 million small strings, which Astro's process would hold while Pagefind runs.
    const lengths: number[] = [];
    const contents = chars.map((text) => {
      const words = recordWords(text);
      lengths.push(words.length);
      return words.join(' ');
    });
    // One Pagefind page holds every record, one after the other: a word's position says which record it is in
    // (catalogue.json). Pagefind keeps a word table per page: with a page per report, indexing 8,000 remarks took
    // 603 MB and 6.2 s instead of 237 MB and 4.1 s, and its metadata file, which every first search loads, lists
    // every page.
    check('addCustomRecord', await index.addCustomRecord({ url: '/', content: contents.join(' '), language: 'und' }));
    const { files } = check('getFiles', await index.getFiles());
    const out = new Map<string, Uint8Array>();
    let chunks: string[] | undefined;
    for (const file of files) {
      const path = file.path.replace(/\\/g, '/').replace(/^\/+/, '');
      if (PAGEFIND_RUNTIME.test(path)) out.set(`pagefind/${path}`, file.content);
      if (path.endsWith('.pf_meta')) chunks = chunkStarts(file.content);
    }
    if (!chunks) throw new Error('Pagefind wrote no metadata file (pf_meta)');
    // A thousand records to a file: ~0.8 MB of JSON, one parse of ~25 ms on the benchmark's machine. The tests set
    // a small number, so that the seed report's records span several files.
    const recordsPerFile = Number(process.env.SEARCH_RECORDS_PER_FILE ?? 1000);
    if (!Number.isInteger(recordsPerFile) || recordsPerFile < 1)
      throw new Error(
        `SEARCH_RECORDS_PER_FILE must be a whole number of at least 1, not ${process.env.SEARCH_RECORDS_PER_FILE}`,
      );
    // Pagefind shortens each chunk's first word to what tells it from the previous chunk's last: a word shorter than
    // one character's code opens no character's words.
    const counts = characterCounts(
      chars,
      new Set(chunks.filter((from) => from.length >= CODE_WIDTH).map((from) => from.slice(0, CODE_WIDTH))),
    );
    for (const [ch, list] of counts) out.set(`search-index/chars/${encodeChar(ch)}.json`, json(list));
    const catalogue: Catalogue = { lengths, chars: [...counts.keys()].join(''), recordsPerFile };
    out.set('search-index/catalogue.json', json(catalogue));
    out.set('search-index/facets.json', json(facetTable(records)));
    // Each record serialized once, for its own file and for its thousand's.
    const serialized = records.map((record) => JSON.stringify(record));
    for (const [n, record] of serialized.entries()) out.set(`search-index/records/${n}.json`, encoder.encode(record));
    for (let from = 0; from < records.length; from += recordsPerFile)
      out.set(
        `search-index/records-${from / recordsPerFile}.json`,
        encoder.encode(`[${serialized.slice(from, from + recordsPerFile).join(',')}]`),
      );
    return out;
  } finally {
    await index.deleteIndex();
  }
}

/** For each character whose code (`encodeChar`) is in `opening`, how often it occurs in each record (see
 * `CharacterCounts`): those are the characters whose index words open an index chunk. */
function characterCounts(chars: string[], opening: Set<string>): Map<string, CharacterCounts> {
  const wanted = new Set([...new Set(chars.join(''))].filter((ch) => opening.has(encodeChar(ch))));
  const lists = new Map<string, CharacterCounts>();
  const last = new Map<string, number>();
  for (const [n, text] of chars.entries()) {
    const inRecord = new Map<string, number>();
    for (const ch of text) if (wanted.has(ch)) inRecord.set(ch, (inRecord.get(ch) ?? 0) + 1);
    for (const [ch, count] of inRecord) {
      let list = lists.get(ch);
      if (!list) lists.set(ch, (list = []));
      list.push(n - (last.get(ch) ?? -1), count);
      last.set(ch, n);
    }
  }
  return lists;
}

/** The facet table: each facet's distinct values (in first-seen order) and each record's value. */
function facetTable(records: SearchRecord[]): FacetTable {
  const table = Object.fromEntries(FACETS.map((f) => [f, { values: [], ids: [] }])) as unknown as FacetTable;
  const seen = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    (typeof FACETS)[number],
    Map<string, number>
  >;
  for (const record of records) {
    const values = facetsOf(record.meta);
    for (const facet of FACETS) {
      const value = values[facet];
      let id = -1;
      if (value) {
        id = seen[facet].get(value) ?? table[facet].values.push(value) - 1;
        seen[facet].set(value, id);
      }
      table[facet].ids.push(id);
    }
  }
  return table;
}

/** The version of a set of search files: a hash of every path and content, so that any change to the text, the
 * index or the files' format gives the search page new URLs (nothing cached from another build answers). */
export function filesTag(files: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\n`).update(files.get(path)!);
  return hash.digest('hex').slice(0, 12);
}

/** Stops Pagefind's background process, so `astro build` can exit. */
export const closePagefind = () => pagefind.close();
