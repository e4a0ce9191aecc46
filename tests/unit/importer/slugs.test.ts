// Addresses for speakers and organisations whose pinyin is taken (src/lib/importer/slugs.ts), as the import writes them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentModel } from '../../../src/content.config.ts';
import { readContent } from '../../../src/lib/check/read.ts';
import { splitFile } from '../../../src/lib/importer/conserve.ts';
import { distinctSlugs, readdressedLines, takenSlugs, type TakenSlugs } from '../../../src/lib/importer/slugs.ts';
import type { RemarkInput } from '../../../src/lib/model.ts';
import { importReport } from '../../../src/lib/importer/importer.ts';
import { roles, root } from './helpers.ts';

const text = [
  '二〇一六年座谈会 交流材料',
  '',
  '立德树人 育人为本',
  '',
  '王欣(新华小学校长):学校坚持立德树人。',
  '',
  '王鑫(新化小学校长):各单位要把立德树人作为根本任务。',
  '',
  '王欣:我们还开展了志愿服务。',
].join('\n');

/** Each remark's speaker, speakerSlug and schoolSlug, in the order of the text. */
function addresses(taken?: TakenSlugs) {
  const { files } = importReport(new TextEncoder().encode(text), { reportId: 'r', date: '2016', roles, taken });
  return files
    .filter((f) => f.path.startsWith('remarks/'))
    .map((f) => {
      const { speaker, speakerSlug, schoolSlug } = splitFile(f.text).data;
      return { speaker, speakerSlug, schoolSlug };
    });
}

describe('the addresses an import gives speakers and organisations', () => {
  it.each([
    ['', ''],
    [' with a zero-width space in the name, which --fix removes', '\u200b'],
  ])('counts as taken the address of a remark the checks refuse%s, its own once it is mended', async (_, hidden) => {
    // 王欣 of 新华小学, in a remark without its order: the site leaves it out until it has one.
    const dir = mkdtempSync(join(tmpdir(), 'refused-'));
    cpSync(`${root}tests/fixtures/content/refused-remark-address/content`, dir, { recursive: true });
    const file = join(dir, 'reports/test-report/remarks/1-2-wang-xin.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('speaker: 王欣', `speaker: 王欣${hidden}`));
    const read = await readContent(dir, contentModel);
    rmSync(dir, { recursive: true });
    expect(read.remarks.map((r) => r.speaker)).not.toContain('王欣');
    const lines = text.split('\n');
    // Only 王鑫 of 新化小学, whose pinyin is 王欣's.
    const only = new TextEncoder().encode([...lines.slice(0, 4), lines[6]].join('\n'));
    const { files } = importReport(only, {
      reportId: 'r',
      date: '2016',
      roles,
      taken: takenSlugs(read.remarks, read.entries),
    });
    const remark = files.find((f) => f.path.startsWith('remarks/'))!;
    expect(splitFile(remark.text).data).toMatchObject({ speaker: '王鑫', speakerSlug: 'wang-xin-xinhua-xiaoxue-2' });
  });

  it('leaves the pinyin to the first of two homophones in a report, and gives the second its own', () => {
    expect(addresses()).toEqual([
      { speaker: '王欣', speakerSlug: undefined, schoolSlug: undefined },
      { speaker: '王鑫', speakerSlug: 'wang-xin-xinhua-xiaoxue-2', schoolSlug: 'xinhua-xiaoxue-2' },
      { speaker: '王欣', speakerSlug: undefined, schoolSlug: undefined },
    ]);
  });

  it('numbers the pinyin of a homophone whose organisation has no pinyin to add', () => {
    const taken: TakenSlugs = { speakers: new Map([['王新\u0000一中', 'wang-xin']]), orgs: new Map() };
    const slugsOf = distinctSlugs([{ name: '王欣', school: '——' }], taken);
    expect(slugsOf('王欣', '——')).toMatchObject({ speakerSlug: 'wang-xin-2', schoolSlug: undefined });
    expect(readdressedLines('王欣', '——', slugsOf('王欣', '——'))).toEqual([
      '发言人王欣（——）的拼音网址 /speakers/wang-xin/ 已是王新（一中）的，另设为 /speakers/wang-xin-2/（speakerSlug）。如果其实是同一个人，请把名字和单位写成与那里一样。',
    ]);
  });

  it("takes a speaker's address from their first remark, as the site does", () => {
    const remark = (order: number, slugs: Partial<RemarkInput>): RemarkInput => ({
      ...{ id: `r/remarks/${order}`, file: `${order}.md`, report: 'r', speaker: '王欣', school: '新华小学' },
      ...{ role: '校长', section: '甲', order, ...slugs },
    });
    const taken = takenSlugs([remark(1, { speakerSlug: 'wang-xin-1', schoolSlug: 'xinhua' }), remark(2, {})]);
    expect(taken.speakers.get('王欣\u0000新华小学')).toBe('wang-xin-1');
    expect(taken.orgs.get('新华小学')).toBe('xinhua');
  });

  it('keeps the addresses of the speakers and organisations already in the content folder', () => {
    const taken: TakenSlugs = {
      speakers: new Map([
        ['王欣\u0000新华小学', 'wang-xin-1'],
        ['王新\u0000第一中学', 'wang-xin'],
      ]),
      orgs: new Map([
        ['新华小学', 'xinhua'],
        ['新化小学', 'xinhua-xiaoxue'],
      ]),
    };
    expect(addresses(taken)).toEqual([
      { speaker: '王欣', speakerSlug: 'wang-xin-1', schoolSlug: 'xinhua' },
      // Its pinyin is 王新's, of another school: with its organisation's address, the one already there.
      { speaker: '王鑫', speakerSlug: 'wang-xin-xinhua-xiaoxue', schoolSlug: undefined },
      { speaker: '王欣', speakerSlug: 'wang-xin-1', schoolSlug: 'xinhua' },
    ]);
  });
});
