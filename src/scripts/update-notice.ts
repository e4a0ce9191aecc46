// "有新版本": a new build's worker has installed. A page of the build before it offers to reload into the new one
// (the worker takes over when asked, then the page reloads); a page that is already the new build's (served network
// first while the old worker still controlled it) lets the new worker take over at once, with nothing to offer.
import type { Workbox } from 'workbox-window';

/** Watches `worker` for a new build; `controllerBuild` says which build the worker controlling the page is. */
export function watchUpdates(worker: Workbox, pageBuild: string, controllerBuild: () => Promise<string | undefined>) {
  const notice = document.querySelector<HTMLElement>('.update-notice');
  const button = notice?.querySelector('button');
  let asked = false;
  if (!notice || !button) return;
  button.addEventListener('click', () => {
    asked = true;
    if (notice.dataset.waiting) worker.messageSkipWaiting();
    else location.reload();
  });
  const offer = (waiting: boolean) => {
    notice.dataset.waiting = waiting ? '1' : '';
    notice.hidden = false;
  };
  const onWaiting = async () => {
    if ((await controllerBuild()) === pageBuild) offer(true);
    else worker.messageSkipWaiting();
  };
  worker.addEventListener('waiting', () => void onWaiting());
  worker.addEventListener('controlling', () => {
    if (asked) return location.reload();
    void controllerBuild().then((build) => {
      if (build !== pageBuild) offer(false);
      else notice.hidden = true;
    });
  });
  return (registration: ServiceWorkerRegistration | undefined) => {
    // A worker that began installing before the page registered (a reload starts the check) sends workbox-window no
    // event: watch it here.
    const installing = registration?.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') void onWaiting();
    });
  };
}
