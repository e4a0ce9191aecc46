/** The search box and the search page; exported on its own so the search page's script bundles only this part. */
export const search = {
  title: '搜索',
  description: '搜索全部报告中的发言、发言人和单位。',
  label: '搜索发言',
  /** What to type: short enough to show whole in the search dialog's box on a 320 px phone. */
  placeholder: '词语、人名或单位',
  /** Shown next to the box, for those who use the keyboard. */
  shortcut: '按 / 键搜索',
  close: '关闭',
  /** Below the dialog's results: the search page, with every result and the filters. */
  allResults: '查看全部结果和筛选',
  submit: '搜索',
  loading: '正在载入搜索……',
  prompt: '输入词语、人名或单位名称，查找发言。',
  count: (n: number) => `找到 ${n} 条结果`,
  countFiltered: (n: number, all: number) => `找到 ${all} 条结果，筛选后显示 ${n} 条`,
  /** When no record has every word of the query: the records with some of them. */
  partial: (n: number) => `没有同时包含全部词语的内容；以下 ${n} 条只包含部分词语`,
  lacks: (words: string[]) => `部分匹配：不含${words.map((w) => `“${w}”`).join('、')}`,
  /** After the count, when a query in traditional characters was searched in simplified ones. */
  asSimplified: (q: string) => `（按简体“${q}”查找）`,
  none: (q: string) => `没有找到包含“${q}”的内容。`,
  noneHint: '请检查用字，或换一个较短的词语。',
  noneFiltered: '当前筛选条件下没有结果，可以取消部分筛选。',
  resultsLabel: '搜索结果',
  filters: '筛选结果',
  loadingFilters: '正在载入筛选……',
  /** The button under the result list when more results than shown match. */
  more: (left: number) => `显示更多结果（还有 ${left} 条）`,
  /** How many of the results a filter's value has, after the value. */
  facetCount: (n: number) => `（${n}）`,
  facets: { heading: '小标题', school: '单位', role: '职务', report: '报告' } as Record<string, string>,
  clearFilters: '清除筛选',
  editorsNote: '编者按',
  error: '搜索暂时无法使用，请刷新页面后再试。',
  /** Offline, where the search files this query needs were never saved. */
  errorOffline: '离线时无法完成这次搜索：本设备没有保存它需要的搜索文件。请联网后再试。',
  /** A query of punctuation or symbols alone. */
  noLetters: '请输入要查找的汉字、字母或数字：标点和符号不参与搜索。',
  noscript: '搜索需要浏览器启用 JavaScript。您也可以按目录、发言人或单位浏览全部发言。',
};

/** The offline copy: the footer's control, the notice of a new version and the offline page. Not part of `t`, and read
 * by their scripts from the markup, so that no page's first script carries them. `{}` marks where a number goes. */
export const offline = {
  /** The control, on a site too large to save whole on the first visit. */
  intro: '离线阅读：本站会保存您读过的页面，离线时也能打开。',
  save: '离线保存全部（约 {} MB）',
  progress: '离线保存进度',
  saving: '正在保存全部页面和搜索……{}%',
  saved: '已离线保存全部页面和搜索。',
  /** Why "save all" stopped: the network is gone, the device is full, a new build is out, or anything else. */
  failedOffline: '保存没有完成：网络断开了，请联网后重试。',
  failedFull: '保存没有完成：本设备的存储空间不够。请清理空间后重试。',
  failedUpdated: '保存没有完成：网站刚刚更新，请刷新页面后重试。',
  failed: '保存没有完成，请稍后重试。',
  remove: '删除离线副本',
  removed: '离线副本已删除。',
  /** Under Save-Data (the browser's or the system's data saver), where nothing is saved unasked. */
  dataSaver: '您开启了省流量，离线副本不会自动下载；需要时请点上面的按钮。',
  /** The notice an open page shows when a new version is out. */
  update: '有新版本。',
  reload: '刷新页面',
  /** Hides the notice until the page is next loaded. */
  later: '稍后',
  /** The page served offline in place of one that is not saved. */
  pageTitle: '离线',
  pageText: '没有网络时，本设备上没有保存的页面打不开，联网后即可阅读。下面是已经保存、离线也能打开的页面。',
  /** In its place when the whole site is saved and has no page at the address asked. */
  unknownPage:
    '本设备保存了全站的页面，其中没有这个网址。请检查网址是否有误；如是网站更新后新增的页面，联网后即可阅读。',
  savedPages: '已保存、离线可读的页面',
  noPages: '本设备上还没有保存任何页面。',
  manyPages: '已保存 {} 个页面，可从首页或导航进入。',
};

