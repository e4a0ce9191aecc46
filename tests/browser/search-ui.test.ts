// The search box and the search page in Chromium, at the domain root and under a sub-path: URL state, results,
// filters, the no-results state, the keyboard, and what loads where.
import { readFileSync, readdirSync } from 'node:fs';
import { fromRow, type RecordRow } from '../../src/scripts/search/record.ts';
import { searchChars } from '../../src/scripts/search/text.ts';
import { needleWords, pageWords, recordWords, START } from '../../src/scripts/search/tokens.ts';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeInBrowser, launchChromium, layoutShift, watchLayoutShifts } from '../support/browser.ts';
import { readSeed } from '../support/seed.ts';
import { searchFolder } from '../support/dist.ts';
import { serve, type Served } from '../support/serve.ts';
import { sites } from '../support/sites.ts';
import { openFilters, rendered, runQuery, shownResults } from './search-helpers.ts';

const seed = readSeed();
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
const anchor = (file: string) => file.replace(/\.mdx?$/, '');
/** Remarks whose text (speaker and school included) contains `q`, from the Markdown. */
const remarksWith = (q: string) =>
  seed.remarks.filter((r) => fold(`${r.speaker}${r.school}${r.paragraphs.join('')}`).includes(fold(q)));
const noteHas = (q: string) => fold(seed.title + seed.note).includes(fold(q));
const reportPath = `reports/${seed.id}/`;

