// The content check reads most files without the Markdown parser (plainFile in src/lib/check/parse.ts); for every file the
// project has, and for bodies chosen to trip it, that must give exactly what the parser gives.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/archive.ts';
import { halfWidthMarks } from '../../src/lib/check/fixes.ts';
import { parseFile, type Problem } from '../../src/lib/check/parse.ts';
import { root } from '../support/sites.ts';

const markdownUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')] as const);

const FRONT = '---\nspeaker: 王鑫\nschool: 银河小学\nrole: 书记\nsection: 围绕中心\norder: 1\n---\n';
/** Bodies at the edge of what can skip the parser. */
const crafted = [
  '\n其中70岁及空巢老教师占退休教师的40%，每个责任区有2-3名教师。\n',
  '\n用 **加粗** 强调，_斜体_ 也行，还有 &amp; 与 7/8 和 # 号。\n\n第二段。\n',
  '\n    缩进四格的一段字。\n',
  '\n# 标题\n\n正文。\n',
  '\n## 小结\n',
  '\n小结\n===\n',
  '\n小结\n---\n',
  '\n……\n',
  '\n---\n',
  '\n***\n',
  '\n- \n',
  '\n```js\n```\n',
  '\n<p>文字</p>\n',
  '\n[定义]: https://example.org\n',
  '\n有半角,逗号的中文。\n',
  '\n\n',
  '',
  '\r\n中文\r\n',
].map((body, i) => [`crafted-${i}.md`, FRONT + body] as const);

/** What the checks take from a parsed file. */
function reading(file: string, text: string, plain: boolean) {
  const problems: Problem[] = [];
  const parsed = parseFile(file, text, problems, { plain });
  return {
    problems,
    data: parsed.data,
    keyLines: [...parsed.keyLines],
    frontmatterLine: parsed.frontmatterLine,
    bodyLine: parsed.bodyLine,
    markdown: parsed.markdown,
    html: parsed.body.some(function html(n): boolean {
      return n.type === 'html' || ('children' in n && (n.children as typeof parsed.body).some(html));
    }),
    hasText: parsed.body.some((n) => n.type !== 'html' && n.type !== 'heading' && /[\p{L}\p{N}]/u.test(toString(n))),
    marks: halfWidthMarks(parsed).map(({ line, column, from, to }) => ({ line, column, from, to })),
  };
}

describe('reading plain prose without the Markdown parser', () => {
  it('gives what the parser gives for the seed, every fixture, a synthetic archive and edge cases', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'plain-'));
    await writeArchive(archive, 60, join(root, 'content'));
    const files = [
      ...markdownUnder(join(root, 'content')),
      ...markdownUnder(join(root, 'tests/fixtures')),
      ...markdownUnder(archive),
      ...crafted,
    ];
    let quick = 0;
    for (const [file, text] of files) {
      const plain = reading(file, text, true);
      expect(plain, file).toEqual(reading(file, text, false));
      // The quick path's nodes carry no position, the parser's always do: counted by the path taken, not guessed.
      if (parseFile(file, text, [], { plain: true }).body.some((n) => !n.position)) quick++;
    }
    // Both ways are exercised: files that skip the parser, and files with marks, HTML or broken frontmatter.
    expect(quick).toBeGreaterThan(20);
    expect(files.length - quick).toBeGreaterThan(10);
  });
});
