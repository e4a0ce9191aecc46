import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import type { z } from 'astro/zod';
import type { RemarkInput, ReportInput } from '../model.ts';
import { IMAGE_MAX_BYTES, imageType, type ImageFile } from '../safe-url.ts';
import { SLUG_PATTERN } from '../slug.ts';
import { checkBody, checkFieldCharacters, checkFileName, checkSchema, checkSeparators } from './file.ts';
import { parseFile, type ParsedFile, type Problem } from './parse.ts';

/** The content model as the checks need it (defined in src/content.config.ts). */
export interface Schemas {
  report: z.ZodType;
  remark: z.ZodType;
  /** What each frontmatter field is called in messages to editors. */
  labels: Record<string, string>;
}

/** The content folder read and validated file by file: the valid reports and remarks, and the problems found. */
export interface ContentRead {
  reports: ReportInput[];
  remarks: RemarkInput[];
  problems: Problem[];
  /** Parsed files by display path, for locating fields in messages. */
  files: Map<string, ParsedFile>;
  /** Reports whose index.md is there but invalid (its problems are among `problems`). */
  invalidReports: Set<string>;
  /** Every file read, in the collection and under the id the site gives it, valid or not. */
  entries: ContentEntry[];
}

/** A parsed content file and where it goes in the site's collections (src/content.config.ts). */
export interface ContentEntry {
  collection: 'reports' | 'remarks';
  /** The path under `reports/` without the extension, e.g. `2015-x/index` or `2015-x/remarks/1-1-ye`. */
  id: string;
  parsed: ParsedFile;
}

/** Lists the content folder and says which files are reports, remarks, images beside them, or outside the model. */
async function listFiles(root: string) {
  const reports: { id: string; file: string }[] = [];
  const remarks: { report: string; file: string }[] = [];
  const images: string[] = [];
  const strays: string[] = [];
  let entries: string[];
  try {
    entries = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch {
    return { reports, remarks, images, strays, missing: true };
  }
  for (const path of entries.sort()) {
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    const parts = path.split('/');
    if (parts[0] === 'reports' && parts.length === 3 && /^index\.mdx?$/.test(parts[2]!))
      reports.push({ id: parts[1]!, file: path });
    else if (parts[0] === 'reports' && parts.length === 4 && parts[2] === 'remarks' && /\.mdx?$/.test(parts[3]!))
      remarks.push({ report: parts[1]!, file: path });
    else if (parts[0] === 'reports' && parts.length >= 3 && imageType(path).type) images.push(path);
    else strays.push(path);
  }
  return { reports, remarks, images, strays, missing: false };
}

/** Throws on bytes that are not UTF-8; keeps a BOM, as reading the file as text did. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A content file's text. One saved in another encoding (Windows Notepad's "ANSI" is GBK in China) is read with a
 * replacement mark for what is not UTF-8, and reported first, at the line where it starts, with the fix. */
function decodeContent(file: string, bytes: Uint8Array, problems: Problem[]): { text: string; utf8: boolean } {
  // Notepad's "Unicode" is UTF-16, begun with a byte order mark: read as UTF-8 it would be all replacement marks and
  // zero bytes, and every field missing. Read as what it is, only its encoding is wrong.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : '';
  if (utf16) {
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message:
        '这个文件是 UTF-16 编码（记事本“另存为”的编码选项里叫“Unicode”），网站只读 UTF-8 编码的文件。请用“另存为”，编码选 UTF-8 后保存。',
    });
    return { text: new TextDecoder(utf16).decode(bytes), utf8: false };
  }
  try {
    return { text: UTF8.decode(bytes), utf8: true };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    problems.push({
      file,
      line,
      column: 1,
      severity: 'error',
      message: `这个文件不是 UTF-8 编码，从第 ${line} 行起的中文读不出来（可能是用记事本按“ANSI”保存的）。请用“另存为”，编码选 UTF-8 后保存；下面关于这个文件的其他问题可能都由此而来。`,
    });
    return { text, utf8: false };
  }
}

/**
 * The image file at `path` (decoded, relative to the folder of `file`, a path under `root`): its size and first
 * bytes, or undefined if it is not a file in the content folder.
 */
