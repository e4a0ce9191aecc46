// Every page of both test builds (root and sub-path) in headless Chromium, as readers meet them: axe-core (WCAG 2.0–2.2
// A/AA) in light and dark colour schemes, no console error, failed request or request to another host, a strict CSP
// with no violation while the page loads and search runs, no sideways scrolling at 320 px, 200% zoom or 200% text,
// and the keyboard (skip link first, every control reached, focus visible). Then the search shortcut's dialog, the
// whole report, the home page and the 404 page in print, and screenshots for a person to look at. A new page is
// covered without a new test.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  axe,
  axeScript,
  cspProblems,
  installProbe,
  keyboardWalk,
  probe,
  report,
  watch,
  type Finding,
  type Watcher,
} from '../support/a11y.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { readPages } from '../support/dist.ts';
import { pdfLines } from '../support/print.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { everySite, photoSite, root, sites } from '../support/sites.ts';

const seed = readSeed();
/** A query with results: the first speaker of the seed report. */
const QUERY = seed.remarks[0]!.speaker;
/** A query with results in each build: in the photo fixture's, words of a photo's caption. */
const queryOf = (name: string) => (name === 'photo' ? '户外活动' : QUERY);
const SCREENSHOTS = `${root}test-results/screenshots/`;

/** Fails with the findings as a report: page, check, rule, element. */
function expectNone(findings: Map<string, Finding[]>) {
  const text = report(findings);
  if (text) expect.fail(`\n${text}\n`);
}

