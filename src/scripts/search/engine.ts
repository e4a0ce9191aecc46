// Answers a query in one of two ways (docs/search.md), both ranked by the rules in match.ts:
//   - before the records are in memory: Pagefind says where each index word of the query stands (tokens.ts), which
//     gives how often each needle occurs in each record; only the results on screen are fetched, a file each;
//   - once the page has loaded every record (`loadAll`, after its first results): a scan of their text in memory,
//     with no request at all. A request costs the browser milliseconds however small the file, and Pagefind's
//     lookup of a common word more, so only this way meets the warm query's budget at 8,000 remarks.
import { byRank, classify, matchText, rankChars, type Match, type Rank } from './match.ts';
import { needlesOf, type Query } from './query.ts';
import { leadOf, type RecordMeta, type SearchRecord } from './record.ts';
import { project, searchChars, type Projection } from './text.ts';
import { needleWords } from './tokens.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { words: number[] }[] } | null>;
}

/** A matching record: its number (archive order) and how well it matches. */
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

function toDoc({ url, meta, text }: SearchRecord): SearchDoc {
  const lead: SearchDoc['lead'] = [];
  let at = 0;
  for (const field of leadOf(meta)) {
    if (!text.startsWith(field, at)) continue;
    lead.push({ text: field, start: at });
    at += field.length + 1;
  }
  return { url, meta, text, lead, bodyStart: Math.min(at, text.length), projection: project(text) };
}

/** Lets the page handle input between slices of a long job. A message, not a timer: timers in a background tab
 * run once a second at most. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Search over the site's Pagefind bundle and record files, each loaded when first needed. */
export class SearchEngine {
  #memo = new Map<string, Promise<unknown>>();
  #records: SearchRecord[] | undefined;
  #chars: string[] | undefined;

  /** `bundle`: pagefind.js; `files`: the folder of the record files; `tag`: the build's; `fileCount`: how many
   * `records-<k>.json` there are. */
  constructor(
    readonly bundle: string,
    readonly files: string,
    readonly tag: string,
    readonly fileCount: number,
  ) {}

  /** Remembers a promise under a key, and forgets it if it fails, so that the next call tries again. */
  #once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.#memo.get(key) as Promise<T> | undefined;
    if (!value) {
      this.#memo.set(key, (value = make()));
      value.catch(() => this.#memo.delete(key));
    }
    return value;
  }

  /** Fetches a record file; the build's tag keeps a cached copy from answering for another build. */
  async #fetch<T>(path: string): Promise<T> {
    const response = await fetch(`${this.files}${path}?v=${this.tag}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  /** Loads every record and folds its text a slice at a time, so that the page keeps answering meanwhile. */
  loadAll(): Promise<void> {
    return this.#once('all', async () => {
      const files = Array.from({ length: this.fileCount }, (_, k) => this.#fetch<SearchRecord[]>(`records-${k}.json`));
      const records = (await Promise.all(files)).flat();
      const chars: string[] = [];
      let slice = performance.now();
      for (const record of records) {
        chars.push(searchChars(record.text));
        if (performance.now() - slice > 8) {
          await yieldToPage();
          slice = performance.now();
        }
      }
      this.#records = records;
      this.#chars = chars;
    });
  }

  /** Every record's metadata, for the filters (loads every record first). */
  async metas(): Promise<RecordMeta[]> {
    await this.loadAll();
    return this.#records!.map((r) => r.meta);
  }

  /** Where an index word stands in the index, sorted. */
  #wordPositions(word: string): Promise<number[]> {
    return this.#once(`word:${word}`, async () => {
      const pagefind = await this.#once('pagefind', async () => {
        const module = (await import(/* @vite-ignore */ this.bundle)) as Pagefind;
        // The main thread is enough for this index and spares a 40 KB worker script; a fixed metaCacheTag lets
        // pagefind-entry.json be cached (by default every load asks for it anew).
        await module.options({ baseUrl: '/', noWorker: true, metaCacheTag: this.tag });
        return module;
      });
      // Not an exact ("…") search: that reports only the first occurrence in each page.
      const found = await pagefind.search(word);
      return (found?.results ?? []).flatMap((result) => result.words).sort((a, b) => a - b);
    });
  }

  /** Every record matching a query, best first. Where Pagefind cannot be had (under `astro dev`, which builds no
   * index), from the records in memory. */
  async search(query: Query): Promise<Hit[]> {
    if (!this.#chars) {
      try {
        return await this.#fromIndex(query);
      } catch (error) {
        await this.loadAll().catch(() => {
          throw error;
        });
      }
    }
    return scan(this.#chars!, query);
  }

  async #fromIndex(query: Query): Promise<Hit[]> {
    const needles = needlesOf(query);
    const [starts, positions] = await Promise.all([
      this.#once('starts', async () => {
        let at = 0;
        return (await this.#fetch<number[]>('lengths.json')).map((length) => ((at += length), at - length));
      }),
      Promise.all(needles.map((needle) => Promise.all(needleWords(needle).map((w) => this.#wordPositions(w))))),
    ]);
    return rankCounts(query, new Map(needles.map((needle, i) => [needle, countsAt(positions[i]!, starts)])));
  }

  /** A record as the result list shows it: from memory, or its own file; offline, where the service worker keeps
   * only the `records-<k>.json`, from those. */
  doc(n: number): Promise<SearchDoc> {
    return this.#once(`doc:${n}`, async () => {
      if (!this.#records) {
        try {
          return toDoc(await this.#fetch<SearchRecord>(`records/${n}.json`));
        } catch (error) {
          await this.loadAll().catch(() => {
            throw error;
          });
        }
      }
      const record = this.#records?.[n];
      if (!record) throw new Error(`no record ${n}`);
      return toDoc(record);
    });
  }

  /** Results ready to show: each record's text and where the query is in it. */
  shown(hits: Hit[], query: Query): Promise<Shown[]> {
    return Promise.all(
      hits.map(async (hit) => {
        const doc = await this.doc(hit.n);
        return { doc, match: matchText(doc.projection, query) };
      }),
    );
  }
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

/** The last record starting at or before a position. */
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

/**
 * How often a needle occurs in each record (record number → occurrences), from where each of its index words
 * (`needleWords`) stands and where each record starts: its bigrams stand at consecutive positions and never span
 * two records (tokens.ts).
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
