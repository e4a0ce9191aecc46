// `npm run bench -- --remarks <N> [--json <file>] [--keep]`: builds a synthetic archive of about N remarks as
// production does (site + search index) and measures the build, the pages, and search in headless Chromium.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeArchive } from './bench/archive.ts';
import { measureSearch } from './bench/search.ts';

const USAGE = '用法：npm run bench -- --remarks <N>（N ≥ 16）[--json <文件>] [--keep]';
function usage(): never {
  console.error(USAGE);
  process.exit(2);
}
const options = {
  remarks: { type: 'string', default: '160' },
  json: { type: 'string' },
  keep: { type: 'boolean', default: false },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch {
  usage();
}
const remarks = Number(values.remarks);
if (!Number.isInteger(remarks) || remarks < 16) usage();

/** Total resident memory of a process and all its descendants, in bytes, read from /proc. */
async function treeRss(pid: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const sum = (p: number): number => (rss.get(p) ?? 0) + (children.get(p) ?? []).reduce((n, c) => n + sum(c), 0);
  return sum(pid);
}

/** Runs `npm run build` on a content folder, returning wall seconds, peak tree RSS and its output. */
async function build(contentDir: string, outDir: string) {
  // A cold build, as a fresh clone or a CI runner without a cache does it: Astro's content cache (its data store,
  // which can hold a previous run's archive) would otherwise skip work and change time and memory from run to run.
  await rm('node_modules/.astro', { recursive: true, force: true });
  const started = performance.now();
  const child = spawn('npm', ['run', 'build', '--', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const timer = setInterval(() => void treeRss(child.pid!).then((rss) => (peak = Math.max(peak, rss))), 100);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`构建失败：\n${output.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakRss: peak, output };
}

async function sizes(dir: string) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const html: number[] = [];
  let total = 0;
  let index = 0;
  for (const f of files) {
    const path = join(f.parentPath, f.name);
    const { size } = await stat(path);
    total += size;
    if (f.name.endsWith('.html')) html.push(size);
    if (/[\\/]search-index[\\/][^\\/]+[\\/]pagefind[\\/]/.test(path)) index += size;
  }
  html.sort((a, b) => a - b);
  return {
    pages: html.length,
    htmlMedian: html[Math.floor(html.length / 2)] ?? 0,
    htmlMax: html.at(-1) ?? 0,
    total,
    index,
  };
}

const work = await mkdtemp(join(tmpdir(), 'bench-'));
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
try {
  const archive = await writeArchive(contentDir, remarks);
  console.log(
    `合成档案：${archive.reports} 份报告，${archive.remarks} 篇发言，${archive.speakers} 位发言人，${archive.schools} 个单位（${contentDir}）`,
  );
  const built = await build(contentDir, outDir);
  const indexSeconds = Number(/搜索索引[^\n]*?用时 ([\d.]+) 秒/.exec(built.output)?.[1] ?? NaN);
  const size = await sizes(outDir);
  const search = await measureSearch(outDir);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  const figures = {
    remarks: archive.remarks,
    reports: archive.reports,
    pages: size.pages,
    buildSeconds: Math.round(built.seconds * 10) / 10,
    indexSeconds: Math.round(indexSeconds * 10) / 10,
    peakRssMB: Math.round(built.peakRss / 1024 / 1024),
    htmlKB: { median: kb(size.htmlMedian), max: kb(size.htmlMax) },
    distMB: Math.round((size.total / 1024 / 1024) * 10) / 10,
    indexKB: kb(size.index),
    firstSearchKB: kb(search.firstSearchBytes),
    warmQueryMs: { median: Math.round(search.warmMedianMs * 10) / 10 },
    recordsKB: kb(search.recordsBytes),
    recordsMs: search.recordsMs,
    warmWithoutRecordsMs: { median: Math.round(search.warmWithoutRecordsMedianMs * 10) / 10 },
    tenFetchesMs: { median: Math.round(search.tenFetchesMedianMs * 10) / 10 },
    dialogQueryMs: { median: Math.round(search.dialogMedianMs * 10) / 10 },
    firstVisitBackgroundKB: kb(search.firstVisitBackgroundBytes),
  };
  console.table({
    发言: figures.remarks,
    报告: figures.reports,
    页面: figures.pages,
    '构建（秒）': figures.buildSeconds,
    '其中索引（秒）': figures.indexSeconds,
    '内存峰值（MB）': figures.peakRssMB,
    'HTML 中位（KB）': figures.htmlKB.median,
    'HTML 最大（KB）': figures.htmlKB.max,
    'dist（MB）': figures.distMB,
    '索引（KB）': figures.indexKB,
    '首次搜索传输（KB，gzip）': figures.firstSearchKB,
    '热查询中位（毫秒）': figures.warmQueryMs.median,
    '随后后台载入全部记录（KB，gzip）': figures.recordsKB,
    '载入全部记录用时（毫秒）': figures.recordsMs,
    '未载入全部记录时的热查询中位（毫秒）': figures.warmWithoutRecordsMs.median,
    '十个结果文件并行下载（毫秒）': figures.tenFetchesMs.median,
    '搜索对话框：最后一键到结果（毫秒）': figures.dialogQueryMs.median,
    '首次访问后台下载（KB，离线副本）': figures.firstVisitBackgroundKB,
  });
  if (values.json) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  if (values.keep) console.log(`保留了 ${work}`);
  else await rm(work, { recursive: true, force: true });
}
