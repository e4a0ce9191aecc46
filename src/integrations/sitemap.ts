import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/** Writes `sitemap.xml` (one file, as crawlers expect at the root of the site) when `site` is set. */
export default function sitemap(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'report-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) {
          logger.info('未设置 site（如 --site https://example.org），不生成 sitemap.xml：站点地图需要完整网址。');
          return;
        }
        const urls = pages
          .map((p) => p.pathname)
          .filter((p) => p !== '404/' && !p.startsWith('404') && p !== 'offline/')
          .map((p) => new URL(base + p, site).href)
          .sort();
        const body = urls.map((u) => `  <url><loc>${u}</loc></url>`).join('\n');
        await writeFile(
          new URL('sitemap.xml', dir),
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
        );
      },
    },
  };
}
