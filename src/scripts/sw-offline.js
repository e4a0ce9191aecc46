// @ts-check
// Imported by sw.js (src/integrations/offline/service-worker.ts), which generateSW writes; this is what it cannot say.
// The build writes it after src/scripts/offline-save.js, into one file, with `self.offlineWorker` set to the site's
// base and build. A block: sw.js's own top-level names share this script's global scope.
{
  const worker = /** @type {any} */ (self);
  const { base, build } = /** @type {{ base: string, build: string }} */ (worker.offlineWorker);
  const prefix = `offline:${base}:`;
  /** Caches of other builds' copies (and of the worker before Workbox). */
  const others = async () =>
    (await caches.keys()).filter((name) => name.startsWith(prefix) && !name.endsWith(`:${build}`));

  /** A search file's name in its build's folder. @param {string} path */
  const fileName = (path) => path.slice(path.lastIndexOf('/') + 1);

  /** This build's versions of what earlier builds' caches kept, those it still has: the pages and photos at the same
   * address, and the search files of the same name (each `records-<k>.json`, so that search works offline from the
   * records as before, and Pagefind's runtime; its index files are named by their content).
   * @param {string[]} names */
  const saveRead = async (names) => {
    const kept = new Set();
    const keptSearch = new Set();
    for (const name of names)
      for (const request of await (await caches.open(name)).keys()) {
        const path = decodeURI(new URL(request.url).pathname);
        if (name.includes(':search:')) keptSearch.add(fileName(path));
        else kept.add(path);
      }
    if (!kept.size && !keptSearch.size) return;
    const files = await self.offlineCopy.files(base, build);
    /** @param {'pages' | 'search'} kind @param {string[]} urls */
    const saveEach = async (kind, urls) => {
      if (!urls.length) return;
      const cache = await caches.open(self.offlineCopy.cacheName(base, kind, build));
      for (const url of urls)
        await self.offlineCopy.save(cache, url, files.pages.includes(url) ? build : undefined).catch(() => {});
    };
    await saveEach(
      'pages',
      [...files.pages, ...files.media].filter((url) => kept.has(url)),
    );
    await saveEach(
      'search',
      files.search.filter((url) => keptSearch.has(fileName(url))),
    );
  };

  /** Saves what the reader had of earlier builds, in this build, while this worker installs. */
  const saveCopy = async () => {
    const older = await others();
    // The hand-written worker before Workbox (caches offline:<base>:<version>): its pages never ask a new worker
    // to take over, so a reader would keep the old site until every tab of it closed. This one takes over at once.
    if (older.some((name) => /:[0-9a-f]{16}$/.test(name))) await worker.skipWaiting();
    // A reader's complete copy outlives its build: this build's is saved before this worker can take over, or the
    // install fails (offline, a newer build out) and the earlier worker stays, with its copy. What is saved is
    // kept for the next try.
    const marker = self.offlineCopy.complete(base);
    const read = older.filter((name) => name.includes(':pages:'));
    for (const name of read)
      if (await (await caches.open(name)).match(marker)) {
        // Removed meanwhile ("删除离线副本"): not saved after all, and what was saved of it goes.
        const wanted = async () => Boolean(await caches.match(marker, { cacheName: name }));
        await self.offlineCopy
          .saveAll(base, build, () => {}, wanted)
          .catch(async (/** @type {unknown} */ error) => {
            if (await wanted()) throw error;
            for (const kind of /** @type {const} */ (['pages', 'search']))
              await caches.delete(self.offlineCopy.cacheName(base, kind, build));
          });
        return;
      }
    // A reader who kept only what they read keeps it too, as far as this build has it: its versions of those pages,
    // photos and search files, fetched while installing. What cannot be (offline, a page gone) is read again online.
    await saveRead(older).catch(() => {});
  };

  worker.addEventListener('install', (/** @type {any} */ event) => {
    // An older worker that activates while this one installs (a reader took the build before this one meanwhile, or
    // closed its last tab) deletes what this one has precached and saved: Workbox keeps only the files its own build
    // lists, and the activate below only its own build's caches. The install then fails, and the browser's next check
    // installs again. So that the check comes last, this listener also waits for what later ones (Workbox's precache)
    // hand to the same event.
    const alongside = /** @type {Promise<unknown>[]} */ ([]);
    const waitUntil = event.waitUntil.bind(event);
    event.waitUntil = (/** @type {Promise<unknown>} */ promise) => {
      alongside.push(promise);
      waitUntil(promise);
    };
    const active = worker.registration.active;
    const settled = active?.state !== 'activating';
    waitUntil(
      (async () => {
        await saveCopy();
        await Promise.allSettled(alongside);
        if (!settled || worker.registration.active !== active)
          throw new Error(
            'An older worker activated while this one installed: the next update check installs it again',
          );
      })(),
    );
  });

  // Only now are other builds' caches deleted: no page is left that reads them. (A newer build's worker installing at
  // this moment, two deploys apart, fails its install, to be tried again: see above.)
  worker.addEventListener('activate', (/** @type {any} */ event) => {
    event.waitUntil(others().then((names) => Promise.all(names.map((name) => caches.delete(name)))));
  });
}
