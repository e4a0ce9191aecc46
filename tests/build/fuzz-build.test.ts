// A few builds of generated hostile content (tests/support/hostile.ts), and one of safe links of every form: each
// either fails with the Chinese list of errors and writes no page, or builds a site whose pages hold no address that
// runs code and load nothing from another host. `npm run check` agrees with the build and prints no stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_SENTENCE, ownWords, sample, writeSample, type HostileSample } from '../support/hostile.ts';
import { unsafeRefs } from '../support/safe-html.ts';
import { root } from '../support/sites.ts';

const safeLinks: HostileSample = {
  speaker: { text: '王五', quoted: false },
  school: { text: '银河小学', quoted: false },
  role: { text: '书记', quoted: false },
  section: { text: '第二部分 服务', quoted: false },
  title: { text: '测试报告', quoted: false },
  remarkBody:
    '详见[官网](https://example.org/a?b=1)、[本站](/reports/)、[上文](#top)、<mailto:editor@example.org>和[引文][r]。\n\n[r]: http://example.org/r\n',
  noteBody: '编者按，见 <https://example.org/>。',
};

const samples: [string, HostileSample][] = [
  ['safe links', safeLinks],
  ...fc
    .sample(sample(false), { numRuns: 2, seed: 20160701 })
    .map((s, i) => [`plain ${i + 1}`, s] as [string, HostileSample]),
  ...fc
    .sample(sample(true), { numRuns: 4, seed: 20150701 })
    .map((s, i) => [`hostile ${i + 1}`, s] as [string, HostileSample]),
];

/** Lines that only a stack trace has. */
const STACK = /^\s+at |Stack trace:/m;

describe('builds of generated content', () => {
  const built: boolean[] = [];

  it.each(samples)('%s: a Chinese error list and no page, or a site with no unsafe address', (_name, s) => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-build-'));
    const content = join(dir, 'content');
    const outDir = join(dir, 'dist');
    const context = JSON.stringify(s);
    try {
      writeSample(content, s);
      const check = spawnSync('node', ['scripts/check.ts', '--content-only'], {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: content },
        encoding: 'utf8',
      });
      const checkOutput = check.stdout + check.stderr;
      expect(check.status === 0 || check.status === 1, checkOutput).toBe(true);
      expect(checkOutput, context).not.toMatch(STACK);
      for (const line of check.stdout.split('\n').filter((l) => /^\s+(错误|提醒)/.test(l)))
        expect(ownWords(line.replace(/\S*\.md(:\d+:\d+)?/, '')), context).not.toMatch(ENGLISH_SENTENCE);

      const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
        cwd: root,
        env: { ...process.env, CONTENT_DIR: content },
        encoding: 'utf8',
      });
      const output = build.stdout + build.stderr;
      const pages = existsSync(outDir)
        ? readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
        : [];
      // The check and the build agree on whether the content can be published.
      expect(build.status === 0, `${output}\n${checkOutput}\n${context}`).toBe(check.status === 0);
      built.push(build.status === 0);
      if (build.status !== 0) {
        expect(output, context).toMatch(/内容有 \d+ 处错误，网站没有生成/);
        expect(output, context).toMatch(/\.md(:\d+:\d+)? {2}/);
        expect(output, context).not.toMatch(STACK);
        expect(pages, context).toEqual([]);
      } else {
        expect(pages.length, context).toBeGreaterThan(5);
        for (const page of pages)
          expect(unsafeRefs(readFileSync(join(outDir, page), 'utf8'), `/${page}`), context).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('built some of them and refused others', () => {
    expect(built).toContain(true);
    expect(built).toContain(false);
  });
});
