// @ts-check
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
  // CommonMark, as the content checks read it (src/lib/check/parse.ts): GFM's footnotes would publish raw HTML the checks
  // never see, and its strikethrough would take the tildes of 3~5人 and strike out the text between them.
  markdown: { processor: satteri({ features: { smartPunctuation: false, gfm: false } }), syntaxHighlight: false },
  // offline() last: its service worker and lists take in the files the other integrations write. No MDX integration:
  // an .mdx content file is made into HTML from the tree the content checks read (src/lib/mdx.ts), never compiled into
  // code, and without an MDX compiler in the build nothing can compile one by mistake.
  integrations: [externalScripts(), sitemap(), search(), offline()],
  devToolbar: { enabled: false },
  // The search code in one file rather than in the pieces that the search page and the search dialog share: each
  // file is one more request on the first search, which has a budget (BENCHMARKS.md). What reading pages load (the
  // interface strings, the shortcut, marking an arrival) stays out of it, so that they load no search code.
  vite: {
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'common', test: /src[\\/](i18n|scripts[\\/](search-shortcut|search[\\/]arrival))/, priority: 2 },
              { name: 'search', test: /src[\\/]scripts[\\/]search[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
  // A strict Content-Security-Policy <meta> on every page: scripts and styles only from the site itself (Astro adds
  // hashes for anything inline), no plugins, no <base> or form posts elsewhere, nothing from other hosts. Every page
  // adds 'wasm-unsafe-eval' for Pagefind's WebAssembly, as search runs in the dialog (src/layouts/Base.astro).
  // Checked in Chromium by tests/browser/pages.test.ts. A <meta> policy cannot carry frame-ancestors: a host that can
  // send headers should add it.
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
