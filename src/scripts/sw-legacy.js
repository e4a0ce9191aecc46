// @ts-check
// Imported by sw.js (src/integrations/offline/service-worker.ts). The hand-written worker before Workbox answered
// every page from its cache, and its pages never ask a new worker to take over, so a reader would keep the old site
// until every tab of it closed. Where that worker's cache is found (offline:<base>:<version>), the new worker takes
// over at once; the page then deletes the cache (src/scripts/offline.ts).
// A block: sw.js's own top-level names share this script's global scope.
{
  const worker = /** @type {any} */ (self);
  worker.addEventListener('install', (/** @type {any} */ event) => {
    event.waitUntil(
      (async () => {
        if ((await caches.keys()).some((key) => /^offline:.*:[0-9a-f]{16}$/.test(key))) await worker.skipWaiting();
      })(),
    );
  });
}
