// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import sitemap from './src/integrations/sitemap.ts';

export default defineConfig({
  // Canonical and Open Graph tags and sitemap.xml need absolute URLs: they appear once `site` is set,
  // here or with `npm run build -- --site https://example.org`. The base path is set with `--base /sub/path/`.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Smart punctuation would rewrite the source's quotes and dashes; the text is published as printed.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
