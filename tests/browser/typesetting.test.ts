// Titles and headings set like print: a line breaks only between phrases (at a space or a punctuation mark), never
// between two characters of a word, at every width from 320 to 1440 px, and never overflows. Measured from the line
// boxes Chromium lays out, character by character.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { slugify } from '../../src/lib/slug.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { sites } from '../support/sites.ts';

const seed = readSeed();
const WIDTHS = [320, 360, 414, 768, 1024, 1280, 1440];
const PAGES = ['', `reports/${seed.id}/`, `reports/${seed.id}/${slugify(seed.sections[0]!)}/`];

/** Every heading's lines as Chromium breaks them, and whether it overflows its box. */
function headingLines(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main h1, main h2, main h3, main .outline-section')].map((heading) => {
      const text = heading.textContent;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      const lines: string[] = [];
      let top: number | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A space where the line breaks has no width: it stays at the end of its line.
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (rect && (top === undefined || rect.top > top + rect.height / 2)) lines.push('');
          if (rect) top = rect.top;
          if (lines.length) lines.push(`${lines.pop()}${node.textContent![i]}`);
        }
      }
      return { text, lines, overflows: heading.scrollWidth > heading.clientWidth + 1 };
    }),
  );
}

/** A break between two characters of a word: letters, digits or Han on both sides of it. */
const WORD = /[\p{L}\p{N}]/u;
const insideWord = (before: string, after: string) => WORD.test(before.at(-1) ?? ' ') && WORD.test(after[0] ?? ' ');

describeInBrowser('titles and headings', () => {
  let browser: Browser;
  let site: Served;

  beforeAll(async () => {
    site = await serve(sites.root.dir, sites.root.base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('break only between phrases, and never overflow, from 320 to 1440 px', async () => {
    const problems: string[] = [];
    let measured = 0;
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of PAGES) {
        // A page that is not there would measure the 404 page instead.
        expect((await page.goto(`${site.url}${path}`))?.status(), path).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        for (const { text, lines, overflows } of await headingLines(page)) {
          measured++;
          if (overflows) problems.push(`${width} px ${path}: «${text}» overflows`);
          for (let i = 1; i < lines.length; i++)
            if (insideWord(lines[i - 1]!, lines[i]!))
              problems.push(`${width} px ${path}: «${lines.join(' / ')}» breaks inside a word`);
        }
      }
      await page.close();
    }
    expect(measured).toBeGreaterThan(WIDTHS.length * 10);
    expect(problems).toEqual([]);
  });
});
