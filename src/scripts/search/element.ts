// <search-view> (src/components/SearchView.astro): the search form's live results, on the search page and in the
// header's dialog. On the page the query and the filters live in the URL (?q=敬老&school=…), so that a search can be
// shared, reloaded, and walked back with the browser's back button; the dialog leaves the URL alone, has no filters,
// and links to the page instead.
import { search as s } from '../../i18n/zh-CN.ts';
import { markArrival, rememberQuery } from './arrival.ts';
import { SearchEngine } from './engine.ts';
import type { Hit } from './match.ts';
import { applySelection, facetValues, hasSelection, noSelection, type Selection } from './facets.ts';
import { searchForms, type Query } from './query.ts';
import { FACETS, type Facet, type RecordMeta } from './record.ts';
import { clearButton, emptyState, filterGroups, moreButton, resultItem } from './render.ts';

/** Results drawn at a time; “show more” adds as many again. Only these are fetched. */
const PAGE = 10;
/** How long a typed query must stay before the next one gets its own history entry (instead of replacing it). */
const SETTLE_MS = 1000;
/** The search page's own title, with each query put before it, so that a tab or a history entry names its search. */
const TITLE = document.title;

type HistoryMode = 'push' | 'replace' | 'none';

class SearchView extends HTMLElement {
  #engine!: SearchEngine;
  #dialog: HTMLDialogElement | null = null;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #panel: HTMLDetailsElement | null = null;
  #filters: HTMLElement | null = null;
  #list!: HTMLOListElement;
  #more!: HTMLElement;
  #empty!: HTMLElement;
  #all: HTMLAnchorElement | null = null;
  #selection: Selection = noSelection();
  /** The query as typed, and as searched: parsed from its simplified form (set when that differs). */
  #query = '';
  #parsed: Query | undefined;
  #simplified: string | undefined;
  /** The query as searched, of the results on screen (a newer one may be on its way). */
  #painted = '';
  #hits: Hit[] = [];
  #limit = PAGE;
  /** Every record's metadata, once the filters have needed it. */
  #metas: RecordMeta[] | undefined;
  #asked = false;
  #run = 0;
  #drawing = 0;
  /** Whether the current history entry is still being typed into: typing then replaces it rather than pushing. */
  #typing = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settle: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const part = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;
    this.#engine = new SearchEngine(this.dataset.files!, this.dataset.version!, Number(this.dataset.recordFiles));
    this.#dialog = this.closest('dialog');
    this.#input = part('input[name=q]');
    this.#status = part('.search-status');
    this.#panel = this.querySelector('.search-filters-panel');
    this.#filters = this.querySelector('.search-filters');
    this.#list = part('.search-results');
    this.#more = part('.search-more-row');
    this.#empty = part('.search-empty');
    this.#all = this.querySelector('.search-dialog-all');

