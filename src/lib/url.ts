/** A site path (`/speakers/`) made absolute under the configured base, so the site works under a sub-path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}
