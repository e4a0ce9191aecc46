// Live results in the search dialog (src/components/SearchBox.astro): loaded when the dialog first opens
// (search-shortcut.ts), it answers as the reader types, by the same engine and rules as the search page, and links
// to the full results with filters. The dialog's form still submits to the search page.
import { search as s } from '../../i18n/zh-CN.ts';
import { rememberQuery } from './arrival.ts';
import { SearchEngine } from './engine.ts';
import { parseQuery, simplify } from './query.ts';
import { resultItem } from './render.ts';

/** Short: the first results are due within 100 ms of the last key. */
const DEBOUNCE_MS = 50;
const SHOWN = 8;

export function liveResults(dialog: HTMLDialogElement) {
  const { files, version, recordFiles } = dialog.dataset;
  const engine = new SearchEngine(files!, version!, Number(recordFiles));
  const input = dialog.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const all = dialog.querySelector<HTMLAnchorElement>('.search-dialog-all')!;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const mine = ++run;
    const raw = input.value.trim();
    try {
      const query = parseQuery(await simplify(raw));
      const hits = query ? await engine.search(query) : [];
      const shown = query ? await engine.shown(hits.slice(0, SHOWN), query) : [];
      if (mine !== run) return;
      list.replaceChildren(...shown.map(resultItem));
      list.hidden = !shown.length;
      all.hidden = !query;
      all.search = `?q=${encodeURIComponent(raw)}`;
      status.textContent = !query
        ? ''
        : hits[0]?.tier === 3
          ? s.partial(hits.length)
          : hits.length
            ? s.count(hits.length)
            : s.none(raw);
      dialog.dataset.query = raw;
      // Later queries answer from memory.
      if (query) engine.loadInBackground(dialog);
    } catch (error) {
      console.error(error);
      if (mine === run) status.textContent = s.error;
    }
  };

  input.addEventListener('input', (event) => {
    if (event.isComposing) return;
    clearTimeout(timer);
    timer = setTimeout(() => void update(), DEBOUNCE_MS);
  });
  input.addEventListener('compositionend', () => void update());
  // Arrow keys move between the box and the results; Enter follows the focused one, Escape closes the dialog.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [input, ...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  });
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    rememberQuery(link.href, input.value.trim());
    // A remark on this very page: the browser only scrolls, under the dialog unless it closes.
    dialog.close();
  });
  if (input.value.trim()) void update();
}
