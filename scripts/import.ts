// npm run import -- <原文.txt> --report <报告名> --date <日期> [--content <目录>] [--force] [--strict] [--join <断开处的文字>]… [--name <发言人>]…
// Thin command line around src/lib/importer: reads the file, imports, writes atomically, prints the summary.
// Exit codes: 0 written (joins the text cannot prove are listed under 请核对 in the summary); 1 the text or the target needs fixing (message says what); 2 wrong command line; 3 bug.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentModel } from '../src/content.config.ts';
import { readContent } from '../src/lib/check/read.ts';
import { readArgs } from '../src/lib/cli.ts';
import { ImportError, PROBLEMS_SHOWN } from '../src/lib/importer/errors.ts';
import { importReport, MAX_INPUT_BYTES, optionsProblem, tooLarge } from '../src/lib/importer/importer.ts';
import { loadRoles } from '../src/lib/importer/roles.ts';
import { takenSlugs } from '../src/lib/importer/slugs.ts';
import { formatSummary } from '../src/lib/importer/summary.ts';
import { passesChecks } from '../src/lib/importer/verify.ts';
import { writeReport } from '../src/lib/importer/write.ts';

const USAGE =
  '用法：npm run import -- <原文.txt> --report <报告名> --date <年[-月[-日]]> [--content <内容目录>] [--force] [--strict] [--join <断开处的文字>]… [--name <发言人>]…';
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
// npm runs scripts from the project root; paths the editor typed are relative to where they typed them.
const cwd = process.env.INIT_CWD ?? process.cwd();

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values, positionals } = readArgs(
    {
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        report: { type: 'string' },
        date: { type: 'string' },
        content: { type: 'string' },
        force: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        join: { type: 'string', multiple: true, default: [] },
        name: { type: 'string', multiple: true, default: [] },
      },
    },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能导入一个原文文件。' : '缺少原文文件。');
  if (!values.report)
    throw new UsageError('缺少 --report <报告名>（小写字母、数字、连字符，例如 2015-dangjian-zuotanhui）。');
  const wrong = optionsProblem({
    reportId: values.report,
    date: values.date,
    joins: values.join,
    names: values.name,
  });
  if (wrong) throw new UsageError(wrong);

  const source = resolve(cwd, positionals[0]!);
  let bytes: Uint8Array;
  try {
    // Checked before reading, so that a wrong file of gigabytes is refused at once rather than loaded.
    const { size } = await stat(source);
    if (size > MAX_INPUT_BYTES) throw tooLarge(size, source);
    bytes = await readFile(source);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个文件夹'
          : code === 'EACCES'
            ? '没有读取权限'
            : (code ?? '读取出错');
    throw new ImportError(`无法读取原文文件 ${source}：${why}。`);
  }
  const contentDir = values.content ? resolve(cwd, values.content) : resolve(projectRoot, 'content');
  // The reports already there: their speakers' and organisations' addresses are taken, and the import is checked
  // with them.
  const present = await readContent(contentDir, contentModel);
  const { files, summary } = importReport(bytes, {
    reportId: values.report,
    date: values.date,
    roles: loadRoles(),
    joins: values.join,
    names: values.name,
    strict: values.strict,
    source,
    // The report replaced (--force) too, after the others: its speakers keep the addresses they have.
    taken: takenSlugs(
      [
        ...present.remarks.filter((r) => r.report !== values.report),
        ...present.remarks.filter((r) => r.report === values.report),
      ],
      present.entries,
    ),
  });
  // What --force replaces: the files the import does not write again (photos, .mdx remarks, files added by hand) and
  // those it writes otherwise (edits). Only git can give them back, so each must be there as it is now.
  const before = join(contentDir, 'reports', values.report);
  const written = new Map(files.map((f) => [f.path, f.text]));
  const lost: string[] = [];
  if (values.force && existsSync(before))
    for (const entry of await readdir(before, { recursive: true, withFileTypes: true })) {
      const path = relative(before, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (entry.isFile() && (!written.has(path) || (await readFile(join(before, path), 'utf8')) !== written.get(path)))
        lost.push(path);
    }
  const saved = committed(before, lost);
  const unsaved = lost.filter((path) => !saved.has(path));
  if (unsaved.length)
    throw new ImportError(
      `--force 会删除或改写报告里的 ${unsaved.length} 个文件，而 git 里没有它们现在的样子（没有提交过，或提交后又改过），替换后就找不回了。没有写入任何文件。请先提交这些文件（git add，再 git commit），或把它们另存到别处，再导入一次：`,
      unsaved.map((path) => relative(cwd, join(before, path))),
    );
  const target = await writeReport(
    contentDir,
    values.report,
    files,
    values.force,
    passesChecks(present, values.report, contentModel),
  );
  const shown = relative(cwd, target);
  console.log(formatSummary(summary, shown && !shown.startsWith('..') ? shown : target));
  const gone = lost.filter((path) => !written.has(path));
  const edited = lost.filter((path) => written.has(path));
  const shownPath = (path: string) => relative(cwd, join(before, path));
  if (lost.length)
    console.log(
      `替换了原有的报告：${[
        ...(gone.length ? [`删除了新导入里没有的 ${gone.length} 个文件（${gone.map(shownPath).join('、')}）`] : []),
        ...(edited.length ? [`${edited.length} 个文件的内容与原来的不同（${edited.map(shownPath).join('、')}）`] : []),
      ].join('；')}。原来的文件都在 git 里，要找回哪个，就运行 git checkout -- 文件名。`,
    );
}

/** Which of `paths` (under `folder`) git holds as they are: in the last commit, unchanged since. None when git cannot
 * say (no git, no repository, no commit). */
function committed(folder: string, paths: string[]): Set<string> {
  const git = (...args: string[]) => {
    const run = spawnSync('git', [...args, '--', ...paths], {
      cwd: folder,
      encoding: 'utf8',
    });
    return run.status === 0 ? run.stdout.split('\0').filter(Boolean) : undefined;
  };
  const inCommit = paths.length ? git('ls-tree', '-r', '-z', '--name-only', 'HEAD') : [];
  const changed = paths.length ? git('diff', '-z', '--name-only', '--relative', 'HEAD') : [];
  return new Set(inCommit && changed ? inCommit.filter((path) => !changed.includes(path)) : []);
}

main().catch((error: unknown) => {
  if (error instanceof ImportError) {
    console.error(`导入失败：${error.message}`);
    for (const problem of error.problems.slice(0, PROBLEMS_SHOWN)) console.error(`  - ${problem}`);
    const more = error.problems.length - PROBLEMS_SHOWN;
    if (more > 0) console.error(`  还有 ${more} 处没有列出：请先改好以上各处，再导入一次。`);
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(
      `导入程序内部错误：${error instanceof Error ? error.message : String(error)}（没有写入任何文件；设置 DEBUG=1 可看详细信息）`,
    );
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 3;
  }
});
