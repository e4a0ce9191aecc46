// The content loader (src/lib/loader.ts) with a stand-in for Astro's loader context: both collections come from one
// read of each file, the same read the checks made.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataEntry, SchemaContext } from 'astro/content/config';
import type { LoaderContext } from 'astro/loaders';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'astro/zod';
import { collections, contentModel } from '../../src/content.config.ts';
import { checkContent } from '../../src/lib/check.ts';
import { contentLoaders, fillStore } from '../../src/lib/loader.ts';
import { root } from '../support/sites.ts';

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, readFile: vi.fn(fs.readFile) };
});

/** What the loader is given by Astro, kept in memory; `rendered` records what was rendered. */
function fakeContext(collection: string) {
  const entries = new Map<string, DataEntry>();
  const rendered: string[] = [];
  const logged: string[] = [];
  // The collection's own schema, with `image()` keeping a photo's path as it is.
  const schema = (collections[collection as 'reports' | 'remarks'].schema as (context: SchemaContext) => z.ZodType)({
    image: () => z.string(),
  } as unknown as SchemaContext);
  const context = {
    collection,
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: DataEntry) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    config: { root: pathToFileURL(root) },
    logger: { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) },
    parseData: ({ data }: { data: unknown }) => schema.parseAsync(data),
    renderMarkdown: (markdown: string) => (rendered.push(markdown), Promise.resolve({ html: markdown })),
    generateDigest: (text: string) => text,
  } as unknown as LoaderContext;
  return { context, entries, rendered, logged };
}

/** Loads both collections as Astro does: at once; `dev`, as `astro dev` does, with a watcher. */
async function loadBoth(dir: string, { dev = false } = {}) {
  const loaders = contentLoaders(dir, contentModel);
  const reports = fakeContext('reports');
  const remarks = fakeContext('remarks');
  if (dev)
    for (const { context } of [reports, remarks])
      Object.assign(context, { watcher: { add: () => undefined, on: () => undefined } });
  const results = await Promise.allSettled([
    loaders.reports.load(reports.context),
    loaders.remarks.load(remarks.context),
  ]);
  return { reports, remarks, results };
}

beforeEach(() => {
  process.chdir(root);
  vi.mocked(readFile).mockClear();
});

