import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkConservation, countChars } from '../../../src/lib/importer/conserve.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { escapeMarkdown, yamlScalar } from '../../../src/lib/importer/render.ts';
import { fixture, run } from './helpers.ts';

describe('yamlScalar', () => {
  it('leaves values plain as in the seed', () => {
    for (const v of ['叶向红', '区委教工委', '围绕中心 严字当头', '践行“三严三实” 创建服务型党组织'])
      expect(yamlScalar(v)).toBe(v);
  });

  it('double-quotes values YAML would read otherwise, and they read back unchanged', () => {
    for (const v of [
      '2015',
      'yes',
      'null',
      '- 列表',
      '标题: 副题',
      '甲 #乙',
      '"引号"',
      ' 空格',
      '[方括号]',
      '2015-07-01',
    ]) {
      const out = yamlScalar(v);
      expect(out.startsWith('"'), v).toBe(true);
      expect((parse(`v: ${out}`) as { v: unknown }).v).toBe(v);
    }
  });
});

describe('escapeMarkdown', () => {
  it('keeps ordinary prose byte for byte', () => {
    const p = '“7·1”前夕，占退休教师的40%。《党员手册》、2-3名、银河family。';
    expect(escapeMarkdown(p)).toBe(p);
  });

  it('escapes what Markdown would turn into markup', () => {
    expect(escapeMarkdown('a*b*c_d_<b>[x]')).toBe('a\\*b\\*c\\_d\\_\\<b\\>\\[x\\]');
    expect(escapeMarkdown('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMarkdown('1. 不是列表')).toBe('1\\. 不是列表');
    expect(escapeMarkdown('- 不是列表')).toBe('\\- 不是列表');
  });
});

describe('the conservation check', () => {
  const input = fixture('clean/input.txt').toString('utf8');
  const { files } = run(input);
  const structural = [
    '凝心聚力促发展 立德树人谱新篇',
    '编者按:',
    '立德树人 育人为本',
    '队伍建设 凝心聚力',
    '家校共育 携手同行',
  ];
  const tags = [...input.matchAll(/^(?!编者按)\S{2,3}(\([^)]*\))?:/gm)].map((m) => m[0]);
  const expected = {
    title: '凝心聚力促发展 立德树人谱新篇',
    sections: ['立德树人 育人为本', '队伍建设 凝心聚力', '家校共育 携手同行'],
    intros: new Map([
      ['周丽华', ['区委教工委副书记']],
      ['孙明远', ['实验中学校长']],
      ['陈建国', ['一幼党支部书记']],
      ['吴晓燕', ['育才小学党总支副书记']],
      ['郑海波', ['第九中学党支部书记']],
    ]),
    remarkCount: 9,
  };

  it('passes on the real output', () => {
    expect(() => checkConservation(input, [...structural, ...tags], files, expected)).not.toThrow();
  });

  it('counts Han characters, letters and digits, not punctuation', () => {
    expect(countChars('甲,甲。a1％')).toEqual(
      new Map([
        ['甲', 2],
        ['a', 1],
        ['1', 1],
      ]),
    );
  });

  it.each([
    ['a lost character', (t: string) => t.replace('引路人', '引路')],
    ['an added character', (t: string) => t.replace('引路人', '引路人人')],
    ['a swapped character', (t: string) => t.replace('引路人', '引路者')],
  ])('refuses %s, naming it', (_, change) => {
    const tampered = files.map((f) => (f.path === 'remarks/1-1-zhou-lihua.md' ? { ...f, text: change(f.text) } : f));
    expect(() => checkConservation(input, [...structural, ...tags], tampered, expected)).toThrow(ImportError);
    try {
      checkConservation(input, [...structural, ...tags], tampered, expected);
    } catch (e) {
      expect((e as ImportError).problems.join('\n')).toMatch(/[人者]/);
    }
  });

  it('refuses a wrong role or a missing remark', () => {
    const wrongRole = files.map((f) => ({ ...f, text: f.text.replace('role: 副书记', 'role: 书记') }));
    expect(() => checkConservation(input, [...structural, ...tags], wrongRole, expected)).toThrow('内部核对失败');
    expect(() => checkConservation(input, [...structural, ...tags], files.slice(0, -1), expected)).toThrow(
      '内部核对失败',
    );
  });
});
