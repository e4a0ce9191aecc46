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

/**
 * Built from the photo fixture (tests/fixtures/content/photo/), under a sub-path: a photo in a remark and in the
 * editor's note. The tests that any page must pass, whatever its content (valid HTML, outline, links, nothing from
 * another host, the browser checks), run on it too; those about the seed report do not.
 */
export const photoSite = {
  dir: `${root}.cache/test-sites/photo/`,
  base: '/photo/',
  content: 'tests/fixtures/content/photo/content',
  site: undefined,
  editBase: '',
  chunkSize: undefined,
  recordsPerFile: undefined,
} as const;

/** Every test build: the seed report's two and the photo fixture's. */
export const everySite = { ...sites, photo: photoSite } as const;

/** How many pages a build has at least: the seed report's many, the photo fixture's few. */
export const minimumPages = (name: string) => (name === 'photo' ? 10 : 20);
