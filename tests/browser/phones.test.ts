// Reading on a phone, 320 to 414 px wide, in Chromium: what the narrow screen does to the header's search box.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { search } from '../../src/i18n/zh-CN.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';
import { speakerSlugOf } from '../../src/lib/model.ts';
import { slugify } from '../../src/lib/slug.ts';
import { readSeed } from '../support/seed.ts';
import { serve, type Served } from '../support/serve.ts';
import { sites } from '../support/sites.ts';

const seed = readSeed();
const WIDTHS = [320, 360, 375, 414];
const first = seed.remarks[0]!;
/** Reading pages, and the search page, whose own box is the header's width. */
const PAGES = [
  '',
  `reports/${seed.id}/`,
  `reports/${seed.id}/${slugify(seed.sections[0]!)}/`,
  `speakers/${speakerSlugOf(first)}/`,
  'search/',
];

interface Hint {
  box: string;
  /** How wide the placeholder's text is, and how wide its box, in the box's shadow tree. */
  text: number;
  room: number;
  ellipsis: boolean;
}

/**
 * Every visible search box's placeholder as Chromium lays it out: the placeholder is an element of the box's
 * user-agent shadow tree, which only the DevTools protocol reaches.
 */
async function hints(page: Page): Promise<Hint[]> {
  const cdp = await page.context().newCDPSession(page);
  interface Node {
    backendNodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
  }
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const found: { box: string; node: number }[] = [];
  const walk = (node: Node, box: string) => {
    const attrs = node.attributes ?? [];
    if (attrs.includes('-webkit-input-placeholder')) found.push({ box, node: node.backendNodeId });
    const here = node.nodeName === 'INPUT' ? `#${attrs[attrs.indexOf('id') + 1]}` : box;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, here);
  };
  walk(root, '');
  const measured: Hint[] = [];
  for (const { box, node } of found) {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        return { text: this.scrollWidth, room: this.clientWidth, ellipsis: getComputedStyle(this).textOverflow === 'ellipsis' };
      }`,
    });
    const hint = result.value as Omit<Hint, 'box'>;
    if (hint.room > 0) measured.push({ box, ...hint });
  }
  await cdp.detach();
  return measured;
}

describeInBrowser('on a phone', () => {
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

  it('the search box shows its whole hint, from 320 to 414 px, and keeps its name', async () => {
    const cut: string[] = [];
    let boxes = 0;
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const path of PAGES) {
        // A page that is not there would measure the 404 page instead.
        expect((await page.goto(`${site.url}${path}`))?.status(), path).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        expect(await page.getByRole('searchbox', { name: search.label }).isVisible()).toBe(true);
        for (const { box, text, room } of await hints(page)) {
          boxes++;
          if (text > room) cut.push(`${width} px /${path} ${box}: «${search.placeholder}» is ${text} px in ${room} px`);
        }
      }
      await page.close();
    }
    expect(boxes).toBe(WIDTHS.length * PAGES.length);
    expect(cut).toEqual([]);
  });

  it("the search dialog's box shows its whole hint, from 320 to 414 px", async () => {
    // Chromium clips a focused box's hint, ellipsis or not: only a hint short enough fits.
    const cut: string[] = [];
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.url}reports/${seed.id}/`);
      await page.locator('#site-search-q').click();
      await page.getByRole('dialog').waitFor();
      const hint = (await hints(page)).find((h) => h.box === '#search-dialog-q');
      expect(hint, `${width} px`).toBeDefined();
      if (hint!.text > hint!.room)
        cut.push(`${width} px: «${search.placeholder}» is ${hint!.text} px in ${hint!.room} px`);
      await page.close();
    }
    expect(cut).toEqual([]);
  });

  it('ends the hint with an ellipsis, not half a character, where it cannot fit', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${site.url}reports/${seed.id}/`);
    // 200% text (WCAG 1.4.4), or a phone's larger text setting.
    await page.evaluate(() => void (document.documentElement.style.fontSize = '200%'));
    const [hint] = await hints(page);
    expect(hint).toMatchObject({ box: '#site-search-q', ellipsis: true });
    expect(hint!.text).toBeGreaterThan(hint!.room);
    await page.close();
  });
});
