// The seed content against the raw source: nothing added, nothing lost, nothing reworded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/seed.ts';
import { root } from '../support/sites.ts';

const seed = readSeed();
const source = readFileSync(`${root}tests/fixtures/import/seed/report.txt`, 'utf8');
const blocks = source
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const INTRO = /^(\p{Script=Han}{2,4})(?:\(([^)]*)\))?:/u;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
/** Chinese typesetting: half-width , ; : ( ) become full-width (the source has them only in Chinese text). */
const fullWidth = (s: string) => s.replace(/[,;:()]/g, (c) => FULL_WIDTH[c]!);
const prose = (s: string) =>
  [...s]
    .filter((c) => /[\p{Script=Han}\p{L}\p{N}]/u.test(c))
    .sort()
    .join('');

const title = blocks[0]!;
const headings = blocks.filter((b) => seed.sections.includes(b));
/** Each prose block of the source without its structure (title, headings, 编者按 label, speaker intros). */
const proseBlocks = blocks
  .slice(1)
  .filter((b) => !headings.includes(b))
  .map((b) => fullWidth(b.replace(/^编者按:/, '').replace(INTRO, '')));
const texts = [seed.note, ...seed.remarks.map((r) => r.paragraphs.join('\n'))];

describe('the seed report', () => {
  it("has the source's title and its five headings in order", () => {
    expect(seed.title).toBe(title);
    expect(headings).toEqual(seed.sections);
    expect(seed.sections).toHaveLength(5);
  });

  it('has 16 remarks by 9 speakers', () => {
    expect(seed.remarks).toHaveLength(16);
    expect(new Set(seed.remarks.map((r) => r.speaker)).size).toBe(9);
  });

  it('contains every prose block of the source exactly once, and nothing else', () => {
    for (const block of proseBlocks) {
      const holders = texts.filter((t) => t.includes(block));
      expect(holders, block).toHaveLength(1);
      expect(holders[0]!.split(block).length - 1, block).toBe(1);
    }
    const contentLength = texts.reduce((n, t) => n + t.replace(/\n/g, '').length, 0);
    expect(contentLength).toBe(proseBlocks.reduce((n, b) => n + b.length, 0));
    expect(prose(texts.join(''))).toBe(prose(proseBlocks.join('')));
  });

  it('rejoins paragraphs broken by the layout: every paragraph ends a sentence', () => {
    for (const t of texts) for (const p of t.split('\n')) expect(p, p).toMatch(/[。！？”）]$/);
  });

  it("keeps each remark under the heading where its speaker's name starts it, in source order", () => {
    let heading = '';
    const order = new Map<string, string[]>();
    for (const block of blocks) {
      if (seed.sections.includes(block)) heading = block;
      const intro = INTRO.exec(block);
      if (!intro || !heading) continue;
      const start = fullWidth(block.replace(INTRO, ''));
      const remark = seed.remarks.find(
        (r) => r.section === heading && r.speaker === intro[1] && r.paragraphs[0]!.startsWith(start.slice(0, 20)),
      );
      expect(remark, `${heading} ${intro[1]}`).toBeDefined();
      order.set(heading, [...(order.get(heading) ?? []), remark!.id]);
    }
    for (const section of seed.sections) {
      const inContent = seed.remarks.filter((r) => r.section === section).sort((a, b) => a.order - b.order);
      expect(inContent.map((r) => r.id)).toEqual(order.get(section));
    }
  });

  it("gives every remark its speaker's school and role, as the source states them", () => {
    const titles = new Map(
      blocks
        .map((b) => INTRO.exec(b))
        .filter((m) => m?.[2])
        .map((m) => [m![1]!, m![2]!]),
    );
    expect(titles.size).toBe(9);
    for (const r of seed.remarks) expect(r.school + r.role, r.file).toBe(titles.get(r.speaker));
    expect(seed.remarks.find((r) => r.speaker === '叶向红')).toMatchObject({ school: '区委教工委', role: '书记' });
    expect(seed.remarks.find((r) => r.speaker === '王鑫')).toMatchObject({ school: '区委教工委', role: '副书记' });
    expect(seed.remarks.find((r) => r.speaker === '左丽君')).toMatchObject({ school: '一幼', role: '党支部书记' });
    expect(seed.remarks.find((r) => r.speaker === '简道寅')).toMatchObject({ school: '京源学校', role: '党总支书记' });
  });

  it("keeps digits, Latin and the source's own spellings as printed", () => {
    const all = texts.join('');
    for (const kept of ['“7·1”', '40%', '2015年', '银河family', '为xxx点赞', '2-3名', '“三个经常”（思想经常见面'])
      expect(all).toContain(kept);
    expect(all).not.toMatch(/[,;:()]/);
  });
});
