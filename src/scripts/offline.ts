// The offline copy, in the page, loaded by src/scripts/register-sw.ts once a worker is registered. The worker (sw.js)
// keeps the shell and caches each page as it is read; this script caches the page the first visit loaded before the
// worker and saves the rest of the site: on the first visit where the whole copy is small (offline.json says) and the
// reader is not saving data, or when the reader asks (the footer's control, src/components/OfflineControl.astro,
// which also removes it). A copy once complete is kept current by the next build's worker, which saves its own while
// it installs (src/scripts/sw-offline.js). It imports nothing the page has loaded, so that loading it needs no
// preloading helper.
import type { OfflineInfo } from '../integrations/offline/copy.ts';
import './offline-save.js';
import { watchUpdates } from './update-notice.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const pageBuild = document.documentElement.dataset.build ?? '';
const prefix = `offline:${base}:`;
/** localStorage: the reader asked for the whole copy, and a new build's is saved too. */
const chosen = `${prefix}whole`;
const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');
/** The reader has asked to save data (Save-Data): the page downloads nothing for the copy unasked, not even a small
 * site whole or a new build of a copy they chose but never completed; the control offers it instead. */
const savingData = Boolean(navigator.connection?.saveData);

/** offline.json as the worker controlling the page serves it, from its precache: the worker's build. */
async function controllerInfo(): Promise<OfflineInfo | undefined> {
  if (!navigator.serviceWorker.controller) return undefined;
  const response = await fetch(`${base}offline.json`);
  return response.ok ? ((await response.json()) as OfflineInfo) : undefined;
}

let saving: Promise<void> | undefined;

/** Saves the whole copy of `build` (src/scripts/offline-save.js), once at a time. */
function saveAll(build: string, progress: (done: number, total: number) => void): Promise<void> {
  return (saving ??= offlineCopy.saveAll(base, build, progress).finally(() => (saving = undefined)));
}

/** Why saving failed, as the control's texts are named (`data-failed…`). */
const failure = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError'
    ? 'Full'
    : error instanceof Error && error.name === 'NewBuildError'
      ? 'Updated'
      : !navigator.onLine || error instanceof TypeError
        ? 'Offline'
        : '';

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
    // After a failure too: what was saved can be removed.
    remove.hidden = state !== 'saved' && state !== 'failed';
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
    } catch (error) {
      const why = failure(error);
      // A full device is not retried on every page load, as a lost network or a new build is.
      if (why === 'Full') localStorage.removeItem(chosen);
      show((ended = 'failed'), t[`failed${why}`] ?? '');
    }
    // The button pressed was hidden while saving: the keyboard goes on from the one that replaces it.
    if (asked && (document.activeElement ?? document.body) === document.body)
      (ended === 'saved' ? remove : save).focus();
  };
  save.textContent = fill(t.save, (info.bytes / 1024 / 1024).toFixed(1));
  save.onclick = () => void run(true);
  remove.onclick = async () => {
    localStorage.removeItem(chosen);
    // Every build's: a new build's worker may be waiting with its own.
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
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

/** Once a worker controls the page: this page is kept, and the whole copy saved if due. */
async function settle() {
  const info = await controllerInfo();
  if (!info) return;
  // A page of another build: the update notice takes over.
  if (info.build !== pageBuild) return;
  const pages = await caches.open(offlineCopy.cacheName(base, 'pages', info.build));
  const here = withoutQuery(location.href);
  if (!(await pages.match(here))) await offlineCopy.save(pages, here, info.build).catch(() => {});
  // And what it loaded before the worker controlled it, kept where the worker keeps them: its photos and search files.
  const searchFiles = new URL(`${base}search-index/`, location.href).href;
  for (const { name, initiatorType } of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const cache = name.startsWith(searchFiles)
      ? await caches.open(offlineCopy.cacheName(base, 'search', info.build))
      : initiatorType === 'img' && name.startsWith(location.origin)
        ? pages
        : undefined;
    if (cache && !(await cache.match(name, { ignoreSearch: true })))
      await offlineCopy.save(cache, name).catch(() => {});
  }
  const saved = Boolean(await pages.match(offlineCopy.complete(base)));
  if (!info.whole || savingData) return control(info, saved);
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
