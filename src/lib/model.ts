import { SLUG_PATTERN, slugify, slugifyName } from './slug.ts';

/** A report's date, as precise as its source gives it: a year, a month or a day (2015, 2015-07, 2015-07-01), and a day
 * that exists (not 2015-02-31). The content schema and the importer both ask this. */
export function isReportDate(date: string): boolean {
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(date)) return false;
  return date.length < 10 || new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

/** A date written as Chinese text often has it (2015年7月1日, 2015/7/1, 2015.07.01, full-width digits), as a report's
 * date is written (2015-07-01), for a message to suggest; undefined where it is no such date, or no day that exists.
 * Not 2015.1, which YAML reads from 2015.10 too (a number, its 0 dropped): that would be a guess. */
export function reportDateFrom(written: string): string | undefined {
  const text = written.normalize('NFKC').trim();
  if (!/^\d{4}[\d年月日号./\-\s]*$/.test(text) || /^\d{4}\.\d$/.test(text)) return undefined;
  const [year, ...rest] = text.match(/\d+/g)!;
  if (rest.length > 2 || rest.some((part) => part.length > 2)) return undefined;
  const date = [year, ...rest.map((part) => part.padStart(2, '0'))].join('-');
  return isReportDate(date) ? date : undefined;
}

/** A report's frontmatter and editor's note, as validated by the content schema. */
export interface ReportInput {
  id: string;
  file: string;
  title: string;
  date: string;
  sections: string[];
  sectionSlugs?: Record<string, string> | undefined;
  source?: string | undefined;
  publication?: string | undefined;
  repairs?: Repairs | undefined;
}

/**
 * The report's record of how its web text differs from print (校勘记), written by the importer into `index.md`:
 * punctuation made full-width; paragraphs broken by the page layout joined again (`remark`: a remark's file name
 * without `.md`, or `note` for the editor's note; `after`: the end of the broken paragraph as published; `from`:
 * the heading its tail was printed under, when it was printed elsewhere); remarks printed before the text gives
 * their speaker's school and role (`from`: the heading where it does).
 */
export interface Repairs {
  punctuation?: number | undefined;
  joins?: { remark: string; after: string; from?: string | undefined }[] | undefined;
  intros?: { remark: string; from: string }[] | undefined;
}

/** One remark's frontmatter, as validated by the content schema. */
export interface RemarkInput {
  id: string;
  file: string;
  report: string;
  speaker: string;
  school: string;
  role: string;
  section: string;
  order: number;
  slug?: string | undefined;
  speakerSlug?: string | undefined;
  schoolSlug?: string | undefined;
}

/** The address names of a remark's speaker's and organisation's pages: the one its file gives, or the pinyin. */
export const speakerSlugOf = (r: Pick<RemarkInput, 'speaker' | 'speakerSlug'>) =>
  r.speakerSlug ?? slugifyName(r.speaker);
export const schoolSlugOf = (r: Pick<RemarkInput, 'school' | 'schoolSlug'>) => r.schoolSlug ?? slugify(r.school);

export interface Remark extends RemarkInput {
  anchor: string;
  sectionRef: Section;
  reportRef: Report;
  speakerRef: Speaker;
  orgRef: Org;
}

export interface Section {
  title: string;
  slug: string;
  index: number;
  report: Report;
  remarks: Remark[];
}

export interface Report extends ReportInput {
  slug: string;
  sectionList: Section[];
  remarks: Remark[];
}

export interface Speaker {
  key: string;
  name: string;
  school: string;
  slug: string;
  org: Org;
  remarks: Remark[];
}

export interface Org {
  name: string;
  slug: string;
  speakers: Speaker[];
  remarks: Remark[];
}

export interface Archive {
  /** Newest first. */
  reports: Report[];
  /** In pinyin order. */
  speakers: Speaker[];
  /** In pinyin order. */
  orgs: Org[];
}

