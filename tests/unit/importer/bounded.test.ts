// The importer's work and output stay bounded on large and hostile texts: the candidate search does not weigh every
// pair of blocks, lists are capped, oversized texts and unwritable folders are refused in Chinese with nothing written.
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, LISTED, PROBLEMS_SHOWN } from '../../../src/lib/importer/errors.ts';
import { MAX_INPUT_BYTES } from '../../../src/lib/importer/importer.ts';
import type { Block } from '../../../src/lib/importer/parse.ts';
import { wordCandidates } from '../../../src/lib/importer/repair.ts';
import { writeReport } from '../../../src/lib/importer/write.ts';
import { cli, fixture, fixtures, run } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'import-bounded-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const blocks = (texts: string[], from = 0): Block[] =>
  texts.map((text, i) => ({ id: from + i, line: from + i, zone: 0, text }));

/** The seed's body (from its first heading) repeated: each copy repeats its breaks, so each has many candidates.
 * Each copy's headings are numbered, since a report cannot have one heading twice. */
function seedTimes(copies: number): string {
  const [head, body] = fixture('seed/report.txt')
    .toString('utf8')
    .split(/(?=\n围绕中心 严字当头)/u);
  return (
    head +
    Array.from({ length: copies }, (_, i) => body!.replace(/^(\p{Script=Han}+ \p{Script=Han}+)$/gmu, `$1${i}`)).join('')
  );
}

function refusal(text: string): ImportError {
  try {
    run(text, '2015');
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('imported');
}

describe('the search for the block that completes a cut paragraph', () => {
  it('segments each pair of runs once, however often the pair recurs', () => {
    const heads = blocks(Array.from({ length: 300 }, () => '明确了工作目标,用科学规范的管'));
    const tails = blocks(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? '理,强化服务意识' : '今年,全区高考本科率')),
      heads.length,
    );
    const { found, comparisons } = wordCandidates(heads, tails);
    expect(comparisons).toBe(2);
    expect(found.get(0)).toHaveLength(150);
    expect(found.get(0)!.every((c) => c.word === '管理')).toBe(true);
  });

  it('never weighs blocks that cannot form a word across a cut', () => {
    const heads = blocks(['体会深刻,', '提升约20', '用科学规范的管']);
    const tails = blocks(['，很有借鉴', '15个百分点', '理,强化服务意识'], 3);
    expect(wordCandidates(heads, tails).comparisons).toBe(1);
  });

  it('refuses in Chinese, naming lines, rather than weigh more pairs than its limit', () => {
    const heads = blocks(Array.from({ length: 40 }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}${i}项工作的管`));
    const tails = blocks(
      Array.from({ length: 40 }, (_, i) => `理${i}个方面`),
      40,
    );
    expect(() => wordCandidates(heads, tails, 100)).toThrow(ImportError);
    expect(() => wordCandidates(heads, tails, 100)).toThrow(/要核对的接法超过 100 种/);
    try {
      wordCandidates(heads, tails, 100);
    } catch (error) {
      expect((error as ImportError).problems).toEqual([expect.stringMatching(/^第 0 行.*，还有 35 处$/)]);
    }
  });
});

describe('capped messages', () => {
  it('names at most a few candidates per break and counts the rest', () => {
    const error = refusal(seedTimes(12));
    const many = error.problems.filter((p) => p.includes('段都可能接上'));
    expect(many.length).toBeGreaterThan(0);
    for (const problem of many) {
      expect(problem).toMatch(/有 12 段都可能接上：.*，还有 7 处。/);
      expect(problem.match(/第 \d+ 行“/g)).toHaveLength(LISTED);
    }
  });

  it('the command prints a screenful of problems and counts the rest', () => {
    const file = join(temp, 'many.txt');
    writeFileSync(file, seedTimes(40));
    const content = join(temp, 'many');
    const r = cli(file, '--report', 'test-report', '--date', '2015', '--content', content);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    const total = Number(/^导入失败：有 (\d+) 处排版断裂/.exec(lines[0]!)?.[1]);
    expect(total).toBeGreaterThan(PROBLEMS_SHOWN);
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(PROBLEMS_SHOWN);
    expect(lines.at(-1)).toBe(`  还有 ${total - PROBLEMS_SHOWN} 处没有列出：请先改好以上各处，再导入一次。`);
    expect(existsSync(content)).toBe(false);
  });
});

describe('input size limit', () => {
  it('importReport refuses a text over the limit before decoding it', () => {
    expect(() => run(new Uint8Array(MAX_INPUT_BYTES + 1))).toThrow(/^原文有 20 MB，超过导入程序的上限 20 MB/);
  });

  it('the command refuses a file over the limit, naming it and the limit, exit 1, nothing written', () => {
    const file = join(temp, 'huge.txt');
    writeFileSync(file, '');
    // Sparse: the size is what the command checks, and it must refuse without reading the bytes.
    truncateSync(file, MAX_INPUT_BYTES + 5 * 1024 * 1024);
    const content = join(temp, 'huge');
    const r = cli(file, '--report', 'test-report', '--date', '2015', '--content', content);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `导入失败：原文文件 ${file} 有 25 MB，超过导入程序的上限 20 MB，没有导入。一份报告的原文通常只有几十 KB：请确认选对了文件；若是多份报告，请分开导入。\n`,
    );
    expect(existsSync(content)).toBe(false);
  });
});

describe('an unwritable content folder', () => {
  const files = [{ path: 'index.md', text: '---\ntitle: 新\n---\n' }];

  it('is reported in Chinese, naming the folder, and nothing is left behind', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    writeFileSync(join(dir, 'reports'), 'not a folder');
    await expect(writeReport(dir, 'r', files, false)).rejects.toThrow(ImportError);
    await expect(writeReport(dir, 'r', files, false)).rejects.toThrow(
      `无法写入内容目录 ${dir}：路径中有一部分是文件而不是文件夹。没有写入任何文件。`,
    );
    expect(readdirSync(dir)).toEqual(['reports']);
  });

  it('makes the command exit 1 with one line in Chinese, no stack trace, nothing written', () => {
    const file = join(temp, 'a-file');
    writeFileSync(file, '');
    const content = join(file, 'content');
    const r = cli(join(fixtures, 'clean/input.txt'), '--report', 'test-report', '--date', '2015', '--content', content);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^导入失败：无法写入内容目录 ${content}：[^\\n]*--content[^\\n]*\\n$`));
    expect(readdirSync(temp).filter((f) => f.startsWith('a-file'))).toEqual(['a-file']);
  });
});
