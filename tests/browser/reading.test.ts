// Reading a report in Chromium: a visible link to each remark and a button that copies it; the table of contents
// beside the text on a wide screen, marking where the reader is, and at the top on a narrow one.
import type { Browser, Dialog } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchChromium, layoutShift, watchLayoutShifts } from '../support/browser.ts';
import { reading } from '../../src/i18n/zh-CN.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { sites } from '../support/sites.ts';

const seed = readSeed();

for (const [name, { dir, base }] of Object.entries(sites)) {
  describeInBrowser(`reading (${name} build, base ${base})`, () => {
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

    it('gives each remark a visible link on its speaker line, and a button that copies its address', async () => {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      const page = await context.newPage();
      await page.goto(`${site.url}reports/${seed.id}/`);
      const links = page.locator('a.remark-link');
      expect(await links.count()).toBe(seed.remarks.length);
      const first = seed.remarks.find((r) => r.section === seed.sections[0] && r.order === 1)!;
      const link = page.getByRole('link', { name: new RegExp(`^链接\\s*（${first.speaker}，${first.section}）$`) });
      expect(await link.isVisible()).toBe(true);
      const anchor = first.file.replace(/\.md$/, '');
      expect(await link.getAttribute('href')).toBe(`${base}reports/${seed.id}/#${anchor}`);
      // Keyboard: the link, then its button.
      await link.focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        `复制链接（${first.speaker}，${first.section}）`,
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('p.sr-only[role=status]')?.textContent === '已复制链接');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${new URL(site.url).origin}${base}reports/${seed.id}/#${anchor}`,
      );
      // Seen as well as heard: the button says so, until another remark's link is copied.
      const buttons = page.locator('button.remark-copy');
      const said = () => buttons.evaluateAll((list) => list.map((b) => b.firstChild?.textContent));
      expect(await said()).toEqual(['已复制链接', ...Array<string>(seed.remarks.length - 1).fill('复制链接')]);
      await buttons.nth(1).click();
      await page.waitForFunction(
        () => document.querySelectorAll('button.remark-copy')[1]?.firstChild?.textContent === '已复制链接',
      );
      expect(await said()).toEqual([
        '复制链接',
        '已复制链接',
        ...Array<string>(seed.remarks.length - 2).fill('复制链接'),
      ]);
      await context.close();
    });

    it('says when the link could not be copied, and holds it out for the reader to copy by hand', async () => {
      const page = await browser.newPage();
      // As a browser that refuses the write (a permission denied, an in-app browser).
      await page.addInitScript(() => {
        navigator.clipboard.writeText = () =>
          Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      });
      await page.goto(`${site.url}reports/${seed.id}/`);
      // Answered as it opens: the page waits on it.
      const asked = new Promise<Dialog>((resolve) =>
        page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog))),
      );
      await page.locator('button.remark-copy').first().click();
      const dialog = await asked;
      expect(dialog.type()).toBe('prompt');
      expect(dialog.message()).toBe(reading.copyFailed);
      const href = await page.locator('a.remark-link').first().getAttribute('href');
      expect(dialog.defaultValue()).toBe(new URL(href!, site.url).href);
      // Nothing claims it was copied.
      expect(
        await page
          .locator('button.remark-copy')
          .first()
          .evaluate((b) => b.firstChild?.textContent),
      ).toBe(reading.copyLink);
      expect(await page.locator('p.sr-only[role=status]').textContent()).toBe('');
      await page.close();
    });

    it('leaves room above the speaker line or heading an anchor leads to, not flush with the top of the window', async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
      await page.goto(`${site.url}reports/${seed.id}/`);
      // A heading and remarks early enough in the page to be scrolled to the top.
      const targets = await page.evaluate(() =>
        [...document.querySelectorAll('h2.section-title[id]')]
          .slice(1, 2)
          .concat([...document.querySelectorAll('article.remark[id]')].slice(1, 3))
          .map((e) => e.id),
      );
      expect(targets).toHaveLength(3);
      for (const id of targets) {
        await page.goto(`${site.url}reports/${seed.id}/#${id}`);
        const top = await page.evaluate(
          (id) =>
            document.getElementById(id)!.querySelector('.remark-head')?.getBoundingClientRect().top ??
            document.getElementById(id)!.getBoundingClientRect().top,
          id,
        );
        expect(top, id).toBeGreaterThanOrEqual(12);
        expect(top, id).toBeLessThan(60);
      }
      await page.close();
    });

    it('keeps the table of contents in view beside the text on a wide screen, marking where the reader is', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${site.url}reports/${seed.id}/`);
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const toc = await box('nav.toc');
      const text = await box('.remark-body');
      expect(toc.x, 'beside the text').toBeGreaterThan(text.x + text.width);
      const third = seed.sections[2]!;
      await page.locator('h2.section-title', { hasText: third }).evaluate((h) => h.scrollIntoView());
      await page.waitForFunction(
        (title) => document.querySelector('.toc a[aria-current]')?.textContent?.trim() === title,
        third,
      );
      const after = await box('nav.toc');
      expect(after.y, 'still in view').toBeGreaterThanOrEqual(0);
      expect(after.y).toBeLessThan(800);
      await page.close();
    });

    it('marks the entry of the table of contents the reader went to, short remarks and the last ones included', async () => {
      // Tall enough for a short remark and the next one to pass the top quarter together, or for the last ones never to
      // reach it.
      const page = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
      await page.goto(`${site.url}reports/${seed.id}/`);
      const links = page.locator('.toc a');
      // Every heading and remark has its entry: a page without them would pass the loop below untried.
      expect(await links.count()).toBe(seed.sections.length + seed.remarks.length);
      const marked = () => page.$$eval('.toc a[aria-current]', (list) => list.map((a) => a.getAttribute('href')));
      for (let i = 0; i < (await links.count()); i++) {
        const link = links.nth(i);
        const own = await link.getAttribute('href');
        const heading = await link.evaluate((a) =>
          a.closest('.outline > li')!.querySelector('.outline-section a')!.getAttribute('href'),
        );
        await link.click();
        await expect.poll(marked, { message: own! }).toEqual([...new Set([heading, own])]);
      }
      await page.close();
    });

    it('has a table of contents that is a plain list of links without JavaScript, and that moves nothing', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
      const plain = await context.newPage();
      await plain.goto(`${site.url}reports/${seed.id}/`);
      const links = await plain.$$eval('nav.toc a', (list) => list.map((a) => a.textContent.trim()));
      for (const section of seed.sections) expect(links, section).toContain(section);
      await context.close();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await watchLayoutShifts(page);
      await page.goto(`${site.url}reports/${seed.id}/`);
      await page
        .locator('h2.section-title')
        .nth(2)
        .evaluate((h) => h.scrollIntoView());
      await page.waitForFunction(() => document.querySelector('.toc a[aria-current]'));
      expect(await layoutShift(page)).toBe(0);
      await page.close();
    });

    it('gives the breadcrumbs no separator a screen reader would read', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}reports/${seed.id}/`);
      const crumbs = await page.locator('.breadcrumbs').ariaSnapshot();
      expect(crumbs).toContain(`listitem: ${seed.title}`);
      expect(crumbs).not.toContain('›');
      await page.close();
    });

    it('puts the table of contents before the text on a narrow screen', async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(`${site.url}reports/${seed.id}/`);
      const toc = (await page.locator('nav.toc').boundingBox())!;
      const first = (await page.locator('h2.section-title').first().boundingBox())!;
      expect(toc.y + toc.height).toBeLessThanOrEqual(first.y);
      await page.close();
    });
  });
}
