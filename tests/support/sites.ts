import { fileURLToPath } from 'node:url';

/** The project root, whatever folder the tests are started from. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The test builds, made once per run by `build-sites.ts`. */
export const sites = {
  /** Built at the domain root, with `site` set (canonical, Open Graph, sitemap) and an edit URL. */
  root: { dir: `${root}.cache/test-sites/root/`, base: '/', site: 'https://example.org', editBase: 'https://github.com/example/report/edit/main/' },
  /** Built under a sub-path, without `site` and without an edit URL. */
  sub: { dir: `${root}.cache/test-sites/sub/`, base: '/some/path/', site: undefined, editBase: '' },
} as const;
