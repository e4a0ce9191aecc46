// On reading pages: a button that copies each remark's link, where the browser can write to the clipboard (the
// link itself works without JavaScript), and the table of contents marking where the reader is.
import { reading as t } from '../i18n/zh-CN.ts';
import { markArrival } from './search/arrival.ts';

const links = document.querySelectorAll<HTMLAnchorElement>('a.remark-link');
if (links.length && 'clipboard' in navigator) {
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  document.body.append(status);
  // The status is heard; the button that was pressed says it too, to be seen, until another link is copied.
  let copied: HTMLButtonElement | undefined;
  for (const link of links) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'remark-copy';
    const whose = document.createElement('span');
    whose.className = 'sr-only';
    whose.textContent = link.dataset.whose ?? '';
    button.append(t.copyLink, whose);
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(link.href).then(
        () => {
          status.textContent = '';
          status.textContent = t.copied;
          copied?.firstChild?.replaceWith(t.copyLink);
          button.firstChild?.replaceWith(t.copied);
          copied = button;
        },
        // Refused (a permission, an in-app browser): the browser's own prompt says so and holds the link, selected,
        // for the reader to copy by hand, on a phone too.
        () => prompt(t.copyFailed, link.href),
      );
    });
    link.after(button);
  }
}

// The table of contents marks the heading and the remark being read: the last of them whose top has passed the top
// quarter of the screen, unless the one the address points to is still there (a short remark lets the next one pass
// too) or, at the end of the page, which the last ones cannot scroll past, still on screen. Only `aria-current`
// changes, so nothing moves.
const toc = document.querySelector('.toc');
if (toc) {
  const entries = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].flatMap((link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target ? [{ link, target }] : [];
  });
  let queued = false;
  const mark = () => {
    queued = false;
    const visited = entries.findIndex(({ target }) => target.id === decodeURIComponent(location.hash.slice(1)));
    // Scrolled to, its top may be a fraction of a pixel above the screen's.
    const top = entries[visited]?.target.getBoundingClientRect().top ?? -1;
    const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    const passed =
      top > -1 && (top <= innerHeight / 4 || (bottom && top < innerHeight))
        ? entries.slice(0, visited + 1)
        : entries.filter(({ target }) => target.getBoundingClientRect().top <= innerHeight / 4);
    const current = new Set([passed.findLast((e) => e.target.tagName === 'H2'), passed.at(-1)]);
    for (const entry of entries)
      if (current.has(entry)) entry.link.setAttribute('aria-current', 'location');
      else entry.link.removeAttribute('aria-current');
  };
  addEventListener(
    'scroll',
    () => {
      if (!queued) requestAnimationFrame(mark);
      queued = true;
    },
    { passive: true },
  );
  mark();
}

// Arriving from a search result, on another page or (from the search dialog) on this one.
markArrival();
addEventListener('hashchange', markArrival);
