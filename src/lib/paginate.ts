/** One page of an index: its items, its number (from 1), the page count, and its route parameter. */
export interface Page<T> {
  items: T[];
  number: number;
  total: number;
  /** The rest parameter for `[...page].astro`: undefined for page 1, `page/N` after it. */
  param: string | undefined;
}

/** The site path of page `n` of an index whose first page is at `root`. */
export function pagePath(root: string, n: number): string {
  return n === 1 ? root : `${root}page/${n}/`;
}

/** Splits an index into pages of `size`, so no index page grows with the archive. */
export function paginate<T>(items: T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    param: i === 0 ? undefined : `page/${i + 1}`,
  }));
}

/** Remarks per page on speaker and organisation pages: full texts, so few, to keep every page small. */
export const REMARKS_PER_PAGE = 10;
