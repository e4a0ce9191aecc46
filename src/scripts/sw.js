// @ts-check
// The service worker: after one online visit every page and the search work offline. The build fills in MANIFEST
// (src/integrations/search/service-worker.ts); a new build changes its version, so the browser installs this worker
// again and the old cache is deleted on activation.

/** @type {{ version: string, base: string, files: string[] }} */
const MANIFEST = { version: 'dev', base: '/', files: [] };

const PREFIX = `offline:${MANIFEST.base}:`;
const CACHE = PREFIX + MANIFEST.version;

/** The worker's global scope, typed by hand: the project's TypeScript setup has the DOM library, not WebWorker's.
 * @type {{ location: Location, skipWaiting(): Promise<void>, clients: { claim(): Promise<void> },
 *   addEventListener(type: string, listener: (event: any) => void): void }} */
const worker = /** @type {any} */ (self);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        MANIFEST.files.map(async (file) => {
          const url = MANIFEST.base + file;
          // Bypass the HTTP cache: the files must be this build's.
          const response = await fetch(url, { cache: 'reload' });
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          // A redirected response cannot answer a navigation: store its body afresh.
          const { status, statusText, headers } = response;
          await cache.put(
            url,
            response.redirected ? new Response(await response.blob(), { status, statusText, headers }) : response,
          );
        }),
      );
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await worker.clients.claim();
    })(),
  );
});

/** Cache first: the cache holds exactly one build, so pages, scripts and index always match each other. */
async function respond(/** @type {Request} */ request) {
  const cache = await caches.open(CACHE);
  // ignoreSearch: the search page carries its query (?q=), and the search files their version (?v=, this build's).
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = request.mode === 'navigate' ? await cache.match(`${MANIFEST.base}404.html`) : undefined;
    if (notFound) return notFound;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'GET' && url.origin === worker.location.origin && url.pathname.startsWith(MANIFEST.base))
    event.respondWith(respond(event.request));
});
