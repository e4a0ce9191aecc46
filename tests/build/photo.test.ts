// Photos through the whole build: the photo fixture (a <Figure> in a remark and in the editor's note) built under a
// sub-path, as `npm run build` would; and the builds that must fail on a photo or on MDX that is code.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES } from '../../src/lib/safe-url.ts';
import { fromRow, type RecordRow } from '../../src/scripts/search/record.ts';
import { root } from '../support/sites.ts';

const FIXTURE = 'tests/fixtures/content/photo/content';
const BASE = '/photo/';
const CAPTIONS = ['座谈会会场全景', '李四带领孩子们开展户外活动'];
const DESCRIPTIONS = ['主席台上方挂着红色横幅，台下坐满了教师', '孩子们在操场上围成一圈做游戏'];

/** Builds `content` into a new folder; the folder, the exit status, the output and the pages written. */
function build(content: string, base = '/') {
  const outDir = mkdtempSync(join(tmpdir(), 'build-photo-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir, '--base', base], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  return { outDir, status: result.status, output: result.stdout + result.stderr, pages };
}

describe('a build with photos', () => {
  let built: ReturnType<typeof build>;
  const page = (path: string) => parse(readFileSync(join(built.outDir, path, 'index.html'), 'utf8'));

  beforeAll(() => {
    built = build(FIXTURE, BASE);
  });
  afterAll(() => rmSync(built.outDir, { recursive: true, force: true }));

  it('succeeds', () => {
    expect(built.status, built.output).toBe(0);
  });

  /** Every check of one figure: its photo in sized WebP copies from the site, its description and caption. */
  function expectPhoto(figure: HTMLElement | null, caption: string, description: string) {
    expect(figure, caption).not.toBeNull();
    const img = figure!.querySelector('img')!;
    expect(figure!.querySelector('figcaption')!.textContent).toBe(caption);
    expect(img.getAttribute('alt')).toBe(description);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('sizes')).toBeTruthy();
    const width = Number(img.getAttribute('width'));
    const height = Number(img.getAttribute('height'));
    // The fixture's photos are 1600×1000 and 800×500: the page reserves their shape before they load.
    expect(width / height).toBeCloseTo(1.6, 2);
    const candidates = img
      .getAttribute('srcset')!
      .split(', ')
      .map((c) => c.split(' '));
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    for (const [url, descriptor] of [...candidates, [img.getAttribute('src')!, '']]) {
      expect(url).toMatch(new RegExp(`^${BASE}_astro/[^/]+\\.webp$`));
      expect(existsSync(join(built.outDir, url!.slice(BASE.length))), url).toBe(true);
      if (descriptor) expect(Number(descriptor.replace(/w$/, ''))).toBeLessThanOrEqual(width);
    }
    expect(candidates.at(-1)![1]).toBe(`${width}w`);
  }

  it("shows the photos of the remark and of the editor's note in sized, lazy WebP copies with their captions", () => {
    const report = page('reports/test-report');
    expectPhoto(report.querySelector('.editors-note figure.figure'), CAPTIONS[0]!, DESCRIPTIONS[0]!);
    expectPhoto(
      report.querySelector('[data-remark="test-report/remarks/2-1-li-si"] .remark-body figure.figure'),
      CAPTIONS[1]!,
      DESCRIPTIONS[1]!,
    );
    // The remark shows its photo wherever it is shown.
    for (const path of ['speakers/li-si', 'orgs/yiyou'])
      expectPhoto(page(path).querySelector('.remark-body figure.figure'), CAPTIONS[1]!, DESCRIPTIONS[1]!);
  });

  it("shows a Markdown remark's image in the same sized copies, not at the file's own size", () => {
    const img = page('reports/test-report').querySelector(
      '[data-remark="test-report/remarks/1-1-zhang-san"] .remark-body img',
    );
    expect(img?.getAttribute('alt')).toBe('操场上的升旗仪式');
    const candidates = img!.getAttribute('srcset')!.split(', ');
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    for (const candidate of candidates)
      expect(candidate).toMatch(new RegExp(`^${BASE}_astro/huodong\\.[^/ ]+\\.webp \\d+w$`));
  });

  it('publishes the sized copies of each photo, not the photo itself', () => {
    const files = readdirSync(built.outDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => /\.(jpe?g|png)$/i.test(f))).toEqual([]);
    expect(files.filter((f) => /^_astro\/huodong\.[^/]+\.webp$/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  it('puts the captions in the search records, and nothing of the photos or of the markup', () => {
    // Wherever the search files are kept under search-index/ (a folder per build's version, or not).
    const text = readdirSync(join(built.outDir, 'search-index'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /(^|\/)records-\d+\.json$/.test(f))
      .flatMap((f) => JSON.parse(readFileSync(join(built.outDir, 'search-index', f), 'utf8')) as RecordRow[])
      .map((row) => fromRow(row).text)
      .join('\n');
    expect(text).toContain('开展活动，凝聚人心。');
    for (const caption of CAPTIONS) expect(text).toContain(caption);
    for (const hidden of [...DESCRIPTIONS, 'huodong', 'huichang', 'Figure', 'figure', 'caption', 'src', '<', '>'])
      expect(text, hidden).not.toContain(hidden);
  });
});

/** The photo fixture in a temporary folder, with the remark's body replaced by `body` and `files` added. */
function photoContent(body: string, files: Record<string, Buffer | string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'photo-content-'));
  cpSync(join(root, FIXTURE), dir, { recursive: true });
  const remark = join(dir, 'reports/test-report/remarks/2-1-li-si.mdx');
  const text = readFileSync(remark, 'utf8');
  writeFileSync(remark, `${text.slice(0, text.indexOf('\n---\n') + 5)}\n开展活动，凝聚人心。\n\n${body}\n`);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'reports/test-report/remarks', name), data);
  return dir;
}

describe('a build that must fail', () => {
  const big = Buffer.alloc(IMAGE_MAX_BYTES + 1024);
  big.set([0xff, 0xd8, 0xff]);

  it.each([
    [
      'the issue’s file that reads the server’s files',
      "import {readFileSync} from 'node:fs'\n\n{readFileSync('/etc/hostname')}",
      {},
      [
        '2-1-li-si.mdx:11:1  正文里有代码「import {readFileSync}',
        "2-1-li-si.mdx:13:1  正文里的「{readFileSync('/etc/hostname')}」是代码",
      ],
    ],
    [
      'a photo over the size limit',
      '<Figure src="./big.jpg" alt="很大的照片" />',
      { 'big.jpg': big },
      ['2-1-li-si.mdx:11:1  图片文件「./big.jpg」有 5.001 MB，超过了 5.000 MB 的上限'],
    ],
  ])('%s fails with the Chinese message at its file and line, and writes no page', (_name, body, files, expected) => {
    const content = photoContent(body, files);
    const result = build(content);
    try {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('网站没有生成');
      for (const message of expected) expect(result.output).toContain(message);
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(result.pages).toEqual([]);
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(result.outDir, { recursive: true, force: true });
    }
  });
});