/** Waits for the search page to show the results of the query in its URL; a finding when it does not. */
async function searchRuns(page: Page, query: string): Promise<Finding[]> {
  const state = await page
    .waitForFunction(
      () => {
        const el = document.querySelector<HTMLElement>('search-view');
        return el && ['done', 'error'].includes(el.dataset.state ?? '') && el.dataset.state;
      },
      null,
      { timeout: 15_000 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timeout');
  const results = await page.locator('.search-results > li').count();
  if (state === 'done' && results > 0) return [];
  return [
    {
      check: 'search',
      rule: 'search shows no results',
      element: 'search-view',
      detail: `state ${state}, ${results} results for «${query}»`,
    },
  ];
}

/** Browser contexts that visit pages side by side: a handful for the whole run, not one per page. */
const SLOTS = Number(process.env.A11Y_CONCURRENCY ?? 2);

interface Slot {
  context: BrowserContext;
  page: Page;
  watcher: Watcher;
}

for (const [name, { dir, base }] of Object.entries(everySite)) {
  const urls = readPages(dir, base).map((p) => p.url);
  const searchUrl = `${base}search/`;
  const query = queryOf(name);
  // The sub-path build has the same markup and CSS with other URLs (and no edit links): the keyboard walk and the
  // reflow checks, which only layout and markup decide, run on the root build's pages, a superset of its controls,
  // and on the photo fixture's, whose pages have photos.
  const layout = name !== 'sub';

  describeInBrowser(`every page of the ${name} build in Chromium (base ${base})`, () => {
    let browser: Browser;
    let site: Served;
    const free: Slot[] = [];
    const waiting: ((slot: Slot) => void)[] = [];
    const acquire = () => new Promise<Slot>((resolve) => (free.length ? resolve(free.pop()!) : waiting.push(resolve)));
    const release = (slot: Slot) => (waiting.length ? waiting.shift()!(slot) : free.push(slot));

    beforeAll(async () => {
      site = await serve(dir, base);
      browser = await launchChromium();
      for (let i = 0; i < SLOTS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
        await context.addInitScript(installProbe);
        await context.addInitScript(axeScript);
        free.push({ context, page: await context.newPage(), watcher: watch(context, site.origin) });
      }
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('visits every page the build wrote (sitemap.xml included)', () => {
      expect(urls.length).toBeGreaterThan(5);
      expect(urls).toContain(base);
      expect(urls).toContain(searchUrl);
      const sitemap = (() => {
        try {
          return readFileSync(`${dir}sitemap.xml`, 'utf8');
        } catch {
          return '';
        }
      })();
      const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
      expect(listed.filter((u) => !urls.includes(u))).toEqual([]);
    });

    // Up to Vitest's maxConcurrency pages start at once and wait for a free slot: the time limit covers the wait.
    it.concurrent.each(urls)(
      '%s',
      async (url) => {
        const slot = await acquire();
        try {
          await checkPage(slot, url);
        } finally {
          release(slot);
        }
      },
      180_000,
    );

    async function checkPage({ page, watcher }: Slot, url: string) {
      const findings: Finding[] = [];
      const isSearch = url === searchUrl;
      watcher.reset();
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(site.origin + url + (isSearch ? `?q=${encodeURIComponent(query)}` : ''), { waitUntil: 'load' });
      if (isSearch) findings.push(...(await searchRuns(page, query)));
      // The offline page lists the pages saved on this device once it has read them (the worker registered by the
      // pages visited before it may have saved the whole site).
      if (url === `${base}offline/`)
        await page.waitForSelector('.offline-pages[data-state=done]', { state: 'attached' });

      // Keyboard first, from the fresh page.
      if (layout) findings.push(...(await keyboardWalk(page)));

      // The CSP: one strict policy, before anything it governs; no violation while loading (and searching).
      const csp = await page.evaluate(() => {
        const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[http-equiv]')].filter(
          (m) => m.httpEquiv.toLowerCase() === 'content-security-policy',
        );
        const first = document.head.querySelector(
          'script, style, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"]',
        );
        const late = metas[0] && first && metas[0].compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING;
        return { metas: metas.map((m) => m.content), late: Boolean(late) };
      });
      const violations = await probe(page, (p) => [...p.cspViolations]);
      for (const problem of cspProblems(csp.metas))
        findings.push({
          check: 'csp',
          rule: problem,
          element: 'meta[http-equiv=Content-Security-Policy]',
          detail: csp.metas.join(' | '),
        });
      if (csp.late)
        findings.push({
          check: 'csp',
          rule: 'the policy comes after a script or stylesheet it should govern',
          element: 'head',
          detail: '',
        });
      for (const v of violations) findings.push({ check: 'csp', rule: 'CSP violation', element: '', detail: v });

      // axe-core in both colour schemes.
      findings.push(...(await axe(page, 'axe light')));
      await page.emulateMedia({ colorScheme: 'dark' });
      findings.push(...(await axe(page, 'axe dark')));

      // Reflow: 320 px (WCAG 1.4.10), a 1280 px window at 200% zoom (640 CSS px), and 200% text (WCAG 1.4.4).
      const reflow = [
        ['reflow 320 px', 320, ''],
        ['zoom 200%', 640, ''],
        ['text 200%', 1280, '200%'],
      ] as const;
      for (const [check, width, text] of layout ? reflow : []) {
        await page.setViewportSize({ width, height: 800 });
        await page.evaluate((size) => void (document.documentElement.style.fontSize = size), text);
        for (const problem of await probe(page, (p) => p.overflow()))
          findings.push({ check, rule: 'horizontal overflow', element: '', detail: problem });
      }
      await page.evaluate(() => void (document.documentElement.style.fontSize = ''));

      findings.push(...watcher.findings());
      expectNone(new Map([[url, findings]]));
    }

    it('the search shortcut (/ and Ctrl+K) opens a dialog that keeps focus, closes on Escape and gives focus back', async () => {
      const { page } = free[0]!;
      const problems: Finding[] = [];
      const add = (rule: string, element: string, detail = '') =>
        problems.push({ check: 'search dialog', rule, element, detail });
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const shortcut of ['/', 'Control+k']) {
        await page.goto(site.origin + base);
        // Start from a link in the page, as a reader in the middle of it.
        await page.locator('main a[href]').first().focus();
        const before = await probe(page, (p) => p.describe(document.activeElement));
        await page.keyboard.press(shortcut);
        const opened = await page.evaluate(() => {
          const el = document.activeElement;
          const dialog = el?.closest('dialog, [role="dialog"], [role="alertdialog"]') ?? null;
          const probe = (window as unknown as { __a11y: { describe(e: Element | null): string } }).__a11y;
          return {
            focus: probe.describe(el),
            dialog: dialog && probe.describe(dialog),
            modal: Boolean(dialog && (dialog.matches(':modal') || dialog.getAttribute('aria-modal') === 'true')),
            controls: dialog
              ? dialog.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')
                  .length
              : 0,
          };
        });
        if (!opened.dialog) {
          add(
            `${shortcut} opens no dialog`,
            opened.focus,
            `focus moved to ${opened.focus}, which is not inside a <dialog> (opened with showModal()) or an element with role="dialog" aria-modal="true"`,
          );
          continue;
        }
        if (!opened.modal)
          add(
            'the dialog is not modal',
            opened.dialog,
            'use showModal(), or role="dialog" with aria-modal="true" and a focus trap',
          );
        // Tab and Shift+Tab go round the dialog's controls. Past the last one a native modal <dialog> may hand focus
        // to the browser's own controls (the page then has focus nowhere): that is allowed, the rest of the page is not.
        for (const key of ['Tab', 'Shift+Tab']) {
          for (let i = 0; i < opened.controls + 2; i++) {
            await page.keyboard.press(key);
            const where = await page.evaluate(() => {
              const el = document.activeElement;
              if (!el || el === document.body) return 'browser';
              return el.closest('dialog, [role="dialog"], [role="alertdialog"]') ? 'dialog' : 'page';
            });
            if (where === 'page') {
              add(
                `${key} leaves the dialog`,
                await probe(page, (p) => p.describe(document.activeElement)),
                `after ${i + 1} presses`,
              );
              break;
            }
          }
        }
        // The open dialog meets the same WCAG rules as the pages, in both colour schemes.
        if (shortcut === '/') {
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            for (const f of await axe(page, `axe ${scheme}, dialog open`)) problems.push(f);
          }
          await page.emulateMedia({ colorScheme: 'light' });
        }
        await page.keyboard.press('Escape');
        const after = await page.evaluate(() => {
          const open = [...document.querySelectorAll('dialog, [role="dialog"], [role="alertdialog"]')].some((d) =>
            d.checkVisibility(),
          );
          return {
            open,
            focus: (window as unknown as { __a11y: { describe(e: Element | null): string } }).__a11y.describe(
              document.activeElement,
            ),
          };
        });
        if (after.open) add('Escape does not close the dialog', opened.dialog);
        if (after.focus !== before)
          add('focus does not return', after.focus, `focus was on ${before} before the dialog opened`);
      }
      expectNone(new Map([[`${base} (${name} build)`, problems]]));
    });
  });
}

describeInBrowser('the whole report in print (emulated print media, and as a PDF)', () => {
  const { dir, base } = sites.root;
  const url = `${base}reports/${seed.id}/`;
  let browser: Browser;
  let site: Served;
  let page: Page;

  beforeAll(async () => {
    site = await serve(dir, base);
    browser = await launchChromium();
    page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.context().addInitScript(installProbe);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.goto(site.origin + url);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('prints without navigation, search, skip link or footer', async () => {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('nav, header, footer, form, [role="search"], search, input, button, .skip-link')]
        .filter((el) => el.checkVisibility())
        .map((el) => (window as unknown as { __a11y: { describe(e: Element | null): string } }).__a11y.describe(el)),
    );
    expect(shown).toEqual([]);
    // …and still prints the report: its title and every heading are shown.
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll('main h1, main h2.section-title')]
        .filter((el) => el.checkVisibility())
        .map((el) => el.textContent.trim()),
    );
    expect(headings).toEqual([seed.title, ...seed.sections]);
  });

  it('keeps every heading and speaker line with what follows (break-after: avoid)', async () => {
    // Every speaker line is printed, and so checked below: a selector that found none would check only headings.
    expect(await page.locator('main .remark-head:visible').count()).toBe(seed.remarks.length);
    const loose = await page.evaluate(() =>
      [...document.querySelectorAll('main h1, main h2, main h3, main h4, main .remark-head')]
        .filter((el) => el.checkVisibility() && !['avoid', 'avoid-page'].includes(getComputedStyle(el).breakAfter))
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} «${el.textContent.trim()}»: break-after ${getComputedStyle(el).breakAfter}`,
        ),
    );
    expect(loose).toEqual([]);
  });

  it('ends no printed page on a heading (A4 and A5 PDFs, read back line by line)', async () => {
    // Headings print larger than the text: the threshold lies between the largest text and the smallest heading.
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const headings = [...document.querySelectorAll('main h1, main h2, main h3')].filter((el) => el.checkVisibility());
      const text = [...document.querySelectorAll('main p, main li')].filter(
        (el) => el.checkVisibility() && !el.closest('h1, h2, h3'),
      );
      return { heading: Math.min(...headings.map(px)), text: Math.max(...text.map(px)) };
    });
    expect(sizes.heading).toBeGreaterThan(sizes.text);
    const threshold = ((sizes.heading + sizes.text) / 2) * 0.75;
    const stranded: string[] = [];
    for (const format of ['A4', 'A5']) {
      const pages = await pdfLines(
        new Uint8Array(
          await page.pdf({ format, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }),
        ),
      );
      expect(pages.length, `${format} pages`).toBeGreaterThan(1);
      // The text layer is readable (the check below means something): every heading is there. Chromium's fonts map
      // some characters to CJK radicals (⺠ for 民), which match any character here.
      const printed = pages
        .flat()
        .map((l) => l.text)
        .join('')
        .normalize('NFKC')
        .replace(/\s+/g, '')
        .replace(/[\u2e80-\u2fdf]/g, '?');
      const chars = (heading: string) => [...heading.normalize('NFKC').replace(/\s+/g, '')];
      const found = (heading: string) =>
        new RegExp(
          chars(heading)
            .map((c) => `[${c.replace(/[\\\]^-]/g, '\\$&')}?]`)
            .join(''),
        ).test(printed);
      expect(
        seed.sections.filter((h) => !found(h)),
        `${format}: headings missing from the PDF text`,
      ).toEqual([]);
      expect(
        pages.flat().some((l) => l.size >= threshold),
        `${format}: heading-sized lines`,
      ).toBe(true);
      pages.slice(0, -1).forEach((lines, i) => {
        const last = lines.at(-1);
        if (last && last.size >= threshold)
          stranded.push(`${format} page ${i + 1} of ${pages.length} ends with the heading line «${last.text}»`);
      });
    }
    expect(stranded).toEqual([]);
  });
});

describeInBrowser('the 404 page in print', () => {
  const { dir, base } = sites.root;
  let browser: Browser;
  let site: Served;

  beforeAll(async () => {
    site = await serve(dir, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('prints what it says, without its link home, which paper cannot follow', async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const response = await page.goto(`${site.origin}${base}no-such-page/`);
    expect(response?.status()).toBe(404);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('main h1, main p, main a')]
        .filter((el) => el.checkVisibility())
        .map((el) => `${el.tagName.toLowerCase()} ${el.textContent.trim()}`),
    );
    expect(shown).toEqual([`h1 ${t.notFoundTitle}`, `p ${t.notFoundText}`]);
  });
});

/** What a printed page's main shows of its headings, paragraphs, list items and links, as `tag text`. */
const printedMain = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main :is(h1, h2, p, li, a)')]
      .filter((el) => el.checkVisibility())
      .map((el) => `${el.tagName.toLowerCase()} ${(el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}`),
  );

describeInBrowser('the home page in print', () => {
  let browser: Browser;
  let work: string;
  let seedSite: Served;
  let manySite: Served;

  beforeAll(async () => {
    // Eleven reports, one more than the home page lists: the valid fixture's report under eleven ids and years.
    work = mkdtempSync(join(tmpdir(), 'home-print-'));
    const from = `${root}tests/fixtures/content/valid/content/reports/test-report`;
    for (let year = 2001; year <= 2011; year++) {
      const to = join(work, 'content', 'reports', `report-${year}`);
      cpSync(from, to, { recursive: true });
      const index = join(to, 'index.md');
      writeFileSync(index, readFileSync(index, 'utf8').replace(/^date: .*$/m, `date: "${year}"`));
    }
    execFileSync('npx', ['astro', 'build', '--outDir', join(work, 'dist')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CONTENT_DIR: join(work, 'content') },
    });
    seedSite = await serve(sites.root.dir, sites.root.base);
    manySite = await serve(join(work, 'dist'), '/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await seedSite?.close();
    await manySite?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const printed = async (site: Served) => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(site.url);
    const screen = await printedMain(page);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    return { screen, print: await printedMain(page) };
  };

  it('prints the latest report with its date, without 阅读全文, a link paper cannot follow', async () => {
    const { screen, print } = await printed(seedSite);
    const link = ` · ${t.readFull}`;
    expect(screen[0]).toBe(`h1 ${seed.title}`);
    expect(screen[1]?.endsWith(link), `${screen[1]}: the date, then the link`).toBe(true);
    expect(screen).toContain(`a ${t.readFull}`);
    expect(print.slice(0, 2)).toEqual([screen[0], screen[1]!.slice(0, -link.length)]);
    expect(print).not.toContain(`a ${t.readFull}`);
  });

  it('prints the latest ten reports, without 查看全部报告 past them, a link paper cannot follow', async () => {
    const { screen, print } = await printed(manySite);
    const list = (lines: string[]) => lines.slice(lines.indexOf(`h2 ${t.latestReports}`));
    expect(list(screen).filter((line) => line.startsWith('li '))).toHaveLength(10);
    expect(list(screen).slice(-2)).toEqual([`p ${t.moreReports}`, `a ${t.moreReports}`]);
    expect(list(print)).toEqual(list(screen).slice(0, -2));
  });
});

describeInBrowser('photos in print (the photo fixture’s whole report)', () => {
  const { dir, base } = photoSite;
  let browser: Browser;
  let site: Served;
  let page: Page;

  beforeAll(async () => {
    site = await serve(dir, base);
    browser = await launchChromium();
    page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    // A short window: the photos start below it, where a reader who prints at once has not scrolled.
    await page.setViewportSize({ width: 1280, height: 300 });
    await page.goto(`${site.origin}${base}reports/test-report/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('prints every photo, loaded though lazy, whole on its page with its caption, within the page width', async () => {
    await page.waitForFunction(
      () => [...document.querySelectorAll('figure img')].every((img) => (img as HTMLImageElement).naturalWidth > 0),
      null,
      { timeout: 15_000 },
    );
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('main figure')].map((figure) => {
        const img = figure.querySelector('img')!;
        return {
          shown: figure.checkVisibility() && img.checkVisibility(),
          caption: figure.querySelector('figcaption')?.textContent,
          breakInside: getComputedStyle(figure).breakInside,
          inside: img.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          ratio: Math.abs(img.width / img.height - img.naturalWidth / img.naturalHeight) < 0.02,
        };
      }),
    );
    expect(figures).toEqual(
      ['座谈会会场全景', '李四带领孩子们开展户外活动'].map((caption) => ({
        shown: true,
        caption,
        breakInside: 'avoid',
        inside: true,
        ratio: true,
      })),
    );
  });
});

