// Site search and the offline copy, written once the pages are built (docs/search.md): the Pagefind index and one
// file per record beside the `search-index/records-<k>.json` the pages wrote, their version written into the search
// page, and the service worker's list of every file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_TAG_SLOT, type SearchRecord } from '../scripts/search/record.ts';
import { closePagefind, filesTag, searchFiles } from './search/files.ts';
import { writeServiceWorker } from './search/service-worker.ts';

/** The search integration; register it last, so the service worker lists every file the other integrations wrote. */
export default function search(): AstroIntegration {
  let base = '/';
  let root = new URL('file:///');
  return {
    name: 'report-search',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Whether the pages register the service worker (src/scripts/register-sw.ts): built sites only.
        updateConfig({ vite: { define: { __SEARCH_OFFLINE__: JSON.stringify(command === 'build') } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const folder = new URL('search-index/', dir);
        const written = new Map(
          readdirSync(folder)
            .filter((name) => /^records-\d+\.json$/.test(name))
            .sort((a, b) => parseInt(a.slice(8)) - parseInt(b.slice(8)))
            .map((name) => [`search-index/${name}`, readFileSync(new URL(name, folder))]),
        );
        const records = [...written.values()].flatMap((bytes) => JSON.parse(bytes.toString()) as SearchRecord[]);
        const files = await searchFiles(records);
        await closePagefind();
        // Synchronously: thousands of small files, each costing several trips through libuv's thread pool otherwise.
        for (const path of new Set([...files.keys()].map((p) => dirname(fileURLToPath(new URL(p, dir))))))
          mkdirSync(path, { recursive: true });
        for (const [path, content] of files) writeFileSync(new URL(path, dir), content);
        const tag = filesTag(new Map([...files, ...written]));
        const page = new URL('search/index.html', dir);
        const html = readFileSync(page, 'utf8');
        const slot = `data-cache-tag="${CACHE_TAG_SLOT}"`;
        if (html.split(slot).length !== 2) throw new Error(`${page.pathname}: expected one ${slot}`);
        writeFileSync(page, html.replace(slot, `data-cache-tag="${tag}"`));
        logger.info(`搜索索引：${records.length} 条记录，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
        const manifest = await writeServiceWorker(dir, base, new URL('src/scripts/sw.js', root), tag);
        logger.info(`离线缓存：${manifest.files.length} 个文件，版本 ${manifest.version}`);
      },
    },
  };
}
