import { fileURLToPath } from 'node:url';

/** The project root, whatever folder the tests are started from. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The test builds, made once per run by `build-sites.ts`. */
export const sites = {
  /**
   * Built at the domain root, with `site` set (canonical, Open Graph, sitemap) and an edit URL. Its search index is
   * cut into chunks of ~30 positions (Pagefind's default is 20,000), so that the seed report's index has the many
   * chunks of a large archive and the browser tests search across chunk boundaries; and its records are written
   * five to a `records-<k>.json`, so that the search page reads an archive's several files.
   */
  root: {
    dir: `${root}.cache/test-sites/root/`,
    base: '/',
    site: 'https://example.org',
    editBase: 'https://github.com/example/report/edit/main/',
    chunkSize: '30',
    recordsPerFile: '5',
  },
  /** Built under a sub-path, without `site` and without an edit URL; the production chunk size. */
  sub: {
    dir: `${root}.cache/test-sites/sub/`,
    base: '/some/path/',
    site: undefined,
    editBase: '',
    chunkSize: undefined,
    recordsPerFile: undefined,
  },
} as const;
