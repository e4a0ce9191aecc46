// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import sitemap from './src/integrations/sitemap.ts';

export default defineConfig({
  // Canonical, Open Graph and sitemap.xml need absolute URLs: set SITE_URL (e.g. https://example.org) to get them.
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || undefined,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Smart punctuation would rewrite the source's quotes and dashes; the text is published as printed.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
