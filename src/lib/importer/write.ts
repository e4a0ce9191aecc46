import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ImportError } from './errors.ts';
import type { OutputFile } from './render.ts';

/**
 * Writes the report folder `<contentDir>/reports/<id>/` all at once: the files go into a hidden temporary folder
 * next to it, which is then renamed into place, so a failure leaves either the old folder or the new one, never half.
 * Refuses to replace an existing report unless `force`. Returns the folder written.
 */
export async function writeReport(
  contentDir: string,
  reportId: string,
  files: OutputFile[],
  force: boolean,
): Promise<string> {
  const reports = join(contentDir, 'reports');
  const target = join(reports, reportId);
  const exists = existsSync(target);
  if (exists && !force)
    throw new ImportError(`报告 ${target} 已经存在，没有覆盖。若要用这份原文替换它，请在命令末尾加 --force。`);
  await mkdir(reports, { recursive: true });
  // Dot-folders are ignored by the content checker and the site, so a crash never publishes a half-written report.
  const temp = await mkdtemp(join(reports, `.${reportId}.tmp-`));
  try {
    for (const file of files) {
      const path = join(temp, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text, { flag: 'wx' });
    }
    if (exists) {
      const old = `${temp}.old`;
      await rename(target, old);
      try {
        await rename(temp, target);
      } catch (error) {
        await rename(old, target);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return target;
}
