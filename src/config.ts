/**
 * Where the content's Markdown can be edited online: "在 GitHub 上编辑此页" links to `${editBase}<path of the file>`.
 * Set it here (e.g. 'https://github.com/<owner>/<repo>/edit/main/'), or with the EDIT_BASE_URL environment
 * variable; on GitHub Actions it follows the repository being built. Empty: the links are not shown.
 */
export const editBase: string =
  process.env.EDIT_BASE_URL ??
  (process.env.GITHUB_REPOSITORY
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/edit/${process.env.GITHUB_REF_NAME ?? 'main'}/`
    : '');

/**
 * The most characters a search box takes (a paste is cut there, as search engines cut it). A query goes into an
 * address, the search page's, and a static host refuses a long one: Nginx takes a request line of at most 8 KB, and
 * a Chinese character is 9 bytes of it, percent-encoded. A hundred characters still find any passage they come from.
 */
export const maxQuery = 100;
