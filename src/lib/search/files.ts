// The search files of a built site (docs/search.md), made once per build and published under a folder named by their
// version, `search-index/<version>/`: Pagefind's runtime and index (one Pagefind page holding every record's words,
// tokens.ts), every record a thousand to a file, and each record alone.
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import { searchChars } from '../../scripts/search/text.ts';
import { toRow } from '../../scripts/search/record.ts';
import { pageWords, recordWords } from '../../scripts/search/tokens.ts';
import { searchRecords } from './records.ts';

export interface SearchFiles {
  /** A hash of every file: any change to the text, the index or the files' format gives them a new folder. */
  version: string;
  /** How many `records-<k>.json` there are. */
  bulkFiles: number;
  /** Paths relative to the version's folder. */
  files: Map<string, Uint8Array>;
}

/** Throws with Pagefind's own messages when a call reports errors. */
function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** What the search page loads of Pagefind's output: its library, WebAssembly, metadata and index. Its UIs, worker
 * and fragment (the words again, which the record files carry as text) are left out. */
const RUNTIME = /^(pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/.+)$/;

/** Pagefind's files for the records' words, every record in one page. */
async function pagefindFiles(words: string[][]): Promise<[string, Uint8Array][]> {
  // The words are ASCII, so no language's segmentation or stemming applies: `und` (BCP 47's "undetermined") spares
  // Pagefind's Chinese segmenter a pass over every word. The search page, in zh-CN, falls back to this index.
  const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: 'und' }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  try {
    const content = pageWords(words)
      .map((w) => w.join(' '))
      .join(' ');
    check('addCustomRecord', await index.addCustomRecord({ url: '/', content, language: 'und' }));
    const { files } = check('getFiles', await index.getFiles());
    return files
      .map((file) => [file.path.replace(/\\/g, '/').replace(/^\/+/, ''), file.content] as [string, Uint8Array])
      .filter(([path]) => RUNTIME.test(path))
      .map(([path, content]) => [`pagefind/${path}`, content]);
  } finally {
    await index.deleteIndex();
    // Pagefind's process would keep `astro build` from exiting.
    await pagefind.close();
  }
}

async function make(): Promise<SearchFiles> {
  const started = performance.now();
  const records = await searchRecords();
  const words = records.map((record) => recordWords(searchChars(record.text), record.keys));
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  // A thousand records to a file, so that loading them never holds the search page up for long (one parse per file).
  // The tests set a few, so that the seed's records span several.
  const perFile = Number(process.env.SEARCH_RECORDS_PER_FILE ?? 1000);
  const bulkFiles = Math.max(1, Math.ceil(records.length / perFile));
  const files = new Map<string, Uint8Array>([
    ...(await pagefindFiles(words)),
    ...records.map((record, n) => [`records/${n}.json`, json(toRow(record))] as const),
    ...Array.from({ length: bulkFiles }, (_, k) => {
      return [`records-${k}.json`, json(records.slice(k * perFile, (k + 1) * perFile).map(toRow))] as const;
    }),
  ]);
  // The benchmark reads this line (scripts/bench.ts).
  console.info(`搜索索引：${records.length} 条记录，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return { version: filesVersion(files), bulkFiles, files };
}

let made: Promise<SearchFiles> | undefined;

/** The search files, made once per build (and once per `astro dev` session). */
export const searchFiles = () => (made ??= make());

/** The version of some files: a hash of every path and content. */
export function filesVersion(files: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\n`).update(files.get(path)!);
  return hash.digest('hex').slice(0, 12);
}