/** A remark's link and its copy button (src/scripts/reading.ts): apart from `t`, so that the reading pages' script
 * carries these strings and not every string of the site. */
export const reading = {
  remarkLink: '链接',
  copyLink: '复制链接',
  copied: '已复制链接',
  copyFailed: '未能自动复制链接，请手动复制：',
};

const pageOf = (page: number, total: number) => `第 ${page} 页，共 ${total} 页`;

/** Every piece of interface text, in one place, so the site reads in one voice. */
export const t = {
  search,
  siteName: '党建报告',
  skipLink: '跳到正文',
  navLabel: '主导航',
  navHome: '首页',
  navReports: '全部报告',
  navSpeakers: '发言人',
  navOrgs: '单位',
  editorsNote: '编者按',
  contents: '目录',
  readFull: '阅读全文',
  fullReport: '全文',
  breadcrumb: '位置',
  prevSection: '上一个小标题',
  nextSection: '下一个小标题',
  sectionNav: '小标题导航',
  inReport: '见',
  remarksCount: (n: number) => `${n} 篇发言`,
  speakersCount: (n: number) => `${n} 位发言人`,
  speakersOf: '本单位发言人',
  allReports: '全部报告',
  latestReports: '最新报告',
  moreReports: '查看全部报告',
  speakerIndex: '发言人',
  /** Each index page's description (meta), for search engines and link previews. */
  indexDescription: {
    reports: '全部报告，从新到旧，附日期和发言篇数。',
    speakers: '全部发言人，按姓名拼音排列，附单位和发言篇数。',
    orgs: '全部单位，按名称拼音排列，附发言人数和发言篇数。',
  },
  orgIndex: '单位',
  pageOf,
  /** A paginated page's title: the name alone on its first page, with the page number after that. */
  paged: (name: string, page: { number: number; total: number }) =>
    page.number > 1 ? `${name}（${pageOf(page.number, page.total)}）` : name,
  pagination: '分页',
  prevPage: '上一页',
  nextPage: '下一页',
  notFoundTitle: '页面未找到',
  notFoundText: '您要找的页面不存在，可能是网址有误，或页面已经移动。',
  backHome: '返回首页',
  lastUpdated: '最后更新',
  editPage: '在 GitHub 上编辑此页',
  editRemark: '编辑这篇发言',
  /** Hidden from sight, read by screen readers: what tells apart links whose visible text repeats. */
  remarkOf: (speaker: string, section: string) => `（${speaker}，${section}）`,
  inSection: (section: string) => `（${section}）`,
  bySpeaker: (speaker: string) => `（${speaker}的发言）`,
  footer: '本站内容据报纸原文整理，文字未作增删改动；按中文排版把半角标点改为全角，并把因版面断开的段落重新接上。',
  /** A link to one remark, and the button that copies it (both followed, for screen readers, by `remarkOf`). */
  collation: {
    title: '校勘说明',
    intro0: '网页上的文字据报纸原文整理，未增删改动一字；与印刷版不同之处如下。',
    punctuation: (n: number) => `按中文排版，把原文中文里的半角标点改为全角，共 ${n} 处。`,
    remark: (speaker: string, section: string) => `${speaker}的发言（${section}）`,
    join: (after: string, from: string | undefined) =>
      `原文在“…${after}”处因版面断开，${from ? `后半段被排在「${from}」下，已移回接上` : '已与下一段接上'}。`,
    intro: (schoolRole: string, from: string) =>
      `这篇发言在原文中早于发言人单位职务的介绍，所标单位职务（${schoolRole}）取自「${from}」下的发言。`,
  },
  ...reading,
  date: (d: string) => {
    const [y, m, day] = d.split('-');
    return `${y}年` + (m ? `${Number(m)}月` : '') + (day ? `${Number(day)}日` : '');
  },
};
