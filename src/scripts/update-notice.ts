// "有新版本": a new build's worker has installed and waits. A page of the build before it offers to reload into the new
// one (asked, the worker takes over, then the page reloads); a page that is already the new build's (served network
// first while the old worker still controlled it) lets the new worker take over at once, with nothing to offer.

/** Watches `registration` for a new build; `controllerBuild` says which build the worker controlling the page is. */
export function watchUpdates(
  registration: ServiceWorkerRegistration,
  pageBuild: string,
  controllerBuild: () => Promise<string | undefined>,
) {
  const notice = document.querySelector<HTMLElement>('.update-notice');
  const button = notice?.querySelector('[data-reload]');
  if (!notice || !button) return;
  // Workbox's worker takes over when told so (generateSW with skipWaiting: false).
  const takeOver = () => registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  let asked = false;
  button.addEventListener('click', () => {
    asked = true;
    if (registration.waiting) takeOver();
    else location.reload();
  });
  // Put off, the notice stays hidden on this page; the next page loaded is the new build's, or offers it. The focus,
  // on the button that hides, goes back to the page's text, where the reader was, not to the start of the page.
  let later = false;
  notice.querySelector('[data-later]')?.addEventListener('click', () => {
    if (notice.contains(document.activeElement)) document.getElementById('main')?.focus({ preventScroll: true });
    later = notice.hidden = true;
  });
  // Offered online only: offline, the new build has only what its worker saved, which for a reader who has not saved
  // the whole site is not yet the pages they read.
  const waiting = async () => {
    if (!registration.waiting) return;
    if ((await controllerBuild()) === pageBuild) notice.hidden = later || !navigator.onLine;
    else takeOver();
  };
  addEventListener('online', () => void waiting());
  addEventListener('offline', () => (notice.hidden = true));
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => void (worker.state === 'installed' && waiting()));
  registration.addEventListener('updatefound', () => watch(registration.installing));
  watch(registration.installing);
  void waiting();
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) return location.reload();
    void controllerBuild().then((build) => (notice.hidden = later || build === pageBuild));
  });
}