describe('the content loader', () => {
  it('reads each content file once for both collections, and stores what that read found', async () => {
    const { reports, remarks, results } = await loadBoth('content');
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const reads = vi.mocked(readFile).mock.calls.map(([path]) => relative(root, path as string));
    const files = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(reads.toSorted()).toEqual(files.map((f) => `content/${f}`).toSorted());

    expect([...reports.entries.keys()]).toEqual(['2015-dangjian-zuotanhui/index']);
    expect(remarks.entries.size).toBe(16);
    const entry = remarks.entries.get('2015-dangjian-zuotanhui/remarks/1-1-ye-xianghong')!;
    const path = 'content/reports/2015-dangjian-zuotanhui/remarks/1-1-ye-xianghong.md';
    expect(entry.filePath).toBe(path);
    const source = await vi
      .importActual<typeof import('node:fs/promises')>('node:fs/promises')
      .then((fs) => fs.readFile(path, 'utf8'));
    expect(remarks.rendered).toContain(`---\n---\n${source.slice(source.indexOf('\n---\n') + 5)}`);
    // The text lives in the rendered HTML: the store keeps no second copy of it.
    expect(entry.body).toBeUndefined();
    expect(entry.data).toMatchObject({ speaker: '叶向红', section: '围绕中心 严字当头', order: 1 });
    expect(remarks.rendered).toHaveLength(16);
  });

  it('stores an .mdx file from the tree the checks read, with its photos in its data for the asset pipeline', async () => {
    const { reports, remarks, results } = await loadBoth('tests/fixtures/content/photo/content');
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // Each content file is read once, and each photo, which the checks measure as the asset pipeline will.
    const reads = vi.mocked(readFile).mock.calls.map(([path]) => (path as string).replace(/^.*\/test-report\//, ''));
    expect(reads.toSorted()).toEqual([
      'huichang.png',
      'index.mdx',
      'remarks/1-1-zhang-san.md',
      'remarks/2-1-li-si.mdx',
      'remarks/huodong.jpg',
    ]);
    // None goes through Astro's Markdown renderer: the Markdown file has an image, which gets a photo's copies.
    expect(remarks.rendered).toHaveLength(0);
    expect(reports.rendered).toHaveLength(0);
    /** What the loader stores besides a data entry's own fields. */
    type Stored = DataEntry & {
      data: { photos?: string[] };
      rendered?: { html: string };
      assetImports?: string[];
      deferredRender?: boolean;
    };
    const remark = remarks.entries.get('test-report/remarks/2-1-li-si') as Stored;
    expect(remark.filePath).toBe('tests/fixtures/content/photo/content/reports/test-report/remarks/2-1-li-si.mdx');
    const { html } = remark.rendered as { html: string };
    expect(html).toContain('<figure class="figure"><img data-photo="0" alt="孩子们在操场上围成一圈做游戏">');
    expect(html).toContain('<figcaption>李四带领孩子们开展户外活动</figcaption>');
    expect(remark.data.photos).toEqual(['./huodong.jpg']);
    expect(remark.deferredRender).toBeUndefined();
    const note = reports.entries.get('test-report/index') as Stored;
    expect(note.data.photos).toEqual(['./huichang.png']);
    const plain = remarks.entries.get('test-report/remarks/1-1-zhang-san') as Stored;
    expect(plain.data.photos).toEqual(['./huodong.jpg']);
    expect(plain.rendered?.html).toContain('<img data-photo="0" alt="操场上的升旗仪式">');
    expect(note.rendered?.html).toContain('<figcaption>座谈会会场全景</figcaption>');
    expect(note.body).toBeUndefined();
  });

  it('stops with every error in Chinese, for both collections', async () => {
    const { results } = await loadBoth('tests/fixtures/content/mdx-import/content');
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(
        /^Error: 内容有 1 处错误，网站没有生成：\n {2}错误 {2}tests\/fixtures\/content\/mdx-import\/.*2-1-li-si\.mdx:9:1 {2}正文里有代码/,
      );
    }
  });

  it('under astro dev, says every error in Chinese and goes on with the valid files, as the preview', async () => {
    const { reports, remarks, results } = await loadBoth('tests/fixtures/content/mdx-import/content', { dev: true });
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect([...reports.entries.keys()]).toEqual(['test-report/index']);
    expect([...remarks.entries.keys()]).toEqual(['test-report/remarks/1-1-zhang-san']);
    expect([...reports.logged, ...remarks.logged].join('\n')).toMatch(
      /^内容有 1 处错误（发布前必须改正；.*\n {2}错误 {2}tests\/fixtures\/content\/mdx-import\/.*2-1-li-si\.mdx:9:1 {2}正文里有代码/,
    );
    // A report's index.md with an error: none of its remarks, which the pages could not place.
    const invalid = await loadBoth('tests/fixtures/content/bad-report/content', { dev: true });
    expect(invalid.results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect([...invalid.reports.entries.keys(), ...invalid.remarks.entries.keys()]).toEqual([]);
  });
});

describe('filling a store from a read', () => {
  it('renders only what changed, drops what is gone, and keeps the last valid entry of a file now invalid', async () => {
    const { context, entries, rendered } = fakeContext('remarks');
    const valid = await checkContent('tests/fixtures/content/valid/content', contentModel);
    await fillStore(context, valid, 'remarks');
    const ids = [...entries.keys()];
    expect(ids.length).toBeGreaterThan(1);
    expect(rendered).toHaveLength(ids.length);

    rendered.length = 0;
    await fillStore(context, valid, 'remarks');
    expect(rendered).toEqual([]);

    // The same text read from another folder is stored anew, with its own path.
    const moved = {
      problems: [],
      entries: valid.entries.map((e) => ({
        ...e,
        parsed: { ...e.parsed, file: e.parsed.file.replace('valid', 'moved') },
      })),
    };
    await fillStore(context, moved, 'remarks');
    expect(rendered).toHaveLength(ids.length);
    expect(entries.get(ids[0]!)!.filePath).toMatch(/^tests\/fixtures\/content\/moved\//);
    await fillStore(context, valid, 'remarks');
    rendered.length = 0;

    const [kept, gone] = ids;
    const broken = {
      problems: [
        {
          file: valid.entries.find((e) => e.id === kept)!.parsed.file,
          line: 1,
          column: 1,
          severity: 'error' as const,
          message: '',
        },
      ],
      entries: valid.entries.filter((e) => e.id !== gone),
    };
    const before = entries.get(kept!);
    await fillStore(context, broken, 'remarks');
    expect(entries.has(gone!)).toBe(false);
    expect(entries.get(kept!)).toBe(before);
  });
});
