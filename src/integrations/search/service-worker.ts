// Writes `<base>sw.js`: the service worker template (`src/scripts/sw.js`) with the list of files to cache and a
// version derived from their contents, so a new build (pages or index) installs a new cache and drops the old one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether a built file belongs in the offline cache. The one-record files are left out: `records-<k>.json` hold
 * the same records a thousand to a file, a few downloads instead of thousands, and the search page reads those when
 * a record's own file cannot be fetched.
 */
function cached(path: string): boolean {
  return !/(^|\/)\.|\.map$|^sw\.js$|^sitemap[^/]*\.xml$|^search-index\/records\//.test(path);
}

/** The URL (relative to the base) a static host serves a built file at: `a/index.html` is `a/`. */
function urlOf(path: string): string {
  return path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1');
}

export interface Manifest {
  version: string;
  base: string;
  /** URLs relative to the base; '' is the home page. */
  files: string[];
}

/**
 * Lists the files of a built site to cache, with a version that changes whenever any of them does. The search files
 * (`search-index/`) are listed with the version the search page asks for them with (`?v=<searchTag>`): the README
 * has hosts cache those a year, and a CDN keeps a copy per address, so the worker asks for exactly this build's.
 */
export async function offlineManifest(dir: string, base: string, searchTag: string): Promise<Manifest> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(cached)
    .sort();
  const hash = createHash('sha256');
  // Read synchronously: an archive has thousands of small files, and each asynchronous read costs four trips
  // through libuv's thread pool (open, stat, read, close), several times the read itself.
  for (const path of paths)
    hash.update(
      `${path}\0${createHash('sha256')
        .update(readFileSync(join(dir, path)))
        .digest('hex')}\n`,
    );
  const url = (path: string) => urlOf(path) + (path.startsWith('search-index/') ? `?v=${searchTag}` : '');
  return { version: hash.digest('hex').slice(0, 16), base, files: paths.map(url) };
}

/** Writes `sw.js` into a built site from the template, with the site's manifest. Returns the manifest. */
export async function writeServiceWorker(
  dirUrl: URL,
  base: string,
  template: URL,
  searchTag: string,
): Promise<Manifest> {
  const dir = fileURLToPath(dirUrl);
  const manifest = await offlineManifest(dir, base, searchTag);
  const source = await readFile(template, 'utf8');
  const line = /^const MANIFEST = .*;$/m;
  if (!line.test(source)) throw new Error(`${fileURLToPath(template)}: no "const MANIFEST = …;" line to fill in`);
  await writeFile(
    join(dir, 'sw.js'),
    source.replace(line, () => `const MANIFEST = ${JSON.stringify(manifest)};`),
  );
  return manifest;
}