function contentImage(
  root: string,
  file: string,
  path: string,
  pixels: ReadonlyMap<string, ImageFile['pixels']>,
): ImageFile | undefined {
  const base = resolve(root);
  const written = resolve(base, dirname(file), path);
  if (!written.startsWith(base + sep)) return undefined;
  // The file as its folders spell it: Windows and macOS find it whatever the letter case of the path, the host a
  // site is built on only as spelt.
  let target = base;
  for (const part of relative(base, written).split(sep)) {
    let names: string[];
    try {
      names = readdirSync(target);
    } catch {
      return undefined;
    }
    const name = names.includes(part) ? part : names.find((n) => n.toLowerCase() === part.toLowerCase());
    if (name === undefined) return undefined;
    target = join(target, name);
  }
  try {
    const stat = statSync(target);
    if (!stat.isFile()) return undefined;
    // A link (symlink) in the content folder may name any file on the machine that builds the site, which would
    // then be published: only a file that is itself in the content folder is shown.
    if (!realpathSync(target).startsWith(realpathSync(base) + sep))
      return { bytes: stat.size, head: new Uint8Array(), outside: true };
    const head = new Uint8Array(16);
    const fd = openSync(target, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const spelt = relative(resolve(base, dirname(file)), target)
      .split(sep)
      .join('/');
    return { bytes: stat.size, head, pixels: pixels.get(target), ...(target !== written && { spelt, target }) };
  } catch {
    return undefined;
  }
}

/** Whether a file begins as a content file does, with a line of ---. */
function fenced(path: string): boolean {
  const head = new Uint8Array(8);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^---\s*$/.test(new TextDecoder().decode(head).split('\n')[0]!);
}

/** Reads of content files under way, and those waiting for one of them to end and free a file handle. */
let reading = 0;
const waiting: (() => void)[] = [];

/** A file's bytes, waiting for a file handle when the process has none left (EMFILE): reading a whole archive at
 * once opens more files than many systems let a process (macOS's default limit is 256). Each read that ends lets one
 * waiting read try again. */
async function readPatiently(path: string): Promise<Buffer> {
  for (;;) {
    reading++;
    try {
      const bytes = await readFile(path);
      waiting.shift()?.();
      return bytes;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EMFILE') throw error;
    } finally {
      reading--;
    }
    // With no read of ours under way, the handles are held elsewhere: try again shortly.
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!reading) setTimeout(() => waiting.shift()?.(), 10);
    });
  }
}