describeInBrowser('screenshots (home, a heading, a speaker, search; 375 and 1280 px; light and dark)', () => {
  const { dir, base } = sites.root;
  const urls = readPages(dir, base).map((p) => p.url);
  const pick = (pattern: RegExp) => urls.find((u) => pattern.test(u.slice(base.length)));
  const shots = {
    home: base,
    heading: pick(/^reports\/[^/]+\/[^/]+\/$/),
    speaker: pick(/^speakers\/[^/]+\/$/),
    search: `${base}search/?q=${encodeURIComponent(QUERY)}`,
  };
  let browser: Browser;
  let site: Served;

  beforeAll(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await serve(dir, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    console.log(`\nScreenshots for a person to look at: ${SCREENSHOTS}\n`);
  });

  it('are written for every page kind, width and colour scheme', async () => {
    // The two colour schemes side by side, one context each.
    const written = await Promise.all(
      (['light', 'dark'] as const).map(async (scheme) => {
        const context = await browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
        const page = await context.newPage();
        const files: string[] = [];
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          for (const [kind, url] of Object.entries(shots)) {
            expect(url, `a ${kind} page in the build`).toBeDefined();
            await page.goto(site.origin + url!);
            if (kind === 'search') await page.locator('.search-results > li').first().waitFor({ timeout: 15_000 });
            const file = `${SCREENSHOTS}${kind}-${width}-${scheme}.png`;
            const png = await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
            expect(png.readUInt32BE(16), `${file}: width`).toBe(width);
            files.push(file);
          }
        }
        await context.close();
        return files;
      }),
    );
    expect(written.flat()).toHaveLength(16);
  });
});
