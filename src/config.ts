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
