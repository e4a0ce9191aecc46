// Serves the search files under `astro dev`: built in memory from the records endpoint on the first request for
// `<base>pagefind/…` or `<base>search-index/…`, rebuilt after the content changes.
import type { ViteDevServer } from 'vite';
import type { AstroIntegrationLogger } from 'astro';
import type { SearchRecord } from '../../scripts/search/record.ts';
import { searchFiles } from './files.ts';

const TYPES: Record<string, string> = { js: 'text/javascript', json: 'application/json', css: 'text/css' };

/** Adds the middleware that answers `<base>pagefind/*` and `<base>search-index/*` from memory. */
export function serveIndexInDev(server: ViteDevServer, base: string, logger: AstroIntegrationLogger): void {
  const prefixes = [`${base}pagefind/`, `${base}search-index/`];
  let files: Promise<Map<string, Uint8Array>> | undefined;
  const stale = (file: string) => {
    if (/\.mdx?$/.test(file)) files = undefined;
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, stale);

  const build = async (origin: string) => {
    const response = await fetch(new URL(`${base}search/records.json`, origin));
    if (!response.ok) throw new Error(`${base}search/records.json: HTTP ${response.status}`);
    const records = (await response.json()) as SearchRecord[];
    const built = await searchFiles(records);
    logger.info(`搜索索引已生成（${records.length} 条记录）`);
    return built;
  };

  server.middlewares.use((req, res, next) => {
    const path = req.url?.split('?')[0] ?? '';
    if (!prefixes.some((prefix) => path.startsWith(prefix))) return next();
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    files ??= build(origin).catch((error: unknown) => {
      files = undefined;
      throw error;
    });
    files.then(
      (map) => {
        const file = map.get(decodeURIComponent(path.slice(base.length)));
        if (!file) return next();
        res.setHeader('Content-Type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-store');
        res.end(file);
      },
      (error: unknown) => {
        logger.error(`搜索索引生成失败：${String(error)}`);
        res.statusCode = 500;
        res.end();
      },
    );
  });
}
