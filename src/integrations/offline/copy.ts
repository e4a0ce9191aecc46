// The offline copy of a built site: which files a reader's browser keeps, grouped by how they are kept, and how many
// bytes the whole copy transfers. Written as `offline.json` (the build and its size; the service worker precaches it,
// so a page learns from it which build its worker belongs to) and `offline/files.json` (what "save all" fetches).
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A site whose whole copy transfers at most this much is saved whole on the first visit; a larger one as read, and
 * whole when the reader asks. `OFFLINE_WHOLE_LIMIT` (bytes, at build time) overrides it, for the tests. */
export const WHOLE_LIMIT = 2 * 1024 * 1024;

export interface OfflineCopy {
  build: string;
  /** Bytes the whole copy transfers, gzip where a host compresses (text files). */
  bytes: number;
  /** Whether the first visit saves it whole. */
  whole: boolean;
  /** What the site needs to work, relative to the site: scripts, styles, the offline and 404 pages. Precached. */
  shell: string[];
  /** Every page's URL path, base included: cached as read, or by "save all". */
  pages: string[];
  /** The photos, every width of each, base included: cached as shown, or by "save all"; kept with the pages. */
  media: string[];
  /** The search files "save all" fetches, base included: every one but the one-record files, which the search page
   * does without offline (it reads `records-<k>.json` instead). */
  search: string[];
}

/** Photos: a page shows one width of each, so they are saved as shown, not precached with what every page needs. */
const MEDIA = /\.(avif|webp|png|jpe?g|gif)$/i;

/** Text a host sends compressed; Pagefind's index files are compressed already. */
const COMPRESSED = /\.(html|css|js|mjs|json|svg|xml|txt)$/;

export async function offlineCopy(dir: string, base: string, build: string): Promise<OfflineCopy> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(
      (path) => !/(^|\/)\.|\.map$|^sw(-offline)?\.js$|^sitemap[^/]*\.xml$|^offline(\.json|\/files\.json)$/.test(path),
    )
    .filter((path) => !/^search-index\/[^/]+\/records\//.test(path))
    .sort();
  let bytes = 0;
  const copy: OfflineCopy = { build, bytes, whole: false, shell: [], pages: [], media: [], search: [] };
  for (const path of paths) {
    // Read synchronously: each asynchronous read costs four trips through libuv's thread pool.
    const body = readFileSync(join(dir, path));
    bytes += COMPRESSED.test(path) ? gzipSync(body).length : body.length;
    if (path.startsWith('search-index/')) copy.search.push(base + path);
    else if (path.endsWith('.html') && !/^(404|offline\/index)\.html$/.test(path))
      copy.pages.push(base + path.replace(/(^|\/)index\.html$/, '$1'));
    else if (MEDIA.test(path)) copy.media.push(base + path);
    else copy.shell.push(path);
  }
  const limit = Number(process.env.OFFLINE_WHOLE_LIMIT ?? WHOLE_LIMIT);
  return { ...copy, bytes, whole: bytes <= limit };
}

/** `offline.json`: which build, how large its whole copy, and whether the first visit saves it whole. */
export type OfflineInfo = Pick<OfflineCopy, 'build' | 'bytes' | 'whole'>;
/** `offline/files.json`: what "save all" fetches. */
export type OfflineFiles = Pick<OfflineCopy, 'build' | 'pages' | 'media' | 'search'>;

/** Writes `offline.json` and `offline/files.json` into a built site. */
export async function writeOfflineCopy(dir: string, copy: OfflineCopy): Promise<void> {
  const { build, bytes, whole, pages, media, search } = copy;
  await writeFile(join(dir, 'offline.json'), JSON.stringify({ build, bytes, whole }));
  await writeFile(join(dir, 'offline', 'files.json'), JSON.stringify({ build, pages, media, search }));
}
