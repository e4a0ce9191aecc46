// How a checked `.mdx` body becomes the page (src/lib/mdx.ts, renderMdx): from the tree the checks read, never
// compiled, with each photo handed to Astro's asset pipeline; and, for bodies made to trip it, nothing the checks let
// through reaches the page as an element or address they refuse.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { contentModel } from '../../src/content.config.ts';
import { checkContent, formatProblems } from '../../src/lib/check.ts';
import { FIGURE_SIZES, renderMdx, withPhotos } from '../../src/lib/mdx.ts';
import { entryText } from '../../src/lib/text.ts';
import { ENGLISH_SENTENCE, ownWords } from '../support/hostile.ts';
import { unsafeRefs } from '../support/safe-html.ts';
import { root } from '../support/sites.ts';

const PHOTO_FIXTURE = `${root}tests/fixtures/content/photo/content`;
const REMARK = 'reports/test-report/remarks/2-1-li-si.mdx';
const FRONT = '---\nspeaker: 李四\nschool: 一幼\nrole: 党支部书记\nsection: 第二部分 服务\norder: 1\n---\n\n';

/** Checks the photo fixture with the remark's body replaced; its problems, and its body as the checks read it. */
async function checked(body?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'mdx-'));
  try {
    cpSync(PHOTO_FIXTURE, dir, { recursive: true });
    if (body !== undefined) writeFileSync(join(dir, REMARK), FRONT + body + '\n');
    const { problems, entries } = await checkContent(dir, contentModel);
    const entry = entries.find((e) => e.id === 'test-report/remarks/2-1-li-si')!;
    return { problems, body: entry.parsed.body, text: entry.parsed.source };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each photo of rendered HTML: the number of its file and its description. */
const photos = (html: string) =>
  parse(html)
    .querySelectorAll('img')
    .map((img) => ({ photo: img.getAttribute('data-photo'), alt: img.getAttribute('alt') }));

describe('a checked .mdx body on the page', () => {
  it('shows a <Figure> as a figure with its photo for the asset pipeline and its caption', async () => {
    const { problems, body } = await checked();
    expect(formatProblems(problems)).toBe('');
    const rendered = renderMdx(body);
    expect(rendered.photos).toEqual(['./huodong.jpg']);
    expect(rendered.html).toBe(
      '<p>开展活动，凝聚人心。</p>\n<figure class="figure"><img data-photo="0" alt="孩子们在操场上围成一圈做游戏"><figcaption>李四带领孩子们开展户外活动</figcaption></figure>\n<p>活动结束后，大家一起收拾了操场。</p>',
    );
  });

  it('shows a Markdown image, written inline or by reference, as a photo for the asset pipeline too', async () => {
    const { problems, body } = await checked(
      '开展活动。\n\n![游戏](./huodong.jpg) ![合影][p] ![又一张](./huodong.jpg)\n\n[p]: huodong.jpg',
    );
    expect(formatProblems(problems)).toBe('');
    const rendered = renderMdx(body);
    expect(photos(rendered.html)).toEqual([
      { photo: '0', alt: '游戏' },
      { photo: '1', alt: '合影' },
      { photo: '0', alt: '又一张' },
    ]);
    expect(rendered.photos).toEqual(['./huodong.jpg', 'huodong.jpg']);
  });

  it('gives each photo the copies the asset pipeline made of its file, and keeps its description', () => {
    const sized = (name: string) => ({
      src: `/_astro/${name}.webp`,
      srcSet: { attribute: `/_astro/${name}-320.webp 320w, /_astro/${name}.webp 640w` },
      attributes: {
        width: 640,
        height: 400,
        sizes: FIGURE_SIZES,
        loading: 'lazy',
        decoding: 'async',
        title: undefined,
      },
    });
    const html = withPhotos(
      '<p>x &#x3C;img data-photo="1"</p><img data-photo="1" alt="乙 &#x26; &#x22;丙&#x22;"><img data-photo="0" alt="甲">',
      [sized('a'), sized('b&"c')],
    );
    expect(html).toBe(
      '<p>x &#x3C;img data-photo="1"</p>' +
        `<img src="/_astro/b&amp;&quot;c.webp" srcset="/_astro/b&amp;&quot;c-320.webp 320w, /_astro/b&amp;&quot;c.webp 640w" width="640" height="400" sizes="${FIGURE_SIZES}" loading="lazy" decoding="async" alt="乙 &#x26; &#x22;丙&#x22;">` +
        `<img src="/_astro/a.webp" srcset="/_astro/a-320.webp 320w, /_astro/a.webp 640w" width="640" height="400" sizes="${FIGURE_SIZES}" loading="lazy" decoding="async" alt="甲">`,
    );
    expect(() => withPhotos('<img data-photo="2" alt="">', [sized('a')])).toThrow(/photo 2/);
  });

  it('gives a search text of the prose and the caption: no markup, description, file or component name', async () => {
    const text = entryText({ rendered: renderMdx((await checked()).body) });
    expect(text).toBe('开展活动，凝聚人心。 李四带领孩子们开展户外活动 活动结束后，大家一起收拾了操场。');
  });

  it('keeps what an editor wrote as text, whatever it looks like', async () => {
    const { problems } = await checked(
      '一 \\<b> 二 `<i>` ＜三＞\n\n<Figure src="./huodong.jpg" alt={"甲\\" onerror=\\"x"} />',
    );
    expect(problems.filter((p) => p.severity === 'error')).toHaveLength(1);
    const safe = await checked(
      '一 \\<b> 二 `<i>` ＜三＞\n\n<Figure src="./huodong.jpg" alt=\'甲" onerror="x\' caption="<script>&amp;" />',
    );
    expect(formatProblems(safe.problems.filter((p) => p.severity === 'error'))).toBe('');
    const { html } = renderMdx(safe.body);
    expect(html).toContain('<p>一 &#x3C;b> 二 <code>&#x3C;i></code> ＜三＞</p>');
    expect(html).toContain('<figcaption>&#x3C;script>&#x26;</figcaption>');
    expect(photos(html)[0]).toMatchObject({ alt: '甲" onerror="x' });
    expect(parse(html).querySelectorAll('script, b, i')).toEqual([]);
  });

  it('is made from the tree the checks read: code they read as code is not HTML to a Markdown parser', async () => {
    // MDX has no indented code, so an indented fence opens a code block; Markdown would end an indented code block
    // at the next line and read <script> as HTML. The page must show what the checks saw.
    const { problems, body } = await checked('开展活动。\n\n    ```\n<script>alert(1)</script>\n```');
    // Refused as code, which a remark has no use for; were it let through, it would still be shown as code.
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringContaining('会显示成等宽字体的代码框'),
    ]);
    const { html } = renderMdx(body);
    expect(html).toContain('<pre><code>&#x3C;script>alert(1)&#x3C;/script>\n</code></pre>');
    expect(parse(html).querySelectorAll('script')).toEqual([]);
  });

  it('is the only way an .mdx file reaches a page: the build has no MDX compiler', () => {
    const names = (config.integrations ?? []).flat().map((i) => (i && typeof i === 'object' ? i.name : ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /mdx/i.test(name))).toEqual([]);
  });

  it.each([
    ['an import', { type: 'mdxjsEsm', value: "import fs from 'node:fs'" }],
    ['an expression', { type: 'mdxFlowExpression', value: 'fs' }],
    ['an HTML element', { type: 'mdxJsxFlowElement', name: 'script', attributes: [], children: [] }],
    ['a Figure without alt', { type: 'mdxJsxFlowElement', name: 'Figure', attributes: [], children: [] }],
    ['a photo from elsewhere', { type: 'image', url: 'https://evil.example/a.jpg', alt: '' }],
    ['a photo by absolute path', { type: 'image', url: '/etc/a.jpg', alt: '' }],
  ])('stops at %s, which the checks refuse, rather than show it', (_name, node) => {
    expect(() => renderMdx([node as RootContent])).toThrow();
  });
});

