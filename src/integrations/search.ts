// Site search: a Pagefind index and the files the search page reads beside it (see search/files.ts), built inside
// `astro build` (and served from memory under `astro dev`), and a service worker that keeps the site and the search
// available offline.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_TAG_SLOT, type SearchRecord } from '../scripts/search/record.ts';
import { closePagefind, filesTag, searchFiles } from './search/files.ts';
import { writeServiceWorker } from './search/service-worker.ts';

type InlineLimit = number | ((file: string, content: Buffer) => boolean | undefined) | undefined;

/**
 * Keeps every script an external file: Astro inlines small processed scripts, which a Content-Security-Policy
 * without 'unsafe-inline' would block. Other assets keep the configured limit.
 */
function externalScripts(previous: InlineLimit) {
  return (file: string, content: Buffer): boolean | undefined => {
    if (/\.[cm]?js$/.test(file)) return false;
    if (typeof previous === 'function') return previous(file, content);
    return previous === undefined ? undefined : content.length < previous;
  };
}

/** Writes the search files' version into the built search page, in place of the slot it was rendered with. */
function stampSearchPage(page: URL, tag: string) {
  const html = readFileSync(page, 'utf8');
  const slot = `data-cache-tag="${CACHE_TAG_SLOT}"`;
  if (html.split(slot).length !== 2)
    throw new Error(`${page.pathname}: expected one ${slot} to write the search files' version in`);
  writeFileSync(page, html.replace(slot, `data-cache-tag="${tag}"`));
}

/** The records `search-index/records-<k>.json` hold (written by the pages), in order, with the files' bytes. */
function readRecords(folder: URL): { records: SearchRecord[]; written: Map<string, Uint8Array> } {
  const names = readdirSync(folder)
    .filter((name) => /^records-\d+\.json$/.test(name))
    .sort((a, b) => parseInt(a.slice(8)) - parseInt(b.slice(8)));
  const written = new Map(names.map((name) => [`search-index/${name}`, readFileSync(new URL(name, folder))]));
  const records = [...written.values()].flatMap((bytes) => JSON.parse(bytes.toString('utf8')) as SearchRecord[]);
  return { records, written };
}

/** The search integration; register it last, so the service worker lists every file the other integrations wrote. */
export default function search(): AstroIntegration {
  let base = '/';
  let root = new URL('file:///');
  return {
    name: 'report-search',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        updateConfig({
          vite: {
            build: { assetsInlineLimit: externalScripts(config.vite?.build?.assetsInlineLimit) },
            // Whether the pages register the service worker (src/scripts/register-sw.ts): built sites only.
            define: { __SEARCH_OFFLINE__: JSON.stringify(command === 'build') },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { records, written } = readRecords(new URL('search-index/', dir));
        const files = await searchFiles(records);
        await closePagefind();
        // Written synchronously: thousands of small files, each costing several trips through libuv's thread pool
        // when written asynchronously.
        for (const folder of new Set([...files.keys()].map((path) => dirname(fileURLToPath(new URL(path, dir))))))
          mkdirSync(folder, { recursive: true });
        for (const [path, content] of files) writeFileSync(new URL(path, dir), content);
        // The record files the pages wrote are search files too: their version covers them.
        const tag = filesTag(new Map([...files, ...written]));
        stampSearchPage(new URL('search/index.html', dir), tag);
        logger.info(`搜索索引：${records.length} 条记录，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
        const manifest = await writeServiceWorker(dir, base, new URL('src/scripts/sw.js', root), tag);
        logger.info(`离线缓存：${manifest.files.length} 个文件，版本 ${manifest.version}`);
      },
    },
  };
}
