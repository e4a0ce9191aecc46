// Runs a query in two steps. First Pagefind gives, for each index word of the query (tokens.ts), its positions in
// the index (one Pagefind page of every record's words); the catalogue turns positions into records, so every match
// is found, counted and ranked without fetching any text. Then only the results on screen are fetched, one small file
// each, and their text gives the highlights and the excerpt (match.ts). Pagefind is loaded when a query first needs
// it. A single common character, whose words span many index chunks, is counted from a small file of its own instead.
//
// That keeps the first search light, but every later query would still cost a request per new index word and one
// per result, and a browser spends milliseconds on each request, however small, before any network: ten took
// 35–50 ms on the benchmark's machine, a phone's round trips far more. So after its first results the page loads
// every record, a thousand to a file (`loadAll`), and from then on answers from memory, by the same rules
// (`rankChars`).
import { byRank, classify, matchText, rankChars, type Match, type Rank } from './match.ts';
import { needlesOf, type Query } from './query.ts';
import {
  leadOf,
  type Catalogue,
  type CharacterCounts,
  type FacetTable,
  type RecordFile,
  type RecordMeta,
  type RecordsFile,
} from './record.ts';
import { project, searchChars, type Projection } from './text.ts';
import { encodeChar, needleWords } from './tokens.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
}

/** A matching record: its number (archive order) and how well it matches (see `classify`). */
export interface Hit extends Rank {
  n: number;
}

/** A record as the result list shows it. */
export interface SearchDoc {
  url: string;
  meta: RecordMeta;
  /** The whole text (lead, then body); match ranges are offsets into it. */
  text: string;
  /** Where each lead field (speaker and school, or title) starts in `text`, and where the body starts. */
  lead: { text: string; start: number }[];
  bodyStart: number;
  projection: Projection;
}

/** A result on screen: the record, and where the query is in its text. */
export interface Shown {
  doc: SearchDoc;
  match: Match | undefined;
}

/** The catalogue, ready for lookups: where each record starts in the index, and which characters have counts. */
interface Index {
  starts: number[];
  chars: Set<string>;
  recordsPerFile: number;
}

function readCatalogue({ lengths, chars, recordsPerFile }: Catalogue): Index {
  let at = 0;
  return { starts: lengths.map((length) => ((at += length), at - length)), chars: new Set(chars), recordsPerFile };
}

