// `npm run new -- --report <id> --section <heading> --speaker <name> [--school <organisation> --role <role>]`:
// creates a remark file with its frontmatter filled in, placed last under its heading, and prints its path.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentDir, contentModel } from '../src/content.config.ts';
import { readContent } from '../src/lib/check/read.ts';
import { readArgs } from '../src/lib/cli.ts';
import { meant } from '../src/lib/meant.ts';
import { remarkFile } from '../src/lib/new-remark.ts';

const fail = (message: string): never => {
  console.error(`没有创建文件：${message}`);
  process.exit(1);
};

const { values } = readArgs(
  {
    options: {
      report: { type: 'string' },
      section: { type: 'string' },
      speaker: { type: 'string' },
      school: { type: 'string' },
      role: { type: 'string' },
    },
  },
  '用法：npm run new -- --report <报告> --section "<小标题>" --speaker <姓名> [--school <单位> --role <职务>]',
  '没有创建文件。',
);
if (!values.report || !values.section || !values.speaker)
  fail(
    '请写明报告、小标题和发言人，例如：npm run new -- --report 2015-dangjian-zuotanhui --section "围绕中心 严字当头" --speaker 叶向红',
  );

const { reports, remarks, invalidReports, entries } = await readContent(contentDir, contentModel);
if (invalidReports.has(values.report!))
  fail(
    `报告 ${values.report} 的 index.md 有错误，读不出它的小标题。请先运行 npm run check，按提示改好 index.md，再新建发言。`,
  );
// Guessed as the checks guess (src/lib/meant.ts): only what is likely a slip, never the nearest of anything.
const guess = (written: string, options: string[]) => {
  const likely = meant(written, options);
  return likely === undefined ? '' : `您是否想写「${likely}」？`;
};
const ids = reports.map((r) => r.id);
const report =
  reports.find((r) => r.id === values.report) ??
  fail(`没有报告 ${values.report}。${guess(values.report!, ids)}现有的报告：${ids.join('、') || '（无）'}。`);
if (!report.sections.includes(values.section!))
  fail(
    `「${values.section}」不是报告 ${report.id} 的小标题。${guess(values.section!, report.sections)}小标题有：${report.sections.map((s) => `「${s}」`).join(' ')}`,
  );

const result = remarkFile({
  report,
  reports,
  remarks,
  section: values.section!,
  speaker: values.speaker!,
  school: values.school,
  role: values.role,
  entries,
});
if ('error' in result) fail(result.error);
const { name, text, notes } = result as Exclude<typeof result, { error: string }>;
const dir = join(contentDir, 'reports', report.id, 'remarks');
const path = join(dir, name);
if (existsSync(path)) fail(`${path} 已经存在。`);
await mkdir(dir, { recursive: true });
await writeFile(path, text);
console.log(path);
for (const note of notes) console.log(note);
console.log('请打开这个文件，在第二个 --- 下面空一行，写上发言的内容；然后运行 npm run check。');
