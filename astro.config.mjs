// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import externalScripts from './src/integrations/csp.ts';
import offline from './src/integrations/offline.ts';
import search from './src/integrations/search.ts';
import sitemap from './src/integrations/sitemap.ts';

export default defineConfig({
  // Canonical and Open Graph tags and sitemap.xml need absolute URLs: they appear once `site` is set,
  // here or with `npm run build -- --site https://example.org`. The base path is set with `--base /sub/path/`.
  trailingSlash: 'always',
  // Four pages rendered at a time instead of one: each page's file is written while the next ones render, which
  // shortens the build; more at a time held more memory at the build's peak, the narrower of its budgets at 8,000
  // remarks (BENCHMARKS.md). The pages share only promise-memoized reads of the content (src/lib/archive.ts), which
  // is safe to render concurrently.
  build: { format: 'directory', concurrency: 4 },
  // Smart punctuation would rewrite the source's quotes and dashes; the text is published as printed. No syntax
  // highlighting: the reports have no code, and Shiki's inline styles would need 'unsafe-inline' under the CSP below.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  // offline() last: its service worker and lists take in the files the other integrations write.
  integrations: [mdx(), externalScripts(), sitemap(), search(), offline()],
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy <meta> on every page: scripts and styles only from the site itself (Astro adds
  // hashes for anything inline), no plugins, no <base> or form posts elsewhere, nothing from other hosts. The search
  // page alone adds 'wasm-unsafe-eval' for Pagefind's WebAssembly (src/layouts/Base.astro). Checked in Chromium by
  // tests/browser/pages.test.ts. A <meta> policy cannot carry frame-ancestors: a host that can send headers should add it.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
