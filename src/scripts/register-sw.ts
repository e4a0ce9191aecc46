// Registers the service worker that keeps the site and its search available offline (src/scripts/sw.js). Built
// sites only: under `astro dev` there is no sw.js, and a worker left over from `astro preview` on the same port
// would serve stale files, so it is removed.

/** Set by the search integration: true in `astro build`, false under `astro dev` (import.meta.env.PROD is not
 * reliable here: a build started from Vitest inherits NODE_ENV=test). */
declare const __SEARCH_OFFLINE__: boolean;

if ('serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const scope = new URL(base, location.href).href;
  if (__SEARCH_OFFLINE__) {
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base, updateViaCache: 'none' })
      .catch((error: unknown) => {
        console.warn('Offline cache unavailable:', error);
      });
  } else {
    void navigator.serviceWorker
      .getRegistrations()
      .then((all) => all.filter((r) => r.scope === scope).forEach((r) => void r.unregister()));
  }
}
