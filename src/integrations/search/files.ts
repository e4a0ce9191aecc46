// The search files of a built site, in memory (docs/search.md): Pagefind's runtime and its index (one Pagefind page
// holding every record's words, tokens.ts), how many index words each record has (`search-index/lengths.json`),
// and one file per record (`search-index/records/<n>.json`), beside the `records-<k>.json` the pages wrote.
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../../scripts/search/record.ts';
import { searchChars } from '../../scripts/search/text.ts';
import { recordWords } from '../../scripts/search/tokens.ts';

/** Throws with Pagefind's own messages when a call reports errors. */
function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** What the search page loads of Pagefind's output: its library, WebAssembly, metadata and index. Its UIs, worker
 * and fragment (the words again, which the record files carry as text) are left out. */
const RUNTIME = /^(pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/.+)$/;

/** Builds the search files for the records, in archive order; paths are relative to the site's base. */
export async function searchFiles(records: SearchRecord[]): Promise<Map<string, Uint8Array>> {
  // The words are ASCII, so no language's segmentation or stemming applies: `und` (BCP 47's "undetermined") spares
  // Pagefind's Chinese segmenter a pass over every word. The search page, in zh-CN, falls back to this index.
  const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: 'und' }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  try {
    // One page holding every record, one after the other, so a word's position says which record it is in
    // (lengths.json): Pagefind's metadata, which every first search loads, lists every page, and at 8,000 remarks a
    // page per record made it too large for the first search's budget.
    const lengths: number[] = [];
    const content = records
      .map((record) => {
        const words = recordWords(searchChars(record.text));
        lengths.push(words.length);
        return words.join(' ');
      })
      .join(' ');
    check('addCustomRecord', await index.addCustomRecord({ url: '/', content, language: 'und' }));
    const { files } = check('getFiles', await index.getFiles());
    const out = new Map<string, Uint8Array>();
    for (const file of files) {
      const path = file.path.replace(/\\/g, '/').replace(/^\/+/, '');
      if (RUNTIME.test(path)) out.set(`pagefind/${path}`, file.content);
    }
    const encoder = new TextEncoder();
    out.set('search-index/lengths.json', encoder.encode(JSON.stringify(lengths)));
    for (const [n, record] of records.entries())
      out.set(`search-index/records/${n}.json`, encoder.encode(JSON.stringify(record)));
    return out;
  } finally {
    await index.deleteIndex();
  }
}

/** The version of the search files: a hash of every path and content, so that any change to the text, the index
 * or the files' format gives the search page new URLs (nothing cached from another build answers). */
export function filesTag(files: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\n`).update(files.get(path)!);
  return hash.digest('hex').slice(0, 12);
}

/** Stops Pagefind's background process, so that `astro build` can exit. */
export const closePagefind = () => pagefind.close();