const entryId = (path: string) => path.replace(/^reports\//, '').replace(/\.mdx?$/, '');

/** Reads every file under the content folder and validates each one alone (frontmatter, body, place in the folder). */
export async function readContent(root: string, schemas: Schemas): Promise<ContentRead> {
  const problems: Problem[] = [];
  const files = new Map<string, ParsedFile>();
  const display = (path: string) => relative(process.cwd(), join(root, path)).split(sep).join('/');
  const listed = await listFiles(root);
  const { images, strays, missing } = listed;
  if (missing) {
    problems.push({ file: root, line: 0, column: 0, severity: 'error', message: `找不到内容文件夹 ${root}。` });
    return { reports: [], remarks: [], problems, files, invalidReports: new Set(), entries: [] };
  }

  for (const stray of strays) {
    // Named as a remark almost is (.MD, or .md.txt as Windows may save it), or saved as another kind of Markdown
    // (.markdown), or as text with a remark's frontmatter (.txt): a remark that would be left out.
    const ext =
      /\.mdx?(\.txt)?$/i.exec(stray)?.[0] ??
      (/^reports\/[^/]+\//.test(stray)
        ? (/\.(markdown|mdown|mkdn?)$/i.exec(stray)?.[0] ??
          (/\.te?xt$/i.test(stray) && fenced(join(root, stray)) ? /\.te?xt$/i.exec(stray)![0] : undefined))
        : undefined);
    const meant = ext && `${basename(stray).slice(0, -ext.length)}${/^\.mdx/i.test(ext) ? '.mdx' : '.md'}`;
    // Or a report's or a remark's file in the wrong place, or a report's named in capitals: said with where it goes.
    const [top, report, folder, name, deeper] = stray.split('/');
    const misplaced =
      !ext || top !== 'reports'
        ? undefined
        : folder && !name && /^index\.mdx?$/i.test(folder)
          ? `报告的文件名要全用小写：请把它改名为 ${folder.toLowerCase()}。`
          : folder && !name
            ? `发言的文件要放在报告文件夹里的 remarks 文件夹中：请把它移到 ${display(`reports/${report}/remarks`)}/。`
            : name && folder !== 'remarks' && !deeper
              ? `发言的文件夹要叫 remarks（小写英文），这里是「${folder}」：请把文件夹改名为 remarks，或把文件移到 ${display(`reports/${report}/remarks`)}/。`
              : undefined;
    problems.push({
      file: display(stray),
      line: 0,
      column: 0,
      severity: ext ? 'error' : 'warning',
      fileName: true,
      message:
        meant && meant !== basename(stray)
          ? `文件名的扩展名写成了「${ext}」，这个文件不会被发布。请把它改名为 ${meant}。`
          : misplaced
            ? `这个文件不会被发布。${misplaced}`
            : '这个文件不在内容模型中，不会被发布。报告写在 content/reports/<报告名>/index.md（或 index.mdx），发言写在 content/reports/<报告名>/remarks/<文件名>.md（或 .mdx），照片放在用它的文件旁边（JPG、PNG、WebP 或 AVIF）。',
    });
  }

  // `a.md` and `a.mdx` would be one entry, one page anchor: the second is refused, not silently dropped.
  const seen = new Map<string, string>();
  const single = <T extends { file: string }>(list: T[]) =>
    list.filter(({ file }) => {
      const first = seen.get(entryId(file));
      if (first === undefined) {
        seen.set(entryId(file), file);
        return true;
      }
      problems.push({
        file: display(file),
        line: 0,
        column: 0,
        severity: 'error',
        message: `${display(first)} 和这个文件是同一${/index\.mdx?$/.test(file) ? '份报告' : '篇发言'}，只能留一个：要放照片就用 .mdx，否则用 .md。请删去其中一个。`,
      });
      return false;
    });
  const reports = single(listed.reports);
  const remarks = single(listed.remarks);

  // Read all at once: a large archive spends more time waiting on the disk than parsing, and read by a pool or in
  // batches the build's peak memory came out higher (BENCHMARKS.md, "Peak memory").
  const texts = new Map(
    await Promise.all(
      [...reports, ...remarks].map(
        async ({ file }) =>
          [file, decodeContent(display(file), await readPatiently(join(root, file)), problems)] as const,
      ),
    ),
  );
  // Every image file a content file shows, so that one shown by none can be pointed out.
  const shown = new Set<string>();
  // Measured as the build will, by Astro's own reading of them, which fails the build on a file it cannot read; one at a
  // time, so that the photos are not all in memory at once.
  const pixels = new Map<string, ImageFile['pixels']>();
  for (const path of images) {
    const target = resolve(root, path);
    const bytes = statSync(target).size <= IMAGE_MAX_BYTES ? await readFile(target) : undefined;
    pixels.set(target, bytes && (await imageMetadata(bytes).catch(() => null)));
  }
  const image = (file: string) => (path: string) => {
    const found = contentImage(root, file, path, pixels);
    // A photo named in another letter case is said as that, not as a photo no file shows.
    shown.add(found?.target ?? resolve(root, dirname(file), path));
    return found;
  };
  const parse = (file: string) => {
    const { text, utf8 } = texts.get(file)!;
    return { ...parseFile(display(file), text, problems), misencoded: !utf8 };
  };
  const entries: ContentEntry[] = [];
  const reportInputs: ReportInput[] = [];
  const invalidReports = new Set<string>();
  for (const { id, file } of reports) {
    const parsed = parse(file);
    if (!SLUG_PATTERN.test(id))
      problems.push({
        file: parsed.file,
        line: 0,
        column: 0,
        severity: 'error',
        fileName: true,
        message: `报告文件夹名 ${id} 会成为网址的一部分，只能用小写英文字母、数字和连字符（例如 2015-dangjian）。请改文件夹名。`,
      });
    const data = checkSchema(parsed, schemas.report, schemas.labels, problems);
    checkFieldCharacters(parsed, schemas.labels, problems);
    checkSeparators(parsed, problems);
    checkBody(parsed, problems, false, image(file));
    files.set(parsed.file, parsed);
    entries.push({ collection: 'reports', id: entryId(file), parsed });
    if (data) reportInputs.push({ ...(data as Omit<ReportInput, 'id' | 'file'>), id, file: parsed.file });
    else invalidReports.add(id);
  }

  const remarkInputs: RemarkInput[] = [];
  for (const { report, file } of remarks) {
    const parsed = parse(file);
    const data = checkSchema(parsed, schemas.remark, schemas.labels, problems);
    checkFieldCharacters(parsed, schemas.labels, problems);
    checkFileName(parsed, problems);
    checkSeparators(parsed, problems);
    checkBody(parsed, problems, true, image(file));
    files.set(parsed.file, parsed);
    entries.push({ collection: 'remarks', id: entryId(file), parsed });
    if (data)
      remarkInputs.push({
        ...(data as Omit<RemarkInput, 'id' | 'file' | 'report'>),
        id: entryId(file),
        file: parsed.file,
        report,
      });
  }
  for (const path of images.filter((path) => !shown.has(resolve(root, path))))
    problems.push({
      file: display(path),
      line: 0,
      column: 0,
      severity: 'warning',
      message: `没有哪篇发言或编者按用到这张图片，它不会被发布。要用它，请在同一文件夹的 .mdx 文件里写 <Figure src="./${path.split('/').pop()!}" alt="……" />；不用就删除它。`,
    });
  return { reports: reportInputs, remarks: remarkInputs, problems, files, invalidReports, entries };
}

/** `read` without report `id`, or with it as `staged` has it (staged alone): new lists, so that `checkRead` may add to
 * them. For checking a report, with the rules across reports, before it is written. */
export function replaceReport(read: ContentRead, id: string, staged?: ContentRead): ContentRead {
  const own = new Set(read.entries.filter((e) => e.id.startsWith(`${id}/`)).map((e) => e.parsed.file));
  const invalidReports = new Set([...read.invalidReports].filter((r) => r !== id));
  for (const r of staged?.invalidReports ?? []) invalidReports.add(r);
  return {
    reports: [...read.reports.filter((r) => r.id !== id), ...(staged?.reports ?? [])],
    remarks: [...read.remarks.filter((r) => r.report !== id), ...(staged?.remarks ?? [])],
    problems: [...read.problems.filter((p) => !own.has(p.file)), ...(staged?.problems ?? [])],
    files: new Map([...[...read.files].filter(([file]) => !own.has(file)), ...(staged?.files ?? [])]),
    invalidReports,
    entries: [...read.entries.filter((e) => !own.has(e.parsed.file)), ...(staged?.entries ?? [])],
  };
}
