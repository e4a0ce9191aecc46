// Runs a query: Pagefind narrows the records to those holding the query, or its words, as consecutive characters
// (exact phrase searches over the one-character index words), then each candidate's original text decides whether
// and how well it matches (see match.ts). Pagefind is loaded on first use only.
import { matchText, type Match } from './match.ts';
import type { Query } from './query.ts';
import { leadOf, type RecordMeta } from './record.ts';
import { project, restoreText, type Projection } from './text.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A record as the page uses it, parsed once per Pagefind id. */
export interface SearchDoc {
  url: string;
  meta: RecordMeta;
  filters: Record<string, string[]>;
  /** The whole text (lead, then body); match ranges are offsets into it. */
  text: string;
  /** Where each lead field (speaker and school, or title) starts in `text`, and where the body starts. */
  lead: { text: string; start: number }[];
  bodyStart: number;
  projection: Projection;
}

export interface Hit {
  doc: SearchDoc;
  match: Match;
}

/** Reads a Pagefind fragment back into a record: the lead fields are the first words of the text (see recordText). */
function toDoc(data: PagefindData): SearchDoc {
  const { gaps, ...rest } = data.meta;
  const meta = rest as unknown as RecordMeta;
  const content = restoreText(data.content, gaps);
  const lead: SearchDoc['lead'] = [];
  let at = 0;
  for (const field of leadOf(meta)) {
    if (content.startsWith(field, at)) {
      lead.push({ text: field, start: at });
      at += field.length + 1;
    }
  }
  return { url: data.url, meta, filters: data.filters, text: content, lead, bodyStart: Math.min(at, content.length), projection: project(content) };
}

/** Exact phrase first, then more occurrences, then reading order. */
function compare(a: Hit, b: Hit): number {
  return a.match.tier - b.match.tier || b.match.hits - a.match.hits || Number(a.doc.meta.order) - Number(b.doc.meta.order);
}

/** Search over one Pagefind bundle; loads it on the first query. */
export class SearchEngine {
  #bundle: string;
  #cacheTag: string;
  #pagefind: Promise<Pagefind> | undefined;
  #docs = new Map<string, Promise<SearchDoc>>();
  #phrases = new Map<string, Promise<Map<string, PagefindResult>>>();

  constructor(bundle: string, cacheTag: string) {
    this.#bundle = bundle;
    this.#cacheTag = cacheTag;
  }

  /** Whether Pagefind has been asked for yet (the first query shows a loading message). */
  get loaded(): boolean {
    return this.#pagefind !== undefined;
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ this.#bundle)) as Pagefind;
      // Record URLs already carry the base. The main thread is enough for this index and spares a 40 KB worker
      // script. A fixed metaCacheTag lets pagefind-entry.json be cached (the default is a new ?ts= on every load).
      await pagefind.options({ baseUrl: '/', noWorker: true, metaCacheTag: this.#cacheTag });
      await pagefind.init();
      return pagefind;
    })();
    this.#pagefind.catch(() => (this.#pagefind = undefined));
    return this.#pagefind;
  }

  /** Pagefind's results for one needle as an exact phrase of index words (one per character), by id; cached. */
  #exact(pagefind: Pagefind, needle: string): Promise<Map<string, PagefindResult>> {
    let found = this.#phrases.get(needle);
    if (!found) {
      found = pagefind.search(`"${[...needle].join(' ')}"`).then((r) => new Map((r?.results ?? []).map((x) => [x.id, x])));
      this.#phrases.set(needle, found);
      found.catch(() => this.#phrases.delete(needle));
    }
    return found;
  }

  /**
   * The records that can match: for every term, those holding it or every one of its words, each as consecutive
   * index words (Pagefind's exact phrase search over the one-character words). This is what `matchText` accepts, so
   * only (nearly) real results are fetched, instead of every record holding the query's characters anywhere.
   */
  async #candidates(pagefind: Pagefind, query: Query): Promise<PagefindResult[]> {
    let ids: Map<string, PagefindResult> | undefined;
    for (const term of query.terms) {
      const whole = await this.#exact(pagefind, term.text);
      const found = new Map(whole);
      const words = term.words.filter((w) => w !== term.text);
      if (words.length) {
        const sets = await Promise.all(words.map((w) => this.#exact(pagefind, w)));
        for (const [id, result] of sets[0]!) if (sets.every((set) => set.has(id))) found.set(id, result);
      }
      ids = ids ? new Map([...ids].filter(([id]) => found.has(id))) : found;
    }
    return [...(ids ?? new Map()).values()];
  }

  /** The records matching a query, best first. */
  async search(query: Query): Promise<Hit[]> {
    const pagefind = await this.#load();
    const found = await this.#candidates(pagefind, query);
    const docs = await Promise.all(
      found.map((result) => {
        let doc = this.#docs.get(result.id);
        if (!doc) this.#docs.set(result.id, (doc = result.data().then(toDoc)));
        return doc;
      }),
    );
    const hits: Hit[] = [];
    for (const doc of docs) {
      const match = matchText(doc.projection, query);
      if (match) hits.push({ doc, match });
    }
    return hits.sort(compare);
  }
}
