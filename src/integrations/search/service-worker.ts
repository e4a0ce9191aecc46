// Writes `<base>sw.js`: the service worker template (`src/scripts/sw.js`) with the list of files to cache and a
// version derived from their contents, so that a new build installs a new cache and drops the old one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Manifest {
  version: string;
  base: string;
  /** URLs relative to the base; '' is the home page. */
  files: string[];
}

/**
 * Lists the files of a built site to cache, with a version that changes whenever any of them does. Left out: the
 * one-record files, which `records-<k>.json` hold a thousand to a file (the search page reads those offline).
 */
export async function offlineManifest(dir: string, base: string): Promise<Manifest> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !/(^|\/)\.|\.map$|^sw\.js$|^sitemap[^/]*\.xml$|^search-index\/[^/]+\/records\//.test(path))
    .sort();
  const hash = createHash('sha256');
  // Read synchronously: each asynchronous read costs four trips through libuv's thread pool.
  for (const path of paths)
    hash.update(
      `${path}\0${createHash('sha256')
        .update(readFileSync(join(dir, path)))
        .digest('hex')}\n`,
    );
  // A host serves `a/index.html` at `a/`.
  const url = (path: string) => path.replace(/(^|\/)index\.html$/, '$1');
  return { version: hash.digest('hex').slice(0, 16), base, files: paths.map(url) };
}

/** Writes `sw.js` into a built site from the template, with the site's manifest. Returns the manifest. */
export async function writeServiceWorker(dirUrl: URL, base: string, template: URL): Promise<Manifest> {
  const dir = fileURLToPath(dirUrl);
  const manifest = await offlineManifest(dir, base);
  const source = await readFile(template, 'utf8');
  const line = /^const MANIFEST = .*;$/m;
  if (!line.test(source)) throw new Error(`${fileURLToPath(template)}: no "const MANIFEST = …;" line to fill in`);
  await writeFile(
    join(dir, 'sw.js'),
    source.replace(line, () => `const MANIFEST = ${JSON.stringify(manifest)};`),
  );
  return manifest;
}