/** A problem in the content that stops the build: the file(s) it concerns and a message in Chinese. */
export interface ModelProblem {
  files: string[];
  field?: string | undefined;
  /** The item of a list field (a heading in `sections`) the problem is about. */
  item?: number | undefined;
  message: string;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** The file name of a remark without folder or extension, the default for its anchor. */
export function remarkBaseName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

/** Site paths (without the base), one function per kind of page, so every link is built one way. */
export const paths = {
  home: () => '/',
  reports: () => '/reports/',
  report: (r: Report) => `/reports/${r.slug}/`,
  section: (s: Section) => `/reports/${s.report.slug}/${s.slug}/`,
  remark: (m: Remark) => `/reports/${m.reportRef.slug}/#${m.anchor}`,
  sectionAnchor: (s: Section) => `/reports/${s.report.slug}/#${s.slug}`,
  speakers: () => '/speakers/',
  speaker: (s: Pick<Speaker, 'slug'>) => `/speakers/${s.slug}/`,
  orgs: () => '/orgs/',
  org: (o: Pick<Org, 'slug'>) => `/orgs/${o.slug}/`,
};

/**
 * Groups validated reports and remarks into the archive the pages render: reports with their headings
 * in order, each heading's remarks in order, speakers and organisations across reports.
 * Returns the problems (unknown report or heading, clashing URLs or anchors) instead of guessing.
 */
export function buildArchive(
  reportInputs: ReportInput[],
  remarkInputs: RemarkInput[],
): { archive: Archive; problems: ModelProblem[] } {
  const problems: ModelProblem[] = [];
  const reports = new Map<string, Report>();
  for (const input of reportInputs) {
    const report: Report = { ...input, slug: input.id, sectionList: [], remarks: [] };
    report.sectionList = input.sections.map((title, index) => ({
      title,
      index,
      slug: input.sectionSlugs?.[title] ?? slugify(title),
      report,
      remarks: [],
    }));
    reports.set(input.id, report);
  }
  // Looked up, not scanned: a report may have many headings and each of them many remarks.
  const sections = new Map([...reports.values()].map((r) => [r.id, new Map(r.sectionList.map((s) => [s.title, s]))]));

  const orgs = new Map<string, Org>();
  const speakers = new Map<string, Speaker>();
  for (const input of remarkInputs) {
    const report = reports.get(input.report);
    if (!report) {
      problems.push({
        files: [input.file],
        message: `发言所在的文件夹 content/reports/${input.report}/ 缺少 index.md（报告的标题、日期和小标题写在那里）。请先建立该报告的 index.md。`,
      });
      continue;
    }
    const section = sections.get(report.id)!.get(input.section);
    if (!section) continue; // reported with a suggestion by the file checks
    let org = orgs.get(input.school);
    if (!org) {
      org = { name: input.school, slug: schoolSlugOf(input), speakers: [], remarks: [] };
      orgs.set(input.school, org);
    }
    const key = `${input.speaker}\u0000${input.school}`;
    let speaker = speakers.get(key);
    if (!speaker) {
      speaker = {
        key,
        name: input.speaker,
        school: input.school,
        slug: speakerSlugOf(input),
        org,
        remarks: [],
      };
      speakers.set(key, speaker);
      org.speakers.push(speaker);
    }
    const remark: Remark = {
      ...input,
      anchor: input.slug ?? remarkBaseName(input.file),
      sectionRef: section,
      reportRef: report,
      speakerRef: speaker,
      orgRef: org,
    };
    section.remarks.push(remark);
    speaker.remarks.push(remark);
    org.remarks.push(remark);
  }

  const byPlace = (a: Remark, b: Remark) =>
    a.reportRef === b.reportRef
      ? a.sectionRef.index - b.sectionRef.index || a.order - b.order
      : compareReports(a.reportRef, b.reportRef);
  for (const report of reports.values()) {
    for (const section of report.sectionList) section.remarks.sort((a, b) => a.order - b.order);
    report.remarks = report.sectionList.flatMap((s) => s.remarks);
  }
  const speakerList = [...speakers.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || collator.compare(a.school, b.school),
  );
  for (const s of speakerList) s.remarks.sort(byPlace);
  const orgList = [...orgs.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const o of orgList) {
    o.remarks.sort(byPlace);
    o.speakers.sort((a, b) => collator.compare(a.name, b.name));
  }
  const archive: Archive = {
    reports: [...reports.values()].sort(compareReports),
    speakers: speakerList,
    orgs: orgList,
  };
  const unnamed = findEmptySlugs(archive);
  problems.push(...unnamed);
  if (!unnamed.length) problems.push(...findClashes(archive));
  return { archive, problems };
}

/** A speaker's roles over the years, newest first, as one line (党总支书记、校长). */
export function rolesOf(speaker: Speaker): string {
  return [...new Set(speaker.remarks.map((r) => r.role))].join('、');
}

/** Newest report first; reports of the same date by id, so the order never depends on the file system. */
function compareReports(a: Report, b: Report): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * A name whose pinyin has no letter or digit (only marks, such as ！！ or ..) gives an empty URL segment: the page
 * could not be built. The editor names the URL with a `…Slug` field instead.
 */
function findEmptySlugs(archive: Archive): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const fix = '（小写英文字母、数字和连字符）';
  for (const r of archive.reports)
    for (const s of r.sectionList.filter((s) => !SLUG_PATTERN.test(s.slug)))
      problems.push({
        files: [r.file],
        field: 'sections',
        item: s.index,
        message: `小标题「${s.title}」里没有可以转成拼音网址的字，网站无法为它生成网址。请在 index.md 的 frontmatter 中加一行 sectionSlugs，为它指定网址名${fix}，例如 sectionSlugs: { ${JSON.stringify(s.title)}: xiaobiaoti-${s.index + 1} }。`,
      });
  for (const s of archive.speakers.filter((s) => !SLUG_PATTERN.test(s.slug)))
    for (const file of new Set(s.remarks.map((m) => m.file)))
      problems.push({
        files: [file],
        field: 'speaker',
        message: `发言人姓名「${s.name}」里没有可以转成拼音网址的字，网站无法为其生成页面。请在 frontmatter 中加一行 speakerSlug，指定网址名${fix}，例如 speakerSlug: zhang-san。`,
      });
  for (const o of archive.orgs.filter((o) => !SLUG_PATTERN.test(o.slug)))
    for (const file of new Set(o.remarks.map((m) => m.file)))
      problems.push({
        files: [file],
        field: 'school',
        message: `单位「${o.name}」里没有可以转成拼音网址的字，网站无法为它生成页面。请在 frontmatter 中加一行 schoolSlug，指定网址名${fix}，例如 schoolSlug: shiyan-zhongxue。`,
      });
  return problems;
}