    // The dialog's first results are due within 100 ms of the last key; on the page a pause is a history entry.
    const debounce = this.#dialog ? 50 : 150;
    const schedule = () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        void this.#search(this.#input.value, this.#typing ? 'replace' : 'push');
        this.#typing = true;
        clearTimeout(this.#settle);
        this.#settle = setTimeout(() => (this.#typing = false), SETTLE_MS);
      }, debounce);
    };
    // While a Chinese input method composes, the box holds pinyin: search when the characters are chosen.
    this.#input.addEventListener('input', (event) => !event.isComposing && schedule());
    this.#input.addEventListener('compositionend', schedule);
    // The arrow keys move between the box and the results' links; Tab works too.
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const links = [this.#input, ...this.#list.querySelectorAll('a')];
      const at = links.indexOf(document.activeElement as HTMLInputElement);
      const to = links[at + (event.key === 'ArrowDown' ? 1 : -1)];
      if (at < 0 || !to) return;
      event.preventDefault();
      to.focus();
    });
    // The dialog's form goes to the search page; the page's searches in place.
    if (!this.#dialog)
      part('form').addEventListener('submit', (event) => {
        event.preventDefault();
        clearTimeout(this.#timer);
        void this.#search(this.#input.value, 'push');
      });
    this.#filters?.addEventListener('change', (event) => {
      const { name, value, checked } = event.target as HTMLInputElement;
      const chosen = this.#selection[name as Facet].filter((v) => v !== value);
      this.#select({ ...this.#selection, [name]: checked ? [...chosen, value] : chosen });
    });
    this.#filters?.addEventListener('click', (event) => {
      if (!(event.target as Element).closest('.search-clear')) return;
      this.#select(noSelection());
      this.#input.focus();
    });
    // The filters count over every record's metadata: the records are loaded when the reader first opens them.
    this.#panel?.addEventListener('toggle', () => this.#panel?.open && void this.#render());
    this.#list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      if (!link) return;
      rememberQuery(link.href, this.#painted);
      // Back from the remark to a page the browser did not keep, the results shown and the place in them come back.
      if (!this.#dialog) history.replaceState({ limit: this.#limit, y: scrollY }, '');
      // A remark on this very page: the browser only scrolls, under the dialog unless it closes; to the one the
      // address already points to, without a hashchange, so it is marked now.
      this.#dialog?.close();
      if (link.href === location.href) markArrival();
    });
    this.#more.addEventListener('click', (event) => {
      if (!(event.target as Element).closest('.search-more')) return;
      const first = this.#limit;
      this.#limit += PAGE;
      // Keep the reader's place: focus moves to the first of the added results.
      void this.#render().then(() => this.#list.querySelectorAll('a')[first]?.focus());
    });
    if (this.#dialog) {
      void this.#search(this.#input.value, 'none');
      return;
    }
    addEventListener('popstate', () => this.#fromUrl());
    this.#fromUrl();
  }

  /** Restores the query and the filters from the address bar (on load and on back/forward). */
  #fromUrl() {
    const params = new URLSearchParams(location.search);
    this.#selection = noSelection();
    for (const facet of FACETS) this.#selection[facet] = params.getAll(facet);
    this.#input.value = params.get('q') ?? '';
    void this.#search(this.#input.value, 'none');
  }

  /** Writes the query and the filters into the address bar (on the page) or the link to the page (in the dialog). */
  #commit(mode: HistoryMode) {
    if (mode !== 'replace') this.#typing = false;
    const params = new URLSearchParams();
    if (this.#query) params.set('q', this.#query);
    for (const facet of FACETS) for (const v of this.#selection[facet]) params.append(facet, v);
    if (this.#all) {
      this.#all.hidden = !this.#query;
      this.#all.search = `?${params}`;
    }
    // Not params.size, which Safari lacks before 17.
    const query = params.toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (!this.#dialog && mode !== 'none' && url !== `${location.pathname}${location.search}`)
      history[`${mode}State`](null, '', url);
    if (!this.#dialog) document.title = this.#query ? `${this.#query} - ${TITLE}` : TITLE;
  }

  /** A new choice of filters, from the first result. */
  #select(selection: Selection) {
    this.#selection = selection;
    this.#limit = PAGE;
    this.#commit('push');
    void this.#render();
  }

  async #search(raw: string, mode: HistoryMode) {
    const run = ++this.#run;
    // An older query's results, still being fetched, are not drawn.
    this.#drawing++;
    // Filters stay when the query changes; a filter that no longer matches shows a count of 0 and can be cleared.
    this.#query = raw.trim();
    this.#commit(mode);
    // The first query loads the search code and the index.
    if (this.#query && !this.#asked) this.#setStatus(s.loading, 'loading');
    this.#asked ||= Boolean(this.#query);
    try {
      const { form, query, hits } = await searchForms(this.#query, (q) => this.#engine.search(q));
      if (run !== this.#run) return;
      [this.#parsed, this.#simplified, this.#hits] = [query, form === this.#query ? undefined : form, hits];
      const back = mode === 'none' && !this.#dialog ? (history.state as { limit: number; y: number } | null) : null;
      this.#limit = back?.limit ?? PAGE;
      await this.#render();
      if (back) scrollTo(0, back.y);
      // Later queries answer from memory.
      if (query) this.#engine.loadInBackground(this);
    } catch (error) {
      if (run === this.#run) this.#fail(error);
    }
  }

  #fail(error: unknown) {
    console.error(error);
    this.#drawing++;
    this.#hits = [];
    // Closed, so that the next query does not need every record's metadata again.
    if (this.#panel) this.#panel.open = false;
    for (const part of [this.#list, this.#panel, this.#empty]) if (part) part.hidden = true;
    this.#more.replaceChildren();
    this.#setStatus(navigator.onLine ? s.error : s.errorOffline, 'error');
    this.dispatchEvent(new CustomEvent('search-rendered', { bubbles: true }));
  }

  #setStatus(text: string, state: string) {
    this.#status.textContent = text;
    this.dataset.state = state;
  }

  /** Draws the filters and the results for the current hits and selection (fetching what it needs first). */
  async #render() {
    const draw = ++this.#drawing;
    const query = this.#parsed;
    const filtered = hasSelection(this.#selection);
    if (this.#panel && filtered) this.#panel.open = true;
    try {
      if (this.#panel?.open && this.#hits.length && !this.#metas) {
        this.#filters?.replaceChildren(s.loadingFilters);
        this.#metas = await this.#engine.metas();
      }
      const shown = applySelection(this.#hits, this.#selection, this.#metas);
      const items = query ? await this.#engine.shown(shown.slice(0, this.#limit), query) : [];
      if (draw === this.#drawing) this.#paint(shown.length, items.map(resultItem));
    } catch (error) {
      if (draw === this.#drawing) this.#fail(error);
    }
  }

  #paint(shownCount: number, items: HTMLElement[]) {
    const focused = this.#filters?.contains(document.activeElement)
      ? (document.activeElement as HTMLInputElement)
      : null;
    const filtered = hasSelection(this.#selection);
    this.#list.replaceChildren(...items);
    this.#list.hidden = !items.length;
    this.#more.replaceChildren(...(shownCount > items.length ? [moreButton(shownCount - items.length)] : []));
    if (this.#panel) this.#panel.hidden = !this.#hits.length && !filtered;
    if (this.#metas || filtered) {
      const groups =
        this.#metas && this.#hits.length ? filterGroups(facetValues(this.#hits, this.#selection, this.#metas)) : [];
      this.#filters?.replaceChildren(...groups, ...(filtered ? [clearButton()] : []));
    }
    // Redrawing the filters keeps the focus on the same checkbox.
    if (focused?.name)
      this.#filters
        ?.querySelector<HTMLElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)
        ?.focus();
    // A query with no letter or digit has its own status, and nothing below it.
    const none = Boolean(this.#parsed) && !shownCount;
    this.#empty.replaceChildren(...(none ? emptyState(this.#query, this.#hits.length > 0) : []));
    this.#empty.hidden = !none;
    const count =
      this.#hits[0]?.tier === 3
        ? s.partial(shownCount)
        : filtered
          ? s.countFiltered(shownCount, this.#hits.length)
          : s.count(shownCount);
    if (!this.#parsed) this.#setStatus(this.#query ? s.noLetters : s.prompt, 'idle');
    else this.#setStatus(count + (this.#simplified ? s.asSimplified(this.#simplified) : ''), 'done');
    this.dataset.query = this.#query;
    this.#painted = this.#simplified ?? this.#query;
    this.dispatchEvent(new CustomEvent('search-rendered', { bubbles: true }));
  }
}

customElements.define('search-view', SearchView);
