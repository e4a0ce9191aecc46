// The offline copy: the service worker and its list of every file, written once the pages (search's included,
// src/pages/search-index/) are built.
import type { AstroIntegration } from 'astro';
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
      'astro:server:setup': ({ server }) => {
        // Astro's dev server answers a dynamic endpoint whose paths have file extensions only with a trailing slash
        // under trailingSlash: 'always' (https://github.com/withastro/astro/issues/17001); the build writes files.
        server.middlewares.use((request, _response, next) => {
          if (request.url?.startsWith(`${base}search-index/`))
            request.url = request.url.replace(/(?<!\/)(\?|$)/, '/$1');
          next();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const manifest = await writeServiceWorker(dir, base, new URL('src/scripts/sw.js', root));
        logger.info(`离线缓存：${manifest.files.length} 个文件，版本 ${manifest.version}`);
      },
    },
  };
}
