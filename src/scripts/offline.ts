// The offline copy, in the page, loaded by src/scripts/register-sw.ts once a worker is registered. The worker (sw.js)
// keeps the shell and caches each page as it is read; this script caches the page the first visit loaded before the
// worker, deletes other builds' caches, and saves the rest of the site: on the first visit where the whole copy is
// small (offline.json says) and the reader is not saving data, or when the reader asks (the footer's control,
// src/components/OfflineControl.astro, which also removes it). It imports nothing the page has loaded, so that
// loading it needs no preloading helper.
import type { OfflineFiles, OfflineInfo } from '../integrations/offline/copy.ts';
import { watchUpdates } from './update-notice.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const pageBuild = document.documentElement.dataset.build ?? '';
const prefix = `offline:${base}:`;
/** The same names as the worker's (src/integrations/offline/service-worker.ts). */
const cacheOf = (kind: 'pages' | 'search', build: string) => caches.open(`${prefix}${kind}:${build}`);
/** Kept in a build's pages cache once its whole copy is saved. */
const complete = `${base}offline/files.json`;
/** localStorage: the reader asked for the whole copy, and a new build's is saved too. */
const chosen = `${prefix}whole`;
const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');
/** The reader has asked to save data (Save-Data): nothing is downloaded for the copy unasked, not even a small site
 * whole or a new build of the copy they chose; the control offers it instead. */
const savingData = Boolean((navigator as { connection?: { saveData?: boolean } }).connection?.saveData);

/** offline.json as the worker controlling the page serves it, from its precache: the worker's build. */
async function controllerInfo(): Promise<OfflineInfo | undefined> {
  if (!navigator.serviceWorker.controller) return undefined;
  const response = await fetch(`${base}offline.json`);
  return response.ok ? ((await response.json()) as OfflineInfo) : undefined;
}

/** Fetches a file into a build's cache; a page only if it is that build's (a newer one may be out). */
async function save(cache: Cache, url: string, build?: string): Promise<void> {
  const response = await fetch(url, { cache: build ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (build && !(await response.clone().text()).includes(`data-build="${build}"`)) throw new Error(`${url}: new build`);
  await cache.put(url, response);
}

let saving: Promise<void> | undefined;

/** Saves every page and search file of `build` not saved yet, six at a time. */
function saveAll(build: string, progress: (done: number, total: number) => void): Promise<void> {
  return (saving ??= (async () => {
    const files = (await (await fetch(complete, { cache: 'no-cache' })).json()) as OfflineFiles;
    if (files.build !== build) throw new Error('a new build is out');
    const [pages, search] = await Promise.all([cacheOf('pages', build), cacheOf('search', build)]);
    const jobs = [
      ...files.pages.map((url) => [pages, url, build] as const),
      ...files.search.map((url) => [search, url] as const),
    ];
    let next = 0;
    let done = 0;
    const work = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const [cache, url, pageOf] = job;
        if (!(await cache.match(url))) await save(cache, url, pageOf);
        progress(++done, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: 6 }, work));
    await pages.put(complete, new Response(JSON.stringify(files)));
  })().finally(() => (saving = undefined)));
}

/** The footer's control, on a site too large to save whole on the first visit, or for a reader saving data. */
function control(info: OfflineInfo, saved: boolean) {
  const el = document.querySelector<HTMLElement>('.offline-control');
  const [save, remove] = el?.querySelectorAll('button') ?? [];
  const bar = el?.querySelector('progress');
  const status = el?.querySelector('.offline-status');
  if (!el || !save || !remove || !bar || !status) return;
  const t = el.dataset;
  const fill = (text = '', n: string | number) => text.replace('{}', String(n));
  const show = (state: 'none' | 'saving' | 'saved' | 'failed', text: string) => {
    el.dataset.state = state;
    save.hidden = state === 'saving' || state === 'saved';
    remove.hidden = state !== 'saved';
    bar.classList.toggle('offline-idle', state !== 'saving');
    status.textContent = text;
  };
  const run = async (asked: boolean) => {
    localStorage.setItem(chosen, info.build);
    let said = -1;
    show('saving', fill(t.saving, 0));
    let ended: 'saved' | 'failed';
    try {
      await saveAll(info.build, (done, total) => {
        bar.max = total;
        bar.value = done;
        // A screen reader hears every tenth, not every file.
        const percent = Math.floor((done / total) * 10) * 10;
        if (percent !== said) status.textContent = fill(t.saving, (said = percent));
      });
      show((ended = 'saved'), t.saved ?? '');
    } catch {
      show((ended = 'failed'), t.failed ?? '');
    }
    // The button pressed was hidden while saving: the keyboard goes on from the one that replaces it.
    if (asked && (document.activeElement ?? document.body) === document.body)
      (ended === 'saved' ? remove : save).focus();
  };
  save.textContent = fill(t.save, (info.bytes / 1024 / 1024).toFixed(1));
  save.onclick = () => void run(true);
  remove.onclick = async () => {
    localStorage.removeItem(chosen);
    await Promise.all(['pages', 'search'].map((kind) => caches.delete(`${prefix}${kind}:${info.build}`)));
    show('none', t.removed ?? '');
    save.focus();
  };
  el.hidden = false;
  if (saved) show('saved', '');
  // What would be saved unasked: a small site whole, or a new build of the copy the reader chose.
  else if (info.whole || localStorage.getItem(chosen)) {
    if (savingData) show('none', t.dataSaver ?? '');
    else void run(false);
  } else show('none', '');
}

/** Once a worker controls the page: other builds' caches go, this page is kept, and the whole copy saved if due. */
async function settle() {
  const info = await controllerInfo();
  if (!info) return;
  for (const key of await caches.keys())
    if (key.startsWith(prefix) && !key.endsWith(`:${info.build}`)) await caches.delete(key);
  // A page of another build: the update notice takes over.
  if (info.build !== pageBuild) return;
  const pages = await cacheOf('pages', info.build);
  const here = withoutQuery(location.href);
  if (!(await pages.match(here))) await save(pages, here, info.build).catch(() => {});
  const saved = Boolean(await pages.match(complete));
  if (!info.whole || (savingData && !saved)) return control(info, saved);
  const el = document.querySelector<HTMLElement>('.offline-control');
  if (saved) return el?.setAttribute('data-state', 'saved');
  el?.setAttribute('data-state', 'saving');
  await saveAll(info.build, () => {}).then(
    () => el?.setAttribute('data-state', 'saved'),
    () => el?.setAttribute('data-state', 'failed'),
  );
}

const registration = await navigator.serviceWorker.getRegistration(base);
if (registration) {
  watchUpdates(registration, pageBuild, async () => (await controllerInfo())?.build);
  navigator.serviceWorker.addEventListener('controllerchange', () => void settle());
  if (navigator.serviceWorker.controller) void settle();
}