/** Two pages with one URL, or two elements with one anchor on a report page, fail the build. */
function findClashes(archive: Archive): ModelProblem[] {
  type Claim = { label: string; file: string };
  const problems: ModelProblem[] = [];
  const claim = (claims: Map<string, Claim[]>, key: string, label: string, file: string) => {
    claims.set(key, [...(claims.get(key) ?? []), { label, file }]);
  };
  const clashes = (claims: Map<string, Claim[]>) => [...claims].filter(([, owners]) => owners.length > 1);
  const urls = new Map<string, Claim[]>();
  for (const r of archive.reports) {
    claim(urls, paths.report(r), `报告 ${r.id}`, r.file);
    const anchors = new Map<string, Claim[]>();
    for (const s of r.sectionList) {
      claim(urls, paths.section(s), `小标题「${s.title}」`, r.file);
      claim(anchors, s.slug, `小标题「${s.title}」`, r.file);
    }
    for (const m of r.remarks) claim(anchors, m.anchor, `${m.speaker}的发言`, m.file);
    for (const [anchor, owners] of clashes(anchors))
      problems.push({
        files: [...new Set(owners.map((o) => o.file))],
        field: 'slug',
        message: `报告页上的锚点 #${anchor} 被多处使用：${owners.map((o) => o.label).join('、')}。请在发言文件的 frontmatter 中加一行 slug: 另一个名字（小写字母、数字、连字符），或在 index.md 的 sectionSlugs 中为小标题另设网址名。`,
      });
  }
  for (const s of archive.speakers)
    claim(urls, paths.speaker(s), `发言人 ${s.name}（${s.school}）`, s.remarks[0]!.file);
  for (const o of archive.orgs) claim(urls, paths.org(o), `单位 ${o.name}`, o.remarks[0]!.file);
  for (const [url, owners] of clashes(urls))
    problems.push({
      files: [...new Set(owners.map((o) => o.file))],
      // Said at the line of the name the address is made from.
      field: url.startsWith('/speakers/') ? 'speaker' : url.startsWith('/orgs/') ? 'school' : 'sections',
      message: `两个页面的网址相同（${url}）：${owners.map((o) => o.label).join('；')}。请为其中一个另设网址名：发言人用 speakerSlug，单位用 schoolSlug，小标题用 index.md 里的 sectionSlugs。`,
    });
  return problems;
}
