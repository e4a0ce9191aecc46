// The pieces of the search that need no browser: tokens for the index, query parsing, matching and excerpts.
import { describe, expect, it } from 'vitest';
import { excerpt, highlight } from '../../../src/scripts/search/excerpt.ts';
import { fromRow, layoutOf, textOf, toRow } from '../../../src/scripts/search/record.ts';
import { count, matchText, ranked } from '../../../src/scripts/search/match.ts';
import { needlesOf, parseQuery, wordsOf } from '../../../src/scripts/search/query.ts';
import { FIELD_BREAK, project, searchChars } from '../../../src/scripts/search/text.ts';
import { encodeChar, needleWords, recordWords, START } from '../../../src/scripts/search/tokens.ts';

const match = (text: string, q: string) => matchText(project(text), [], [], parseQuery(q)!);
const marked = (text: string, q: string) =>
  highlight(text, match(text, q)?.ranges ?? [])
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('index words', () => {
  const decode = (word: string) =>
    `${word.startsWith('u') ? '·' : ''}${(word.replace(/^u/, '').match(/.{4}/g) ?? [])
      .map((d) => String.fromCodePoint(parseInt(d, 36)))
      .join('')}`;

  it('give each position its character and the next, then each character alone, after a word for the start', () => {
    const [start, ...words] = recordWords(project('用科学，family 2-3名').chars, []);
    expect(start).toBe(START);
    expect(words.map(decode)).toEqual([
      ...['用科', '科学', '学f', 'fa', 'am', 'mi', 'il', 'ly', 'y2', '23', '3名'],
      ...[...'用科学family23名'].map((ch) => `·${ch}`),
    ]);
    // ASCII only, one word each to Pagefind and to the browser's word segmenter.
    for (const w of words) expect(w).toMatch(/^([0-9a-n][0-9a-z]{3}){2}$|^u[0-9a-n][0-9a-z]{3}$/);
    expect(encodeChar('\u{10FFFF}')).toMatch(/^[0-9a-n]/);
    expect(recordWords('', [])).toEqual([START]);
  });

  it('asks for a phrase as its consecutive bigrams, and for one character as that character alone', () => {
    expect(needleWords('三严三实').map(decode)).toEqual(['三严', '严三', '三实']);
    expect(needleWords('党').map(decode)).toEqual(['·党']);
    expect(needlesOf(parseQuery('银河 党员')!)).toEqual(['银河党员', '银河', '党员']);
    expect(parseQuery('，。 ')).toBeUndefined();
  });

  it('never makes one word a prefix of a word of another kind, as Pagefind reads a term as a prefix too', () => {
    const words = [
      ...new Set(recordWords(searchChars('党建家长\u{20BB7}\u{10FFFF}0az'), ['ye', 'yexianghong', 'yxh'])),
    ];
    for (const a of words)
      for (const b of words) if (a !== b) expect(b.startsWith(a), `${a} is a prefix of ${b}`).toBe(false);
  });
});

