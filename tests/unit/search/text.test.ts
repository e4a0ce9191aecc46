// The search text now comes from the rendered HTML (src/lib/text.ts); it must be what the records' own Markdown
// parse gave (plainText, src/pages/search/_records.ts, copied here as it was) for every body the project has.
import { readdirSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { contentModel } from '../../../src/content.config.ts';
import { checkContent } from '../../../src/lib/check.ts';
import { validEntries } from '../../../src/lib/loader.ts';
import { htmlText } from '../../../src/lib/text.ts';
import { root } from '../../support/sites.ts';

const parser = unified().use(remarkParse);
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
function plainText(markdown: string): string {
  const blocks = parser.parse(markdown).children.map((node) => toString(node, { includeHtml: false }));
  return blocks
    .map((block) =>
      block
        .trim()
        .replace(/[ \t]*\n[ \t]*/g, (_, at: number, all: string) =>
          WIDE.test(all[at - 1] ?? '') && WIDE.test(all[at + _.length] ?? '') ? '' : ' ',
        ),
    )
    .filter(Boolean)
    .join(' ');
}

const renderer = await config.markdown!.processor!.createRenderer({ syntaxHighlight: false });
const html = async (markdown: string) => (await renderer.render(markdown, { frontmatter: {} })).code;

describe('the search text from rendered HTML', () => {
  it('is what the Markdown parse gave, for the seed content and every valid file of the fixtures', async () => {
    process.chdir(root);
    const dirs = [
      'content',
      ...readdirSync('tests/fixtures/content').map((d) => `tests/fixtures/content/${d}/content`),
    ];
    let compared = 0;
    for (const dir of dirs) {
      // Only a file that passes the checks is published (raw HTML, for one, is refused there).
      const check = await checkContent(dir, contentModel);
      for (const { parsed } of [...validEntries(check, 'reports'), ...validEntries(check, 'remarks')]) {
        expect(htmlText(await html(parsed.markdown)), parsed.file).toBe(plainText(parsed.markdown));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
