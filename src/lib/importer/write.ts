import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ImportError } from './errors.ts';
import type { OutputFile } from './render.ts';

const WRITES_AT_ONCE = 32;

/**
 * Checks a report written out before it is put in place: `root` is a content folder holding only it (as
 * `reports/<id>/`), and `shown(text)` rewrites the paths in a text (as a path or relative to the working folder, as
 * the checks show them) to where the files will be. Throws an ImportError to refuse it.
 */
export type Verify = (root: string, shown: (path: string) => string) => Promise<void>;

/**
 * Writes the report folder `<contentDir>/reports/<id>/` all at once: the files go into a hidden temporary folder
 * next to it, are checked by `verify`, and are then renamed into place, so a failure or a refusal leaves either the
 * old folder or the new one, never half. Refuses to replace an existing report unless `force`. Returns the folder
 * written.
 */
export async function writeReport(
  contentDir: string,
  reportId: string,
  files: OutputFile[],
  force: boolean,
  verify?: Verify,
): Promise<string> {
  const reports = join(contentDir, 'reports');
  const target = join(reports, reportId);
  const exists = existsSync(target);
  if (exists && !force)
    throw new ImportError(`报告 ${target} 已经存在，没有覆盖。若要用这份原文替换它，请在命令末尾加 --force。`);
  let created: string | undefined;
  let temp: string;
  try {
    created = await mkdir(reports, { recursive: true });
    // Dot-folders are ignored by the content checker and the site, so a crash never publishes a half-written report.
    temp = await mkdtemp(join(reports, `.${reportId}.tmp-`));
  } catch (error) {
    throw await refused(error, contentDir, created, FOLDER);
  }
  // The temporary folder is a content folder of its own, so that the checks can read the report as they read any.
  const staged = join(temp, 'reports', reportId);
  try {
    for (const dir of new Set(files.map((f) => dirname(join(staged, f.path))))) await mkdir(dir, { recursive: true });
    // A few writes at a time: one by one, a report of many remarks spends most of its time waiting on the disk. All
    // of a batch are settled before a failure is thrown, so none is still writing when the folder is removed.
    for (let i = 0; i < files.length; i += WRITES_AT_ONCE) {
      const batch = files.slice(i, i + WRITES_AT_ONCE);
      const results = await Promise.allSettled(
        batch.map((f) => writeFile(join(staged, f.path), f.text, { flag: 'wx' })),
      );
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const display = (path: string) => relative(process.cwd(), path).split(sep).join('/');
    await verify?.(temp, (text) => text.replaceAll(display(staged), display(target)).replaceAll(staged, target));
    if (exists) {
      const old = `${temp}.old`;
      await rename(target, old);
      try {
        await rename(staged, target);
      } catch (error) {
        await rename(old, target);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else await rename(staged, target);
    await rm(temp, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    // Refused by `verify`: the disk is left as it was found.
    if (error instanceof ImportError && created) await rm(created, { recursive: true, force: true });
    throw await refused(error, contentDir, created, DISK);
  }
  return target;
}

/** What a file system error says about the disk, in the editor's words. */
const DISK: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '它在只读的磁盘上',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
};

/** The same, and what it says about the folder's path while the folder is being made. */
const FOLDER: Record<string, string> = {
  ...DISK,
  ENOTDIR: '路径中有一部分是文件而不是文件夹',
  EEXIST: '路径中有一部分是文件而不是文件夹',
  ENAMETOOLONG: '路径太长',
};

/**
 * The error to throw after a failed write: an ImportError in Chinese when the disk or the folder is at fault, having
 * removed the folders this call made, so that a refused import leaves the disk as it found it; else the error itself,
 * which is a bug (a file written twice).
 */
async function refused(
  error: unknown,
  contentDir: string,
  created: string | undefined,
  meanings: Record<string, string>,
): Promise<unknown> {
  const why = meanings[(error as NodeJS.ErrnoException).code ?? ''];
  if (!why) return error;
  if (created) await rm(created, { recursive: true, force: true }).catch(() => {});
  return new ImportError(
    `无法写入内容目录 ${contentDir}：${why}。没有写入任何文件。请用 --content 指定一个可以写入的文件夹（默认是项目的 content/），或修改权限、腾出磁盘空间后再导入。`,
  );
}
