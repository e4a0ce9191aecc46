// Answers a query in one of two ways (docs/search.md), both ranked by the rules in match.ts:
//   - before the records are in memory: Pagefind says where each index word of the query stands (tokens.ts), which
//     gives how often each needle occurs in each record; only the results on screen are fetched, a file each;
//   - once the page has loaded every record (`loadAll`, after its first results): a scan of their text in memory.
import { count, matchText, ranked, type Hit, type Match } from './match.ts';
import { needlesOf, type Query } from './query.ts';
import { fromRow, layoutOf, type RecordMeta, type RecordRow, type SearchRecord } from './record.ts';
import { project, searchChars } from './text.ts';
import { needleWords, START } from './tokens.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { words: number[] }[] } | null>;
}

/** A result on screen: the record, its text projected for matching, and where the query is in it. */
export interface Shown {
  record: SearchRecord;
  /** Where each lead field (speaker and school, or title) starts in the text; the body starts after the last. */
  lead: { text: string; start: number }[];
  bodyStart: number;
  match: Match | undefined;
}

/** Lets the page handle input between slices of a long job. A message, not a timer: timers in a background tab
 * run once a second at most. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Requests for Pagefind's index chunks that failed. Pagefind 1.6 answers without a chunk it could not load (its
 * `loadChunk` drops the error), so a word would seem absent: a lookup during which one failed fails too, and the query
 * is answered from the records (or asked again next time). */
let failedChunks = 0;
let watching = false;

function watchChunks() {
  if (watching) return;
  watching = true;
  const request = globalThis.fetch.bind(globalThis);
  const chunk = (input: RequestInfo | URL) =>
    (input instanceof Request ? input.url : String(input)).includes('/pagefind/index/');
  globalThis.fetch = async (input, init) => {
    try {
      const response = await request(input, init);
      if (!response.ok && chunk(input)) failedChunks++;
      return response;
    } catch (error) {
      if (chunk(input)) failedChunks++;
      throw error;
    }
  };
}

/** Search over one build's search files (`search-index/<version>/`), each loaded when first needed. */
export class SearchEngine {
  #memo = new Map<string, Promise<unknown>>();
  #records: SearchRecord[] | undefined;
  #chars: string[] | undefined;

  /** `files`: the folder of the build's search files; `bulkFiles`: how many `records-<k>.json` it has. */
  constructor(
    readonly files: string,
    readonly version: string,
    readonly bulkFiles: number,
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

  async #fetch<T>(path: string): Promise<T> {
    const response = await fetch(this.files + path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  /** Loads every record and folds its text a slice at a time, so that the page keeps answering meanwhile. */
  loadAll(): Promise<void> {
    return this.#once('all', async () => {
      const files = Array.from({ length: this.bulkFiles }, (_, k) => this.#fetch<RecordRow[]>(`records-${k}.json`));
      const records = (await Promise.all(files)).flat().map(fromRow);
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

  /**
   * Once a query's first results are on screen: every record in the background (`loadAll`), when the page is idle,
   * so that later queries need no request; not when the reader has asked the browser to save data. `host`'s
   * `data-records` says how far it got; after a failure, the next query's results try again.
   */
  loadInBackground(host: HTMLElement) {
    const { records } = host.dataset;
    if (records === 'loading' || records === 'loaded') return;
    if (navigator.connection?.saveData) return;
    host.dataset.records = 'loading';
    const start = () =>
      void this.loadAll().then(
        () => (host.dataset.records = 'loaded'),
        (error: unknown) => {
          // Search goes on as before: Pagefind and one file per result.
          console.warn(error);
          host.dataset.records = 'failed';
        },
      );
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start);
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
        const module = (await import(/* @vite-ignore */ `${this.files}pagefind/pagefind.js`)) as Pagefind;
        watchChunks();
        // The main thread is enough for this index and spares a 40 KB worker script; a fixed metaCacheTag lets
        // pagefind-entry.json be cached (by default every load asks for it anew).
        await module.options({ baseUrl: '/', noWorker: true, metaCacheTag: this.version });
        return module;
      });
      // Not an exact ("…") search: that reports only the first occurrence in each page.
      const failed = failedChunks;
      const found = await pagefind.search(word);
      if (failedChunks > failed) throw new Error(`Pagefind could not load the index for ${word}`);
      return (found?.results ?? []).flatMap((result) => result.words).sort((a, b) => a - b);
    });
  }

  /** Until every record is in memory, `first`; if that fails (a blocked WebAssembly, or offline, where the service
   * worker may keep only the `records-<k>.json`), or once they are, `then` from memory. */
  async #orMemory<T>(first: () => Promise<T>, then: () => T): Promise<T> {
    if (!this.#records)
      try {
        return await first();
      } catch (error) {
        await this.loadAll().catch(() => {
          throw error;
        });
      }
    return then();
  }

  /** Every record matching a query, best first. */
  search(query: Query): Promise<Hit[]> {
    const needles = needlesOf(query);
    const fromIndex = async () => {
      const [starts, positions] = await Promise.all([
        this.#wordPositions(START),
        Promise.all(needles.map((needle) => Promise.all(needleWords(needle).map((w) => this.#wordPositions(w))))),
      ]);
      return rankCounts(query, new Map(needles.map((needle, i) => [needle, countsAt(positions[i]!, starts)])));
    };
    return this.#orMemory(fromIndex, () =>
      scan(
        this.#chars!,
        this.#records!.map((r) => r.keys),
        query,
      ),
    );
  }

  /** A record: from its own file, or from memory. */
  #record(n: number): Promise<SearchRecord> {
    return this.#once(`record:${n}`, () =>
      this.#orMemory(
        async () => fromRow(await this.#fetch<RecordRow>(`records/${n}.json`)),
        () => this.#records![n]!,
      ),
    );
  }

  /** Results ready to show: each record and where the query is in its text. */
  shown(hits: Hit[], query: Query): Promise<Shown[]> {
    return Promise.all(
      hits.map(async ({ n }) => {
        const record = await this.#record(n);
        const { lead, bodyStart } = layoutOf(record.meta);
        // The keys stand for the speaker (twice) and the school (twice).
        const fields = record.keys.map((_, i) => searchChars(lead[i >> 1]?.text ?? ''));
        return { record, lead, bodyStart, match: matchText(project(record.text), record.keys, fields, query) };
      }),
    );
  }
}

/** Every record matching a query, best first, from every record's searchable characters (`searchChars`) and keys. */
export const scan = (chars: string[], keys: string[][], query: Query): Hit[] =>
  ranked(query, chars.keys(), (n, needle) => count(chars[n]!, keys[n]!, needle));

/** Every record matching a query, best first, from how often each needle (`needlesOf`) occurs in each record. */
export function rankCounts(query: Query, counts: Map<string, Map<number, number>>): Hit[] {
  const candidates = new Set([...counts.values()].flatMap((found) => [...found.keys()]));
  return ranked(query, candidates, (n, needle) => counts.get(needle)?.get(n) ?? 0);
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
    // The last record starting at or before p.
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    counts.set(lo, (counts.get(lo) ?? 0) + 1);
  }
  return counts;
}