for (const [name, { dir, base }] of Object.entries(sites)) {
  describeInBrowser(`search UI (${name} build, base ${base})`, () => {
    let browser: Browser;
    let site: Served;
    let context: BrowserContext;
    let page: Page;
    const requested: string[] = [];

    beforeAll(async () => {
      site = await serve(dir, base);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });
    beforeEach(async () => {
      // The service worker has its own test (offline.test.ts); here every request comes from the page.
      context = await browser.newContext({ serviceWorkers: 'block' });
      context.on('request', (r) => requested.push(r.url()));
      page = await context.newPage();
    });
    afterEach(async () => {
      await context?.close();
    });

    const open = async (query = '') => {
      await page.goto(`${site.url}search/${query}`);
      await rendered(page, new URLSearchParams(query).get('q') ?? '');
    };

    it('shows the results of the query in the URL as an ordered list linking to each remark', async () => {
      await open('?q=敬老');
      const expected = remarksWith('敬老');
      expect(expected).toHaveLength(1);
      const remark = expected[0]!;
      const results = await shownResults(page);
      expect(results.map((r) => r.href)).toEqual([`${base}${reportPath}#${anchor(remark.file)}`]);
      const [result] = results;
      expect(result!.title).toContain(remark.speaker);
      expect(result!.title).toContain(remark.section);
      expect(result!.meta).toContain(remark.school);
      expect(result!.meta).toContain(remark.role);
      expect(result!.meta).toContain(seed.title);
      expect(result!.marks).toEqual(expect.arrayContaining(['敬老']));
      expect(new Set(result!.marks)).toEqual(new Set(['敬老']));
      expect(remark.paragraphs.join('')).toContain(result!.excerpt.replace(/^…|…$/g, ''));
      expect(await page.locator('ol.search-results > li').count()).toBe(1);
      expect(await page.inputValue('#search-q')).toBe('敬老');
    });

    it('announces the number of results in a live region', async () => {
      await open('?q=管理');
      const status = page.locator('.search-status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await status.getAttribute('role')).toBe('status');
      const n = remarksWith('管理').length + (noteHas('管理') ? 1 : 0);
      expect(await status.textContent()).toBe(`找到 ${n} 条结果`);
    });

    it('leads from a result to the remark on its report page', async () => {
      await open('?q=了解');
      const target = remarksWith('了解').map((r) => anchor(r.file));
      await page.click('ol.search-results a');
      await page.waitForURL(`**/${reportPath}#${target[0]}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(target[0]);
    });

    it("finds the editor's note and the title, linking to the note", async () => {
      await open('?q=建党94周年');
      const results = await shownResults(page);
      expect(results.map((r) => r.id)).toEqual(['note']);
      expect(results[0]!.title).toBe(seed.title);
      expect(results[0]!.meta).toBe('编者按');
      await page.click('ol.search-results a');
      await page.waitForURL(`**/${reportPath}#note-*`);
      expect(await page.evaluate(() => document.querySelector(':target')?.closest('.editors-note') !== null)).toBe(
        true,
      );
    });

    it('filters by school, heading and role with counts, keeps the filters in the URL, and walks back', async () => {
      await open('?q=服务');
      // The filters are folded away until asked for: the facet table loads then.
      expect(await page.isVisible('.search-facet')).toBe(false);
      await openFilters(page);
      const all = remarksWith('服务');
      const total = all.length + (noteHas('服务') ? 1 : 0);
      const schoolLabel = (school: string) =>
        page.locator('.search-facet', { hasText: '单位' }).locator('label', { hasText: school });
      for (const school of new Set(all.map((r) => r.school)))
        expect(await schoolLabel(school).textContent()).toContain(
          `${school}（${all.filter((r) => r.school === school).length}）`,
        );

      await schoolLabel('京源学校').click();
      await rendered(page, '服务');
      const jingyuan = all.filter((r) => r.school === '京源学校');
      expect((await shownResults(page)).map((r) => r.id).sort()).toEqual(jingyuan.map((r) => anchor(r.file)).sort());
      expect(new URL(page.url()).searchParams.getAll('school')).toEqual(['京源学校']);
      expect(await page.textContent('.search-status')).toBe(`找到 ${total} 条结果，筛选后显示 ${jingyuan.length} 条`);

      const heading = jingyuan[0]!.section;
      const headingLabel = page.locator('.search-facet', { hasText: '小标题' }).locator('label', { hasText: heading });
      expect(await headingLabel.textContent()).toContain(
        `${heading}（${jingyuan.filter((r) => r.section === heading).length}）`,
      );
      await headingLabel.click();
      await rendered(page, '服务');
      expect((await shownResults(page)).map((r) => r.id)).toEqual(
        jingyuan.filter((r) => r.section === heading).map((r) => anchor(r.file)),
      );

      // The URL is shareable: a fresh page with it shows the same.
      const shared = page.url();
      await page.goBack();
      await rendered(page, '服务');
      expect((await shownResults(page)).map((r) => r.id).sort()).toEqual(jingyuan.map((r) => anchor(r.file)).sort());
      await page.goBack();
      await rendered(page, '服务');
      expect(await shownResults(page)).toHaveLength(total);
      await page.goto(shared);
      await rendered(page, '服务');
      expect(await shownResults(page)).toHaveLength(1);

      const role = '党总支书记';
      await open('?q=服务');
      await openFilters(page);
      await page.locator('.search-facet', { hasText: '职务' }).locator('label', { hasText: role }).first().click();
      await rendered(page, '服务');
      expect((await shownResults(page)).map((r) => r.id).sort()).toEqual(
        all
          .filter((r) => r.role === role)
          .map((r) => anchor(r.file))
          .sort(),
      );
    });

    it('prints what was searched for: the query and the filters chosen, without buttons or the other filters', async () => {
      await open('?q=服务&school=京源学校');
      await openFilters(page);
      await page.emulateMedia({ media: 'print' });
      const visible = (selector: string) =>
        page.$$eval(selector, (els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent.trim()));
      expect(await page.isVisible('#search-q')).toBe(true);
      expect(await page.inputValue('#search-q')).toBe('服务');
      expect(await visible('search-view button')).toEqual([]);
      expect(await visible('.search-facet label')).toEqual([expect.stringMatching(/^京源学校（\d+）$/)]);
      expect(await visible('.search-facet legend')).toEqual(['单位']);
      expect((await visible('ol.search-results > li')).length).toBeGreaterThan(0);
      // Folded away, the chosen filters print too; without a query, no empty box (or its placeholder) prints.
      await page.emulateMedia({ media: 'screen' });
      await page.click('.search-filters-panel summary');
      await page.emulateMedia({ media: 'print' });
      expect(await visible('.search-facet label')).toEqual([expect.stringMatching(/^京源学校（\d+）$/)]);
      await open('');
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('#search-q')).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    });

    it('shows ten results at a time, and “show more” adds the next ones with the focus on the first added', async () => {
      await open('?q=的');
      const n = remarksWith('的').length + (noteHas('的') ? 1 : 0);
      expect(n).toBeGreaterThan(10);
      expect(await page.locator('ol.search-results > li').count()).toBe(10);
      expect(await page.textContent('.search-status')).toBe(`找到 ${n} 条结果`);
      expect(await page.textContent('.search-more')).toBe(`显示更多结果（还有 ${n - 10} 条）`);
      await page.click('.search-more');
      await page.waitForFunction(
        (n) => document.querySelectorAll('ol.search-results > li').length === n,
        Math.min(n, 20),
      );
      expect(
        await page.evaluate(() =>
          document.activeElement?.closest('li')?.matches('ol.search-results > li:nth-child(11)'),
        ),
      ).toBe(true);
      if (n <= 20) expect(await page.locator('.search-more').count()).toBe(0);
    });

    it('keeps the results shown and the place in them when the reader comes back from one, the page reloaded', async () => {
      // Playwright's Chromium keeps no page in the back-forward cache: back reloads the page, as a browser does once
      // the cache has dropped it (after some minutes in Chrome, or a page sent with no-store).
      await open('?q=的');
      await page.click('.search-more');
      await page.waitForFunction(() => document.querySelectorAll('ol.search-results > li').length > 10);
      const shown = await page.locator('ol.search-results > li').count();
      const link = page.locator('ol.search-results > li:nth-child(11) a');
      await link.scrollIntoViewIfNeeded();
      const y = await page.evaluate(() => scrollY);
      expect(y).toBeGreaterThan(1000);
      await link.click();
      await page.waitForURL(`**/${reportPath}#*`);
      await page.goBack();
      await rendered(page, '的');
      expect(await page.locator('ol.search-results > li').count()).toBe(shown);
      await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, y, { timeout: 2000 });
    });

    it('answers from the records when an index chunk cannot load, rather than finding nothing', async () => {
      // Pagefind 1.6 answers without a chunk it could not load (engine.ts, watchChunks).
      let aborted = 0;
      await page.route('**/pagefind/index/**', (route) => {
        aborted++;
        return route.abort();
      });
      await open('?q=敬老');
      // A route that stopped no chunk would test the search with every chunk loaded.
      expect(aborted).toBeGreaterThan(0);
      expect((await shownResults(page)).map((r) => r.href)).toEqual([`${base}${reportPath}#3-1-li-ming`]);
    });

    it('searches again after the filters could not load the records', async () => {
      await page.route('**/records-*.json', (route) => route.abort());
      await open('?q=家长');
      await page.click('.search-filters-panel summary');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('search-view')!.dataset.state === 'error');
      expect((await runQuery(page, '敬老')).map((r) => r.href)).toEqual([`${base}${reportPath}#3-1-li-ming`]);
    });

    it("never draws an older query's results over a newer one's error", async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let pending = 0;
      await page.route(/\/records\/\d+\.json$/, async (route) => {
        pending++;
        await held;
        await route.continue();
        pending--;
      });
      // OpenCC's code cannot load, so a query in traditional characters fails.
      await page.route(/_astro\/(cn|core)\./, (route) => route.abort());
      await open();
      const fetching = page.waitForRequest(/\/records\/\d+\.json$/);
      await page.fill('#search-q', '家长');
      await fetching;
      await page.fill('#search-q', '家長');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('search-view')!.dataset.state === 'error');
      release();
      await expect.poll(() => pending).toBe(0);
      // Time for the older results to be drawn, were they to be.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      expect(await page.textContent('.search-status')).toBe('搜索暂时无法使用，请刷新页面后再试。');
      expect(await page.isVisible('ol.search-results')).toBe(false);
    });

    it('keeps the query in the address where the browser lacks URLSearchParams.size (Safari before 17)', async () => {
      await page.addInitScript(() => Reflect.deleteProperty(URLSearchParams.prototype, 'size'));
      await open();
      await runQuery(page, '敬老');
      expect(new URL(page.url()).searchParams.get('q')).toBe('敬老');
    });

    it('lets a filter in the address be cleared when there is no query', async () => {
      await open(`?school=${encodeURIComponent('京源学校')}`);
      await page.click('.search-clear');
      await page.waitForURL(`${site.url}search/`);
    });

    it('says clearly when nothing matches', async () => {
      await open('?q=火箭');
      expect(await page.textContent('.search-status')).toBe('找到 0 条结果');
      expect(await page.isVisible('.search-empty')).toBe(true);
      expect(await page.textContent('.search-empty')).toContain('没有找到包含“火箭”的内容');
      expect(await page.isVisible('ol.search-results')).toBe(false);
      expect(await page.isVisible('.search-filters')).toBe(false);
      // Nothing searchable: said once, and why.
      await open(`?q=${encodeURIComponent('，，，')}`);
      expect(await page.textContent('.search-status')).toBe('请输入要查找的汉字、字母或数字：标点和符号不参与搜索。');
      expect(await page.isVisible('.search-empty')).toBe(false);
    });

    it('searches while typing, and the back button returns to the previous search', async () => {
      await open();
      await page.locator('#search-q').pressSequentially('管理', { delay: 20 });
      await rendered(page, '管理');
      expect(new URL(page.url()).searchParams.get('q')).toBe('管理');
      await runQuery(page, '敬老');
      expect(new URL(page.url()).searchParams.get('q')).toBe('敬老');
      await page.goBack();
      await rendered(page, '管理');
      expect(await page.inputValue('#search-q')).toBe('管理');
      expect((await shownResults(page)).length).toBe(remarksWith('管理').length);
    });

    it('names the query in the title, so that tabs and history entries of several searches tell them apart', async () => {
      await open();
      const plain = await page.title();
      expect(plain).toMatch(/^搜索 - /);
      await runQuery(page, '管理');
      expect(await page.title()).toBe(`管理 - ${plain}`);
      await runQuery(page, '敬老');
      expect(await page.title()).toBe(`敬老 - ${plain}`);
      await page.goBack();
      await rendered(page, '管理');
      expect(await page.title()).toBe(`管理 - ${plain}`);
      await runQuery(page, '');
      expect(await page.title()).toBe(plain);
      await open(`?q=${encodeURIComponent('家长')}`);
      expect(await page.title()).toBe(`家长 - ${plain}`);
      // The dialog leaves the reading page's title alone, as it leaves its address.
      await page.goto(`${site.url}${reportPath}`);
      const reading = await page.title();
      await page.keyboard.press('/');
      await page.keyboard.type('敬老');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.query === '敬老',
      );
      expect(await page.title()).toBe(reading);
    });

    it('cuts a long paste to a query whose address a static host accepts, on the page, in the dialog and the box', async () => {
      // 3,000 characters of the report, as a reader might paste; Nginx refuses a request line over 8 KB.
      const pasted = seed.remarks
        .map((r) => r.paragraphs.join(''))
        .join('')
        .repeat(2)
        .slice(0, 3000);
      const requestLine = () =>
        Buffer.byteLength(`GET ${new URL(page.url()).pathname}${new URL(page.url()).search} HTTP/1.1`);
      await open();
      await page.focus('#search-q');
      await page.keyboard.insertText(pasted);
      const kept = await page.inputValue('#search-q');
      expect(pasted.startsWith(kept)).toBe(true);
      await rendered(page, kept);
      expect(requestLine()).toBeLessThan(8192);
      // The dialog's form goes to the search page, and the header's box without JavaScript.
      await page.goto(`${site.url}${reportPath}`);
      await page.keyboard.press('/');
      await page.keyboard.insertText(pasted);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/search/?q=*');
      expect(requestLine()).toBeLessThan(8192);
      const plain = await browser.newContext({ javaScriptEnabled: false });
      const noScript = await plain.newPage();
      await noScript.goto(`${site.url}${reportPath}`);
      await noScript.focus('#site-search-q');
      await noScript.keyboard.insertText(pasted);
      await noScript.keyboard.press('Enter');
      await noScript.waitForURL('**/search/?q=*');
      expect(
        Buffer.byteLength(`GET ${new URL(noScript.url()).pathname}${new URL(noScript.url()).search} HTTP/1.1`),
      ).toBeLessThan(8192);
      await plain.close();
    });

    it('searches a query in traditional characters in its simplified form, loading the tables only for it', async () => {
      await open('?q=党建');
      const before = requested.length;
      const simplified = await runQuery(page, '三严三实');
      const scripts = () => requested.slice(before).filter((u) => new URL(u).pathname.endsWith('.js'));
      expect(scripts(), 'a simplified query loads no conversion table').toEqual([]);
      const traditional = await runQuery(page, '三嚴三實');
      expect(scripts().length, 'the conversion table, loaded for the traditional query').toBeGreaterThan(0);
      // The same records in the same order, with the (simplified) text marked where the query matched.
      expect(traditional).toEqual(simplified);
      expect(traditional.map((r) => r.marks).flat()).toContain('三严三实');
      expect(await page.textContent('.search-status')).toBe(`找到 ${simplified.length} 条结果（按简体“三严三实”查找）`);
      expect(await runQuery(page, '葉向紅 家長')).toEqual(await runQuery(page, '叶向红 家长'));
    });

    it('shows partial matches, each saying which words it lacks, when no record has them all', async () => {
      await open();
      const shown = await runQuery(page, '叶向红 家长');
      const withBoth = remarksWith('叶向红').filter((r) => remarksWith('家长').includes(r));
      expect(withBoth).toEqual([]);
      // Every remark with either word, and no other.
      const either = new Set([...remarksWith('叶向红'), ...remarksWith('家长')].map((r) => anchor(r.file)));
      expect(new Set(shown.map((r) => r.id).filter((id) => id !== 'note'))).toEqual(either);
      expect(await page.textContent('.search-status')).toBe(
        `没有同时包含全部词语的内容；以下 ${shown.length} 条只包含部分词语`,
      );
      const labels = await page.$$eval('.search-result', (items) =>
        items.map((li) => li.querySelector('.search-partial')?.textContent),
      );
      expect(labels).toHaveLength(shown.length);
      for (const [i, r] of shown.entries())
        expect(labels[i], r.id).toBe(r.marks.includes('叶向红') ? '部分匹配：不含“家长”' : '部分匹配：不含“叶向红”');
      // A query that has every word somewhere shows no partial match.
      await runQuery(page, '服务 家长');
      expect(await page.$$('.search-partial')).toHaveLength(0);
      await runQuery(page, '火箭 卫星');
      expect(await page.textContent('.search-status')).toBe('找到 0 条结果');
    });

    it('finds a speaker by name in pinyin, in full or by initials, and marks the name', async () => {
      await open();
      const ye = remarksWith('叶向红')
        .filter((r) => r.speaker === '叶向红')
        .map((r) => anchor(r.file));
      for (const q of ['yexianghong', 'ye xianghong', 'YXH']) {
        const shown = await runQuery(page, q);
        expect(
          shown.map((r) => r.id),
          q,
        ).toEqual(ye);
        expect(shown[0]!.marks, q).toContain('叶向红');
      }
    });

    /** Follows the first result of a query: the result, and what the page it leads to marks, in which field. */
    const arrive = async (q: string) => {
      await open(`?q=${q}`);
      const [first] = await shownResults(page);
      await page.click(`ol.search-results a[href="${first!.href}"]`);
      await page.waitForURL(`**${first!.href}`);
      await page.waitForFunction(() => (CSS.highlights.get('search')?.size ?? 0) > 0);
      const marks = await page.evaluate(() =>
        [...CSS.highlights.get('search')!].map((r) => ({
          text: (r as Range).toString(),
          field: r.startContainer.parentElement?.closest(':target :is(.remark-speaker, .remark-school, .remark-body)')
            ?.className,
        })),
      );
      return { remark: seed.remarks.find((r) => anchor(r.file) === first!.id)!, marks };
    };

    it('marks what was searched for in the remark a result leads to', async () => {
      const { remark, marks } = await arrive('家长');
      const count = remark.paragraphs.join('').split('家长').length - 1;
      expect(count).toBeGreaterThan(1);
      expect(marks).toEqual(Array.from({ length: count }, () => ({ text: '家长', field: 'remark-body' })));
      // Once: coming back to the page by its address marks nothing.
      await page.reload();
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => CSS.highlights.get('search')?.size ?? 0)).toBe(0);
    });

    it("marks on arrival what the result matched, in the remark's heading too, and nothing it did not", async () => {
      const { remark, marks } = await arrive('京源学校');
      expect(remark.school).toBe('京源学校');
      expect(remark.paragraphs.join('')).not.toContain('京源学校');
      // The phrase stands in the school alone: the body's 学校 and 京源 are not what matched.
      expect(marks).toEqual([{ text: '京源学校', field: 'remark-school' }]);
    });

    it('waits for a Chinese input method to finish composing before it searches', async () => {
      await open();
      await page.focus('#search-q');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'jinglao', selectionStart: 7, selectionEnd: 7 });
      await page.waitForTimeout(400);
      expect(await page.inputValue('#search-q')).toBe('jinglao');
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('search-view')!.dataset.query)).toBe('');
      await cdp.send('Input.insertText', { text: '敬老' });
      await rendered(page, '敬老');
      expect((await shownResults(page)).map((r) => r.id)).toEqual(remarksWith('敬老').map((r) => anchor(r.file)));
    });

    it('works with the keyboard alone: / to the box, Enter to search, arrows and Tab to results and filters', async () => {
      await open();
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      await page.keyboard.type('服务');
      await page.keyboard.press('Enter');
      await rendered(page, '服务');
      await page.keyboard.press('Tab'); // the search button
      await page.keyboard.press('Tab'); // the filters' summary
      await page.keyboard.press('Enter');
      await page.locator('.search-facet').first().waitFor();
      await page.keyboard.press('Tab'); // the first filter
      const box = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return { type: el.type, name: el.name, value: el.value };
      });
      expect(box.type).toBe('checkbox');
      await page.keyboard.press('Space');
      await rendered(page, '服务');
      expect(new URL(page.url()).searchParams.getAll(box.name)).toEqual([box.value]);
      // Focus stays on the filter after the list is redrawn.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
      // A checkbox is not typed into: / goes to the box from there too.
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      await page.focus('#search-q');
      await page.keyboard.press('ArrowDown');
      const first = (await shownResults(page))[0]!;
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first.href);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${first.href}`);
    });

    it('has a search box on reading pages: a plain form that works without JavaScript', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      const p = await noJs.newPage();
      await p.goto(`${site.url}${reportPath}`);
      await p.fill('#site-search-q', '敬老');
      await p.press('#site-search-q', 'Enter');
      await p.waitForURL(`**${base}search/?q=*`);
      expect(new URL(p.url()).pathname).toBe(`${base}search/`);
      expect(new URL(p.url()).searchParams.get('q')).toBe('敬老');
      expect(await p.textContent('main')).toContain('搜索需要浏览器启用 JavaScript');
      await noJs.close();
    });

    it('loads no search code on reading pages; / or Ctrl+K opens a modal search dialog that Escape closes', async () => {
      const before = requested.length;
      await page.goto(`${site.url}${reportPath}`);
      await page.waitForLoadState('load');
      const loaded = requested.slice(before);
      expect(loaded.filter((u) => u.includes('/pagefind/'))).toEqual([]);
      const scripts = await page.$$eval('script', (list) => list.map((s) => s.getAttribute('src')));
      expect(scripts.every(Boolean)).toBe(true);
      const bytes = await Promise.all(
        scripts.map(async (src) => (await (await fetch(new URL(src!, site.url))).text()).length),
      );
      expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(3072);

      const dialogState = () =>
        page.evaluate(() => ({
          focus: document.activeElement?.id,
          open: document.querySelector<HTMLDialogElement>('dialog.search-dialog')!.open,
          modal: document.querySelector('dialog.search-dialog')!.matches(':modal'),
        }));
      for (const shortcut of ['/', 'Control+k']) {
        await page.focus('a.site-name');
        await page.keyboard.press(shortcut);
        expect(await dialogState()).toEqual({ focus: 'search-dialog-q', open: true, modal: true });
        await page.keyboard.press('Escape');
        expect(await dialogState()).toMatchObject({ open: false });
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('site-name');
      }
      await page.keyboard.press('/');
      await page.keyboard.type('敬老');
      await page.keyboard.press('Enter');
      await rendered(page, '敬老');
      expect(new URL(page.url()).pathname).toBe(`${base}search/`);
      expect((await shownResults(page)).map((r) => r.href)).toEqual([`${base}${reportPath}#3-1-li-ming`]);
    });

    it("goes to the search page when the dialog's code cannot load, as after a deploy that replaced it", async () => {
      // Blocked before the page loads: once a page of the site has loaded it, the browser's memory cache may answer
      // without a request to block.
      await page.route(/\/_astro\/element\.[^/]*\.js$/, (route) => route.abort());
      await page.goto(`${site.url}${reportPath}`);
      await page.waitForLoadState('load');
      await page.keyboard.press('/');
      // The dialog's code is blocked there too: that the browser goes there is what is asked.
      await page.waitForURL(`${site.url}search/?q=`, { waitUntil: 'commit' });
    });

    it('shows results in the dialog as the reader types, reachable with the arrow keys, and links to all of them', async () => {
      await page.goto(`${site.url}${reportPath}`);
      await page.keyboard.press('/');
      await page.keyboard.type('敬老');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.query === '敬老',
      );
      const links = await page.$$eval('dialog.search-dialog ol.search-results > li a', (list) =>
        list.map((a) => a.getAttribute('href')),
      );
      expect(links).toEqual([`${base}${reportPath}#3-1-li-ming`]);
      expect(await page.textContent('dialog.search-dialog .search-status')).toBe('找到 1 条结果');
      const all = new URL((await page.getAttribute('dialog.search-dialog .search-dialog-all', 'href'))!, site.url);
      expect(`${all.pathname}${all.search}`).toBe(`${base}search/?q=${encodeURIComponent('敬老')}`);
      const focused = () =>
        page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(links[0]);
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe('search-dialog-q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${links[0]!}`);
      await page.waitForFunction(() => (CSS.highlights.get('search')?.size ?? 0) > 0);
      // The same result again, from the address it leads to: marked again, though the address does not change.
      await page.evaluate(() => CSS.highlights.clear());
      await page.keyboard.press('/');
      await page.keyboard.type('敬老');
      await page.locator(`dialog.search-dialog ol.search-results a[href="${links[0]!}"]`).click();
      await page.waitForFunction(() => (CSS.highlights.get('search')?.size ?? 0) > 0);
    });

    it('opens the dialog when the header box is tapped on a phone, and shows results there as the reader types', async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
      try {
        const tab = await phone.newPage();
        await tab.goto(`${site.url}${reportPath}`);
        await tab.tap('#site-search-q');
        expect(
          await tab.evaluate(() => ({
            focus: document.activeElement?.id,
            modal: document.querySelector('dialog.search-dialog')!.matches(':modal'),
          })),
        ).toEqual({ focus: 'search-dialog-q', modal: true });
        await tab.keyboard.type('敬老');
        await tab.waitForFunction(
          () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.query === '敬老',
        );
        expect(
          await tab.$$eval('dialog.search-dialog ol.search-results > li a', (list) =>
            list.map((a) => a.getAttribute('href')),
          ),
        ).toEqual([`${base}${reportPath}#3-1-li-ming`]);
        const box = (await tab.locator('dialog.search-dialog').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(375);
        // Many results: the dialog stays on the screen, its close button in view, and the results scroll inside it.
        await tab.fill('#search-dialog-q', '服务');
        await tab.waitForFunction(
          () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.query === '服务',
        );
        for (const part of ['dialog.search-dialog', 'dialog.search-dialog [data-close]']) {
          const { y, height } = (await tab.locator(part).boundingBox())!;
          expect(y + height, part).toBeLessThanOrEqual(667);
        }
        // Closed with a tap, the dialog leaves no text box focused, which would bring the phone's keyboard back up.
        await tab.tap('dialog.search-dialog [data-close]');
        expect(await tab.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
        // From the keyboard, the box is typed into in place and goes to the search page, as without JavaScript.
        await tab.focus('#site-search-q');
        expect(await tab.evaluate(() => document.querySelector<HTMLDialogElement>('dialog.search-dialog')!.open)).toBe(
          false,
        );
      } finally {
        await phone.close();
      }
    });

    it('shows the results in the dialog on a short screen (a phone held sideways, 200% zoom on a laptop)', async () => {
      for (const viewport of [
        { width: 667, height: 320 },
        { width: 683, height: 360 },
      ]) {
        const short = await browser.newContext({ viewport, serviceWorkers: 'block' });
        try {
          const tab = await short.newPage();
          await tab.goto(`${site.url}${reportPath}`);
          await tab.keyboard.press('/');
          await tab.keyboard.type('服务');
          await tab.waitForFunction(
            () => document.querySelector<HTMLElement>('dialog.search-dialog search-view')?.dataset.query === '服务',
          );
          // Each result the arrow keys reach is seen whole where the reader is: not behind the box or the buttons,
          // nor in a list squeezed to nothing between them.
          expect(await tab.locator('dialog.search-dialog ol.search-results > li a').count()).toBeGreaterThan(2);
          for (let i = 0; i < 3; i++) {
            await tab.keyboard.press('ArrowDown');
            const seen = await tab.evaluate(() => {
              const link = document.activeElement!;
              const { top, bottom, left, width } = link.getBoundingClientRect();
              const atTop = document.elementFromPoint(left + width / 2, top + 2);
              const atBottom = document.elementFromPoint(left + width / 2, bottom - 2);
              return Boolean(atTop && atBottom && link.contains(atTop) && link.contains(atBottom));
            });
            expect(seen, `result ${i + 1} at ${viewport.width}×${viewport.height}`).toBe(true);
          }
          await tab.focus('dialog.search-dialog [data-close]');
          const close = (await tab.locator('dialog.search-dialog [data-close]').boundingBox())!;
          expect(close.y + close.height).toBeLessThanOrEqual(viewport.height);
        } finally {
          await short.close();
        }
      }
    });

    it('works under a strict Content-Security-Policy: scripts from files, WebAssembly only where search runs', async () => {
      const policy = (wasm: boolean) =>
        `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'`;
      const strict = await serve(dir, base, { headers: { 'Content-Security-Policy': policy(true) } });
      const strictest = await serve(dir, base, { headers: { 'Content-Security-Policy': policy(false) } });
      try {
        await page.addInitScript(() => {
          (window as unknown as { violations: string[] }).violations = [];
          addEventListener('securitypolicyviolation', (e) =>
            (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        await page.goto(`${strict.url}search/?q=${encodeURIComponent('敬老')}`);
        await rendered(page, '敬老');
        expect(await page.locator('ol.search-results > li').count()).toBe(1);
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
        await page.goto(`${strictest.url}${reportPath}`);
        await page.keyboard.press('/');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-q');
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      } finally {
        await strict.close();
        await strictest.close();
      }
    });

    it('loads every record after the first results, and not when the reader asks the browser to save data', async () => {
      const records = () => page.evaluate(() => document.querySelector<HTMLElement>('search-view')!.dataset.records);
      const allRecords = (urls: string[]) =>
        urls.filter((u) => /\/search-index\/[^/]+\/records-/.test(new URL(u).pathname));
      let before = requested.length;
      await open('?q=敬老');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('search-view')!.dataset.records === 'loaded',
      );
      const { path, version } = searchFolder(dir);
      const files = readdirSync(path).filter((f) => f.startsWith('records-'));
      expect(files.length).toBeGreaterThan(0);
      expect(
        allRecords(requested.slice(before))
          .map((u) => new URL(u).pathname)
          .sort(),
      ).toEqual(files.map((f) => `${base}search-index/${version}/${f}`).sort());

      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDataSaverOverride' as never, { dataSaverEnabled: true } as never);
      before = requested.length;
      await open('?q=敬老');
      // The page decides after each search's results: after a second search it has decided twice.
      await runQuery(page, '管理');
      expect(await records()).toBeUndefined();
      expect(allRecords(requested.slice(before))).toEqual([]);
    });

    it('tries the records again with the next query when their background load failed', async () => {
      const records = () => page.evaluate(() => document.querySelector<HTMLElement>('search-view')!.dataset.records);
      const fail = (route: Route) => route.abort();
      await page.route(/\/records-\d+\.json$/, fail);
      await open('?q=敬老');
      await expect.poll(records).toBe('failed');
      await page.unroute(/\/records-\d+\.json$/, fail);
      await runQuery(page, '管理');
      await expect.poll(records).toBe('loaded');
    });

    /** The words of the one Pagefind page, as the build writes them (src/lib/search/files.ts), from the record files. */
    const indexWords = () => {
      const { path } = searchFolder(dir);
      const records = readdirSync(path)
        .filter((f) => /^records-\d+\.json$/.test(f))
        .sort((a, b) => parseInt(a.slice(8)) - parseInt(b.slice(8)))
        .flatMap((f) => (JSON.parse(readFileSync(`${path}${f}`, 'utf8')) as RecordRow[]).map(fromRow));
      return pageWords(records.map((r) => recordWords(searchChars(r.text), r.keys))).flat();
    };

    /** Each word's results from Pagefind's browser API, searched one after the other on the open page, and the
     * index chunks the page has loaded. */
    const askPagefind = (words: string[]) =>
      // As a string: Vitest would rewrite an import() written in a function here.
      page.evaluate<{ found: number[][][]; chunks: string[] }>(`(async () => {
        const pagefind = await import(${JSON.stringify(`${base}search-index/${searchFolder(dir).version}/pagefind/pagefind.js`)});
        await pagefind.options({ baseUrl: '/', noWorker: true });
        const found = [];
        for (const w of ${JSON.stringify(words)}) found.push((await pagefind.search(w)).results.map((r) => r.words));
        const chunks = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('/pagefind/index/'));
        return { found, chunks };
      })()`);

    it('finds in Pagefind, as this project relies on, every position of a word in the one page', async () => {
      // What Pagefind 1.6's browser API does that the search relies on (src/scripts/search/tokens.ts, engine.ts); an
      // upgrade that changes any of it fails here, saying which.
      await open('');
      const words = indexWords();
      const asked = [...needleWords('的'), ...needleWords('家长'), ...needleWords('党建'), START, 'zzzz'];
      const { found } = await askPagefind(asked);
      for (const [i, word] of asked.entries()) {
        const expected = words.flatMap((w, p) => (w === word ? [p] : []));
        if (!expected.length) {
          expect(found[i], `${word}: a word the index lacks finds nothing`).toEqual([]);
          continue;
        }
        expect(found[i], `${word}: one result, as every record is in one page`).toHaveLength(1);
        expect(
          [...found[i]![0]!].sort((a, b) => a - b),
          `${word}: every position of the word in the page's content, and no other word's (a term is matched as a prefix: no word may extend another)`,
        ).toEqual(expected);
      }
    });

    it('loads where the records start from an index chunk of its own, as this project relies on', async () => {
      // Pagefind closes an index chunk once its words stand 20,000 times (tokens.ts, `startPadding`): if an upgrade
      // changes that, the first chunk holds the next words too, and every first search loads them.
      await open('');
      const next = indexWords()
        .filter((w) => w !== START)
        .reduce((a, b) => (b < a ? b : a));
      const { chunks: withStart } = await askPagefind([START]);
      const { chunks: withNext } = await askPagefind([next]);
      expect(withStart, 'START: one index chunk').toHaveLength(1);
      expect(withNext, `${next}, the word after START: in another chunk`).toHaveLength(2);
    });

    it('moves nothing when the results of the query in the URL appear, on a phone', async () => {
      await page.setViewportSize({ width: 375, height: 667 });
      await watchLayoutShifts(page);
      await open('?q=敬老');
      await page.waitForTimeout(300);
      expect(await layoutShift(page)).toBe(0);
    });

    it("asks nothing of any other host, and loads Pagefind from the build's search folder", () => {
      expect(requested.length).toBeGreaterThan(0);
      // The test servers (this one and the strict-CSP ones) all listen on 127.0.0.1.
      expect(requested.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
      const pagefind = requested.filter((u) => u.includes('/pagefind/'));
      expect(pagefind.length).toBeGreaterThan(0);
      const folder = `${base}search-index/${searchFolder(dir).version}/pagefind/`;
      expect(pagefind.filter((u) => !new URL(u).pathname.startsWith(folder))).toEqual([]);
      // Pagefind's search runs on the main thread: no worker script is fetched.
      expect(pagefind.filter((u) => u.includes('pagefind-worker'))).toEqual([]);
    });
  });
}
