// Search under `astro dev`: the search files (src/pages/search-index/) served as the build writes them.
import type { AstroIntegration } from 'astro';

export default function search(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
    },
  };
}