/** Pieces of MDX an editor might write, or an attacker: text, Markdown, MDX, HTML and what looks like them. */
const PIECES = [
  '开展活动',
  '，',
  '凝聚人心。',
  '**加粗**',
  '\n',
  '\n\n',
  '    ',
  '> ',
  '- ',
  '1. ',
  '# ',
  '`',
  '```',
  '\\',
  '<',
  '>',
  '{',
  '}',
  '"',
  '&lt;script&gt;',
  '&#60;b&#62;',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b onclick="x">字</b>',
  '<meta http-equiv=refresh content="0;url=https://evil.example/">',
  '<Fragment set:html={"<img src=x onerror=alert(1)>"} />',
  '<Figure src="./huodong.jpg" alt="甲" />',
  '<Figure src="./huodong.jpg" alt="甲" caption="<b>乙</b> onerror=x" />',
  '<Figure src="./huodong.jpg" alt={x} />',
  '<Figure src="javascript:alert(1)" alt="甲" />',
  '<figure>',
  '{readFileSync("/etc/hostname")}',
  "import {readFileSync} from 'node:fs'",
  'export const a = 1',
  '[链接](javascript:alert(1))',
  '[链接](https://example.org/)',
  '[链接][r]\n\n[r]: javascript:alert(1)',
  '![图](./huodong.jpg)',
  '![图](https://evil.example/a.png)',
  '<!-- 注释 -->',
  '<https://example.org/>',
];

/** The elements and attributes a rendered .mdx body may have. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  em: [],
  strong: [],
  a: ['href', 'title'],
  code: ['class'],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  br: [],
  figure: ['class'],
  figcaption: [],
  img: ['data-photo', 'alt'],
};

describe('bodies made to trip the checks', () => {
  it('are refused in Chinese at a line of the file, or reach the page as Markdown and photos only', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }), async (pieces) => {
        const body = `开展活动。\n\n${pieces.join('')}`;
        const { problems, body: tree, text } = await checked(body);
        const errors = problems.filter((p) => p.severity === 'error');
        for (const p of errors) {
          expect(p.line, `${formatProblems([p])}\n${body}`).toBeGreaterThanOrEqual(1);
          expect(p.line, `${formatProblems([p])}\n${body}`).toBeLessThanOrEqual(text.split('\n').length);
          expect(ownWords(p.message), p.message).not.toMatch(ENGLISH_SENTENCE);
        }
        if (errors.length) return;
        accepted++;
        const { html } = renderMdx(tree);
        for (const el of parse(html).querySelectorAll('*')) {
          const tag = el.tagName.toLowerCase();
          expect(Object.keys(ALLOWED), `<${tag}> in ${html}\nfrom ${body}`).toContain(tag);
          for (const name of Object.keys(el.attributes))
            expect(ALLOWED[tag], `${name} on <${tag}> in ${html}\nfrom ${body}`).toContain(name.toLowerCase());
        }
        expect(unsafeRefs(html), body).toEqual([]);
      }),
      { numRuns: 300, seed: 20150701 },
    );
    // The property says something about pages only if some bodies were accepted.
    expect(accepted).toBeGreaterThan(30);
  });
});