/** The record a position falls in: the last record starting at or before it. */
function recordAt(starts: number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Reads a record file into what the result list needs: the lead fields are the first words of the text. */
function toDoc({ url, meta, text }: RecordFile): SearchDoc {
  const lead: SearchDoc['lead'] = [];
  let at = 0;
  for (const field of leadOf(meta)) {
    if (text.startsWith(field, at)) {
      lead.push({ text: field, start: at });
      at += field.length + 1;
    }
  }
  return { url, meta, text, lead, bodyStart: Math.min(at, text.length), projection: project(text) };
}

/** Every record in memory, and its searchable characters. */
interface AllLoaded {
  docs: RecordFile[];
  chars: string[];
}

/** Lets the page handle input between slices of a long job. A message, not a timer: timers in a background tab
 * run once a second at most. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Search over the site's Pagefind bundle and search files; loads them on the first query. */
export class SearchEngine {
  #bundle: string;
  #files: string;
  #tag: string;
  #index = new Map<'index', Promise<Index>>();
  #pagefind = new Map<'pagefind', Promise<Pagefind>>();
  #positions = new Map<string, Promise<number[]>>();
  #counts = new Map<string, Promise<Map<number, number>>>();
  #docs = new Map<number, Promise<SearchDoc>>();
  #facets = new Map<'facets', Promise<FacetTable>>();
  #loadingAll = new Map<'all', Promise<void>>();
  #all: AllLoaded | undefined;

  /** `bundle`: pagefind.js; `files`: the folder of the search files (catalogue, facets, records); `tag`: the build. */
  constructor(bundle: string, files: string, tag: string) {
    this.#bundle = bundle;
    this.#files = files;
    this.#tag = tag;
  }

  /** Whether the search files have been asked for yet (the first query shows a loading message). */
  get loaded(): boolean {
    return this.#index.size > 0;
  }

  /**
   * Loads every record (`records-<k>.json`) and folds its text a slice at a time, so the page keeps answering; from
   * then on `search` and `doc` need no request. Until it is done, and if it fails, they use Pagefind and the record
   * files.
   */
  loadAll(): Promise<void> {
    return SearchEngine.#once(this.#loadingAll, 'all', async () => {
      const index = await this.#catalogue();
      const files = Array.from({ length: Math.ceil(index.starts.length / index.recordsPerFile) }, (_, k) =>
        this.#fetch<RecordsFile>(`records-${k}.json`),
      );
      const docs = (await Promise.all(files)).flat();
      const chars: string[] = [];
      let slice = performance.now();
      for (const doc of docs) {
        chars.push(searchChars(doc.text));
        if (performance.now() - slice > 8) {
          await yieldToPage();
          slice = performance.now();
        }
      }
      this.#all = { docs, chars };
    });
  }

  /** Fetches one of the search files as JSON; the build's tag keeps a cached copy from answering for another build. */
  async #fetch<T>(path: string): Promise<T> {
    const response = await fetch(`${this.#files}${path}?v=${this.#tag}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  /** Remembers a promise under a key, and forgets it if it fails, so the next call tries again. */
  static #once<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
    let value = cache.get(key);
    if (!value) {
      cache.set(key, (value = make()));
      value.catch(() => cache.delete(key));
    }
    return value;
  }

  /** The catalogue, fetched on the first query (and again on the next one if that failed). */
  #catalogue(): Promise<Index> {
    return SearchEngine.#once(this.#index, 'index', async () =>
      readCatalogue(await this.#fetch<Catalogue>('catalogue.json')),
    );
  }

  /** Pagefind, loaded when a query first needs it. */
  #loadPagefind(): Promise<Pagefind> {
    return SearchEngine.#once(this.#pagefind, 'pagefind', async () => {
      const pagefind = (await import(/* @vite-ignore */ this.#bundle)) as Pagefind;
      // The main thread is enough for this index and spares a 40 KB worker script. A fixed metaCacheTag lets
      // pagefind-entry.json be cached (the default is a new ?ts= on every load).
      await pagefind.options({ baseUrl: '/', noWorker: true, metaCacheTag: this.#tag });
      await pagefind.init();
      return pagefind;
    });
  }

  /**
   * Where an index word (or, for one character, every word starting with it) stands: its sorted positions. A prefix
   * lies in one index chunk here (Pagefind loads only the first chunk a prefix falls in): a character whose words
   * open a chunk has a counts file, and `#needleCounts` never asks.
   */
  #wordPositions(word: string): Promise<number[]> {
    return SearchEngine.#once(this.#positions, word, async () => {
      const pagefind = await this.#loadPagefind();
      // Not an exact ("…") search: that reports only the first occurrence in each page.
      const found = await pagefind.search(word);
      return (found?.results ?? []).flatMap((result) => result.words).sort((a, b) => a - b);
    });
  }

  /** How often a needle occurs in each record that holds it: record number → occurrences (overlapping ones too). */
  #needleCounts(needle: string): Promise<Map<number, number>> {
    return SearchEngine.#once(this.#counts, needle, async () => {
      // Both at once: the catalogue says whether one character has a counts file; anything longer needs Pagefind.
      const [index] = await Promise.all([this.#catalogue(), [...needle].length > 1 ? this.#loadPagefind() : undefined]);
      if (index.chars.has(needle))
        return readCounts(await this.#fetch<CharacterCounts>(`chars/${encodeChar(needle)}.json`));
      const positions = await Promise.all(needleWords(needle).map((w) => this.#wordPositions(w)));
      return countsAt(positions, index.starts);
    });
  }

  /** Every record matching a query, best first: the phrase, or every term, or every word of every term. */
  async search(query: Query): Promise<Hit[]> {
    if (this.#all) return scan(this.#all.chars, query);
    const needles = needlesOf(query);
    return rankCounts(
      query,
      new Map(await Promise.all(needles.map(async (needle) => [needle, await this.#needleCounts(needle)] as const))),
    );
  }

  /** A record's text and metadata, fetched once: from memory once every record is there, else its own file, or, if
   * that cannot be fetched (offline, the service worker keeps only the thousand-record files), from those. */
  doc(n: number): Promise<SearchDoc> {
    return SearchEngine.#once(this.#docs, n, async () => {
      if (!this.#all) {
        try {
          return toDoc(await this.#fetch<RecordFile>(`records/${n}.json`));
        } catch (error) {
          await this.loadAll().catch(() => {
            throw error;
          });
        }
      }
      const record = this.#all?.docs[n];
      if (!record) throw new Error(`records-<k>.json: no record ${n}`);
      return toDoc(record);
    });
  }

  /** Results ready to show: each record's text and where the query is in it. */
  async shown(hits: Hit[], query: Query): Promise<Shown[]> {
    return Promise.all(
      hits.map(async (hit) => {
        const doc = await this.doc(hit.n);
        return { doc, match: matchText(doc.projection, query) };
      }),
    );
  }

  /** The facet table, fetched when the reader first filters. */
  facets(): Promise<FacetTable> {
    return SearchEngine.#once(this.#facets, 'facets', () => this.#fetch<FacetTable>('facets.json'));
  }
}

/** A character's counts file as record number → occurrences. */
function readCounts(list: CharacterCounts): Map<number, number> {
  const counts = new Map<number, number>();
  let n = -1;
  for (let i = 0; i < list.length; i += 2) counts.set((n += list[i]!), list[i + 1]!);
  return counts;
}

/** Every record matching a query, best first, from every record's searchable characters (`searchChars`). */
export function scan(chars: string[], query: Query): Hit[] {
  const hits: Hit[] = [];
  for (const [n, text] of chars.entries()) {
    const rank = rankChars(text, query);
    if (rank) hits.push({ n, ...rank });
  }
  return hits.sort(byRank);
}

/** Every record matching a query, best first, from how often each needle (`needlesOf`) occurs in each record. */
export function rankCounts(query: Query, counts: Map<string, Map<number, number>>): Hit[] {
  const candidates = new Set<number>();
  for (const found of counts.values()) for (const n of found.keys()) candidates.add(n);
  const hits: Hit[] = [];
  for (const n of candidates) {
    const rank = classify(query, (needle) => counts.get(needle)?.get(n) ?? 0);
    if (rank) hits.push({ n, tier: rank.tier, hits: rank.hits });
  }
  return hits.sort(byRank);
}

/**
 * How often a needle occurs in each record (record number → occurrences), from where each of its index words
 * (`needleWords`) stands in the index and where each record starts: its bigrams stand at consecutive positions, and
 * never span two records (tokens.ts).
 */
export function countsAt([first = [], ...rest]: number[][], starts: number[]): Map<number, number> {
  const sets = rest.map((p) => new Set(p));
  const counts = new Map<number, number>();
  for (const p of first) {
    if (!sets.every((set, k) => set.has(p + k + 1))) continue;
    const n = recordAt(starts, p);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}