describe('matching', () => {
  it('matches a phrase across punctuation and line breaks, and folds case, full-width forms and ○ for 〇', () => {
    expect(match('用科学规范的管\n理，强化服务意识', '管理')?.tier).toBe(0);
    expect(match('主题突出、联系实际', '主题突出联系实际')?.tier).toBe(0);
    expect(match('创建银河family微信群', 'FAMILY')?.tier).toBe(0);
    expect(match('２０１５年', '2015')?.tier).toBe(0);
    expect(match('二〇一五年', '二○一五')?.tier).toBe(0);
    expect(match('二◯一五年', '二〇一五')?.tier).toBe(0);
  });

  it('never matches a phrase that runs from one field of a record into the next', () => {
    const meta = { kind: 'remark', speaker: '王明', school: '德胜中学', role: '', heading: '', report: '' } as const;
    const text = textOf(meta, '学校开展了党建活动。');
    expect(match(text, '明德')).toBeUndefined();
    expect(match(text, '中学学校')?.tier).toBe(2);
    expect(match(text, '王明')?.tier).toBe(0);
  });

  it('never matches characters that only stand apart', () => {
    expect(match('教师们学习', '教学')).toBeUndefined();
    expect(match('考试中心利用视频会议形式，召开了全区家长会，为家长讲解', '了解')).toBeUndefined();
  });

  it('ranks the exact phrase over all terms, and all terms over all words', () => {
    expect(match('本着服务师生、服务家长的原则', '服务家长')?.tier).toBe(0);
    expect(match('家长 参与 服务', '服务 家长')?.tier).toBe(1);
    const words = wordsOf('服务家长');
    expect(words.length).toBeGreaterThan(1);
    expect(match(`为${[...words].reverse().join('和')}`, '服务家长')?.tier).toBe(2);
  });

  it('matches some of the words when a record lacks others, saying which', () => {
    expect(match('叶向红书记讲话', '叶向红 家长')).toMatchObject({ tier: 3, hits: 1, missing: ['家长'] });
    expect(marked('叶向红书记讲话', '叶向红 家长')).toEqual(['叶向红']);
    expect(match('叶向红书记讲话', '火箭 家长')).toBeUndefined();
  });

  it("takes a name and the particle after it apart: a speaker's remark is among the closest to 赵卫东的发言", () => {
    expect(wordsOf('赵卫东的发言')).toEqual(['赵卫东', '发言']);
    expect(wordsOf('王鑫和赵卫东')).toEqual(['王鑫', '赵卫东']);
    expect(match('赵卫东书记讲话', '赵卫东的发言')).toMatchObject({ tier: 3, missing: ['发言'] });
    expect(match('赵卫东的发言稿', '赵卫东的发言')?.tier).toBe(0);
    // A particle alone is still searched for.
    expect(wordsOf('的')).toEqual(['的']);
  });

  it('takes a name in pinyin typed with its tones or ü as the keys write it', () => {
    expect(parseQuery('yè xiàng hóng')?.name).toBe('yexianghong');
    expect(parseQuery('Lǚ Míng')?.name).toBe('lvming');
    expect(parseQuery('lüming')?.name).toBe('lvming');
    expect(parseQuery('家长')?.name).toBeUndefined();
  });

  it('counts a term typed twice once: it is lacking once, and ranks no lower for it', () => {
    expect(match('家长会', '学校 学校 家长')).toMatchObject({ tier: 3, missing: ['学校'] });
    const hits = (q: string) =>
      ranked(parseQuery(q)!, [0, 1], (n, needle) => count(searchChars(['家长会', '学校'][n]!), [], needle));
    expect(hits('学校 学校 家长').map((h) => h.n)).toEqual(hits('学校 家长').map((h) => h.n));
    expect(parseQuery('学校 学校 家长')?.phrase).toBe('学校学校家长');
  });

  it('shows partial matches only when no record has every word, those lacking fewer first', () => {
    const rank = (records: string[], q: string) =>
      ranked(parseQuery(q)!, records.keys(), (n, needle) => count(searchChars(records[n]!), [], needle)).map(
        ({ n, tier, missing }) => ({ n, tier, missing }),
      );
    expect(rank(['家长', '家长学校', '学校学校'], '学校 家长')).toEqual([{ n: 1, tier: 1, missing: undefined }]);
    expect(rank(['家长 服务', '学校', '学校学校', '服务家长', '教育'], '家长 学校 服务')).toEqual([
      { n: 0, tier: 3, missing: ['学校'] },
      { n: 3, tier: 3, missing: ['学校'] },
      { n: 2, tier: 3, missing: ['家长', '服务'] },
      { n: 1, tier: 3, missing: ['家长', '服务'] },
    ]);
  });

  it('counts occurrences and highlights each one in the original text', () => {
    const text = '服务教育、服务学生、服务社会';
    expect(match(text, '服务')?.hits).toBe(3);
    expect(marked(text, '服务')).toEqual(['服务', '服务', '服务']);
    expect(marked('用科学规范的管\n理', '管理')).toEqual(['管\n理']);
  });

  it('folds a text to the same searchable characters with or without the offsets', () => {
    for (const text of [
      '用科学规范的管\n理，强化服务意识',
      '创建银河ＦＡＭＩＬＹ微信群，２０１５年',
      '\u{20BB7}吉家长',
    ])
      expect(searchChars(text)).toBe(project(text).chars);
  });

  it('keeps runs of one-character words together, so scattered characters never stand in for a word', () => {
    for (const word of wordsOf('三严三实')) expect([...word].length).toBeGreaterThan(1);
  });
});

describe('excerpts', () => {
  it('shows the text around the first match with ellipses where it is cut', () => {
    const text = `${'甲'.repeat(200)}，敬老文明岗${'乙'.repeat(200)}`;
    const pieces = excerpt(text, match(text, '敬老')!.ranges, 60);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['敬老']);
    expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(62);
  });

  it('never cuts a character outside the BMP in two', () => {
    for (const before of [59, 60, 61]) {
      const text = `${'𠮷'.repeat(before)}的家长学校${'𠮷'.repeat(100)}`;
      const pieces = excerpt(text, match(text, '家长')!.ranges);
      expect(pieces.map((p) => p.text.isWellFormed())).not.toContain(false);
      expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['家长']);
    }
  });

  it('never cuts a match in two: one that runs past the end is shown whole', () => {
    for (const before of [57, 58, 59]) {
      const text = `服务${'甲'.repeat(before)}服务${'乙'.repeat(100)}`;
      const pieces = excerpt(text, match(text, '服务')!.ranges, 60);
      expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(before < 58 ? ['服务', '服务'] : ['服务']);
    }
  });

  it('starts at the beginning when the match is near it', () => {
    const text = '敬老文明岗，制定了公约。';
    expect(excerpt(text, match(text, '敬老')!.ranges).map((p) => p.text)).toEqual(['敬老', '文明岗，制定了公约。']);
  });
});

describe('record rows', () => {
  it('carry a record without its field names or its lead twice, and give it back whole', () => {
    const meta = {
      kind: 'remark',
      speaker: '叶向红',
      school: '银河小学',
      role: '书记',
      heading: '一',
      report: '报告',
    } as const;
    const record = { url: '/r/#a', text: textOf(meta, '家长学校。'), meta, keys: ['yexianghong', 'yxh'] };
    expect(record.text.split(FIELD_BREAK)).toEqual(['叶向红', '银河小学', '家长学校。']);
    const { lead, bodyStart } = layoutOf(meta);
    expect(lead.map((f) => record.text.slice(f.start, f.start + f.text.length))).toEqual(['叶向红', '银河小学']);
    expect(record.text.slice(bodyStart)).toBe('家长学校。');
    const row = toRow(record);
    expect(row).toEqual([
      '/r/#a',
      'remark',
      '叶向红',
      '银河小学',
      '书记',
      '一',
      '报告',
      ['yexianghong', 'yxh'],
      '家长学校。',
    ]);
    expect(fromRow(row)).toEqual(record);
    const report = { ...meta, kind: 'report', speaker: '', school: '', role: '', heading: '' } as const;
    const note = textOf(report, '编者按。');
    expect(fromRow(toRow({ url: '/r/', text: note, meta: report, keys: [] })).text).toBe(note);
    expect(() => toRow({ ...record, text: '家长学校。' })).toThrow(/lead/);
  });
});
