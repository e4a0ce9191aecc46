// Runs a query: Pagefind narrows the records to those holding every character of it, then each candidate's
// original text decides whether and how well it matches (see match.ts). Pagefind is loaded on first use only.
import { matchText, type Match } from './match.ts';
import type { Query } from './query.ts';
import { leadOf, type RecordMeta } from './record.ts';
import { project, type Projection } from './text.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<PagefindData> }[] } | null>;
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
  const meta = data.meta as unknown as RecordMeta;
  const lead: SearchDoc['lead'] = [];
  let at = 0;
  for (const field of leadOf(meta)) {
    if (data.content.startsWith(field, at)) {
      lead.push({ text: field, start: at });
      at += field.length + 1;
    }
  }
  return { url: data.url, meta, filters: data.filters, text: data.content, lead, bodyStart: Math.min(at, data.content.length), projection: project(data.content) };
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

  /** The records matching a query, best first. */
  async search(query: Query): Promise<Hit[]> {
    const pagefind = await this.#load();
    const found = await pagefind.search(query.pagefindTerm);
    const docs = await Promise.all(
      (found?.results ?? []).map((result) => {
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
