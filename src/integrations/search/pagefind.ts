// Builds the Pagefind index from the search records with Pagefind's Node API (no HTML is crawled).
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { SearchRecord } from '../../scripts/search/record.ts';
import { indexContent } from '../../scripts/search/text.ts';

/** Throws with Pagefind's own messages when a call reports errors. */
function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** Records per fragment file: a search needs the text of every candidate, and one gzip stream of 17 records is
 * half the size of 17 small ones (6 KB instead of 13 KB for the 2015 report), so fragments travel in groups. */
const RECORDS_PER_FRAGMENT_FILE = 24;

/**
 * One custom record per search record: the text's letters and digits, one word each (see `indexContent`; the
 * punctuation and spaces travel in the `gaps` meta field), metadata
 * for the result list and filters for the facets. `title` is left out on purpose: Pagefind would index it with
 * its own segmentation, which is what this index avoids.
 */
export async function createSearchIndex(records: SearchRecord[]): Promise<PagefindIndex> {
  const maxFragments = Math.max(1, Math.ceil(records.length / RECORDS_PER_FRAGMENT_FILE));
  const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: 'zh', maxFragments }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  for (const record of records) {
    const filters = Object.fromEntries(Object.entries(record.filters).filter(([, v]) => v?.length)) as Record<string, string[]>;
    const { content, gaps } = indexContent(record.text);
    check(
      `addCustomRecord ${record.url}`,
      await index.addCustomRecord({ url: record.url, content, language: 'zh', meta: { ...record.meta, gaps }, filters }),
    );
  }
  return index;
}

/** Writes the bundle to `outputPath` (a `pagefind/` folder of the built site). */
export async function writeSearchIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  check('writeFiles', await index.writeFiles({ outputPath }));
}

/** The bundle's files in memory, for the dev server. */
export async function searchIndexFiles(index: PagefindIndex): Promise<Map<string, Uint8Array>> {
  const { files } = check('getFiles', await index.getFiles());
  return new Map(files.map((f) => [f.path.replace(/\\/g, '/').replace(/^\/+/, ''), f.content]));
}

/** Stops Pagefind's background process, so `astro build` can exit. */
export const closePagefind = () => pagefind.close();
