// @ts-check
// Saves a build's whole offline copy: every page, photo and search file that `offline/files.json` lists and its caches lack,
// six at a time, then the list itself into the pages cache, which marks the copy complete. One implementation for both
// callers: the page, when the reader asks or the site is small (src/scripts/offline.ts), and a new build's service
// worker, which saves its copy while it installs when an earlier build's is complete (src/scripts/sw-offline.js). So
// it is a classic script that sets a global: sw.js can only import it with importScripts.
{
  /** The caches of a build: the same names as the worker's (src/integrations/offline/service-worker.ts).
   * @param {string} base @param {'pages' | 'search'} kind @param {string} build */
  const cacheName = (base, kind, build) => `offline:${base}:${kind}:${build}`;

  /** A file of a newer build than the one being saved: the copy can only be saved from that build's pages.
   * @param {string} url */
  const newBuild = (url) => Object.assign(new Error(`${url}: a new build is out`), { name: 'NewBuildError' });

  /** Fetches a file into a cache; a page only if it is `build`'s (a newer build may be out).
   * @param {Cache} cache @param {string} url @param {string} [build] */
  const save = async (cache, url, build) => {
    const response = await fetch(url, { cache: build ? 'no-cache' : 'default' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    if (build && !(await response.clone().text()).includes(`data-build="${build}"`)) throw newBuild(url);
    await cache.put(url, response);
  };

  self.offlineCopy = {
    cacheName,
    save,
    complete: (base) => `${base}offline/files.json`,
    /** The build's list of what a whole copy holds; a NewBuildError if the site has a newer build. */
    async files(base, build) {
      const list = new URL(this.complete(base), location.href).href;
      const response = await fetch(list, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${list}: HTTP ${response.status}`);
      const files = /** @type {import('../integrations/offline/copy.ts').OfflineFiles} */ (await response.json());
      if (files.build !== build) throw newBuild(list);
      return files;
    },
    /** `keep`, asked before each file, says whether to go on: a worker saving a copy the reader has since removed. */
    async saveAll(base, build, progress, keep = async () => true) {
      const files = await this.files(base, build);
      const names = [cacheName(base, 'pages', build), cacheName(base, 'search', build)];
      const [pages, search] = /** @type {[Cache, Cache]} */ (await Promise.all(names.map((name) => caches.open(name))));
      const jobs = [
        ...files.pages.map((url) => ({ cache: pages, url, build })),
        ...files.media.map((url) => ({ cache: pages, url, build: undefined })),
        ...files.search.map((url) => ({ cache: search, url, build: undefined })),
      ];
      let next = 0;
      let done = 0;
      let stopped = false;
      const work = async () => {
        for (let job = jobs[next++]; job && !stopped; job = jobs[next++])
          try {
            if (!(await keep())) throw new Error('no longer wanted');
            if (!(await job.cache.match(job.url))) await save(job.cache, job.url, job.build);
            progress(++done, jobs.length);
          } catch (error) {
            stopped = true;
            throw error;
          }
      };
      // Settled, not raced: after a failure no file is still being saved, and no progress is reported.
      const ended = await Promise.allSettled(Array.from({ length: 6 }, work));
      const failed = ended.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      await pages.put(this.complete(base), new Response(JSON.stringify(files)));
      // Deleted meanwhile (the copy removed, or a worker activating), a cache takes what is put in it and keeps nothing.
      for (const name of names) if (!(await caches.has(name))) throw new Error(`${name}: deleted while saving`);
    },
  };
}
