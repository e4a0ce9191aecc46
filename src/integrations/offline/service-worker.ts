// Writes `<base>sw.js` with Workbox's generateSW: the shell precached (a revision per file, so a new build fetches
// only what changed), pages network first (the next load serves a new build; offline, the cache, then the offline
// page), photos and search files cache first (named by their content or version). Pages with their photos, and search
// files, are cached per build, `offline:<base>:<pages|search>:<build>`, so nothing offline mixes two builds
// (src/scripts/offline.ts); what generateSW cannot say is in sw-offline.js, which sw.js imports.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

/** How the worker caches pages: without the query (the search page's ?q= is one page), and only this build's (one
 * fetched while an older worker still controls is the next worker's). generateSW writes a plugin's functions into
 * sw.js as their source text, so the build goes into that text. */
export const pagePlugin = (build: string) => ({
  cacheKeyWillBeUsed: ({ request }: { request: Request }) => Promise.resolve(request.url.replace(/[?#].*$/, '')),
  cacheWillUpdate: Object.assign(() => Promise.resolve(null), {
    toString: () => `async ({ response }) => response.status === 200 &&
      (await response.clone().text()).includes('data-build="${build}"') ? response : null`,
  }),
});

/** The search files' addresses under a base, as requests carry them: percent-encoded, so a base such as /党建/ or one
 * with a space matches too. */
export const searchFilesPattern = (base: string) =>
  new RegExp(
    `^https?://[^/]+${new URL(base, 'http://x').pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}search-index/`,
  );

export async function writeServiceWorker(dir: string, base: string, build: string, shell: string[]): Promise<number> {
  const cache = (kind: string) => `offline:${base}:${kind}:${build}`;
  // The saving of a whole copy, shared with the page, then the worker's own part (src/scripts/sw-offline.js).
  const scripts = ['offline-save.js', 'sw-offline.js'].map((name) => new URL(`../../scripts/${name}`, import.meta.url));
  const sources = await Promise.all(scripts.map((url) => readFile(url, 'utf8')));
  await writeFile(
    join(dir, 'sw-offline.js'),
    [`self.offlineWorker = ${JSON.stringify({ base, build })};`, ...sources].join('\n'),
  );
  const { count } = await generateSW({
    importScripts: ['sw-offline.js'],
    swDest: join(dir, 'sw.js'),
    globDirectory: dir,
    globPatterns: [...shell, 'offline.json'],
    dontCacheBustURLsMatching: /^_astro\//,
    // The runtime in sw.js itself: no request to another host, no other file.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // A new worker waits until a page asks (src/scripts/update-notice.ts), then takes every open page.
    skipWaiting: false,
    clientsClaim: true,
    // Off: it deletes any precache whose name holds this worker's scope, so a site at an origin's root would delete
    // those of every site under a sub-path of it (a project site under its owner's user site). It only removes
    // precaches of Workbox before version 4; a new build's worker drops the old build's entries on activate anyway.
    cleanupOutdatedCaches: false,
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: cache('pages'),
          precacheFallback: { fallbackURL: 'offline/index.html' },
          plugins: [pagePlugin(build)],
        },
      },
      {
        // Photos, as pages show them: named by their content, so the cached one is always right.
        urlPattern: ({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
        handler: 'CacheFirst',
        options: { cacheName: cache('pages') },
      },
      {
        urlPattern: searchFilesPattern(base),
        handler: 'CacheFirst',
        // Pagefind asks for pagefind-entry.json with a timestamp.
        options: { cacheName: cache('search'), matchOptions: { ignoreSearch: true } },
      },
    ],
  });
  return count;
}
