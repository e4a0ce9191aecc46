// Headings numbered as many reports number them (一、 （一） 1. 1、 １．): headings, their numbers kept as printed.
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { splitFile } from '../../../src/lib/importer/conserve.ts';
import { fixture, run } from './helpers.ts';

/** The frontmatter and body of each written file, by path. */
const filesOf = (folder: string) =>
  new Map(run(fixture(folder, 'input.txt')).files.map((f) => [f.path, splitFile(f.text)]));

describe('a report whose headings are numbered', () => {
  it.each([
    ['numbered-han', ['一、', '二、', '三、']],
    ['numbered-paren', ['（一）', '（二）', '（三）']],
    ['numbered-dot', ['1. ', '2. ', '3. ']],
    ['numbered-comma', ['1、', '2、', '3、']],
    ['numbered-fullwidth', ['１．', '２．', '３．']],
  ])('%s: each numbered line is a heading, its number kept as printed', (folder, numbers) => {
    const sections = ['围绕中心 严字当头', '抓住关键 加强班子建设', '立足实际 打造服务特色'].map(
      (heading, i) => numbers[i]! + heading,
    );
    const files = filesOf(folder);
    expect(files.get('index.md')?.data.sections).toEqual(sections);
    expect(
      [...files].filter(([path]) => path.startsWith('remarks/')).map(([path, { data }]) => [path, data.section]),
    ).toEqual([
      ['remarks/1-1-ye-xianghong.md', sections[0]],
      ['remarks/1-2-wang-xin.md', sections[0]],
      ['remarks/2-1-jian-daoyin.md', sections[1]],
      ['remarks/3-1-wang-xin.md', sections[2]],
    ]);
    expect(files.get('remarks/1-1-ye-xianghong.md')?.body).toBe(
      '\n教育系统的党建工作，关键是围绕中心，服务大局，从实际出发。\n',
    );
  });

  it('a numbered point of a remark that ends a sentence stays a paragraph of that remark', () => {
    const files = filesOf('numbered-list-item');
    expect(files.get('index.md')?.data.sections).toEqual(['一、围绕中心 严字当头', '二、抓住关键 加强班子建设']);
    const paragraphs = [
      '今年要重点抓好三件事：',
      '1.加强理论学习，提高党性修养。',
      '2.完善规章制度狠抓落实。',
      '（三）发挥党员作用服务师生，在推进教育改革创新中当先锋、作表率，让人民群众满意。',
    ];
    expect(files.get('remarks/1-1-ye-xianghong.md')?.body).toBe(`\n${paragraphs.join('\n\n')}\n`);
  });

  it('a numbered line of one phrase is no heading, and the refusal shows a numbered heading as one', () => {
    // 一、严字当头: the first phrase of each heading left out.
    const text = fixture('numbered-han', 'input.txt')
      .toString('utf8')
      .replace(/^([一二三]、)\S+ /gmu, '$1');
    expect(() => run(text)).toThrow(ImportError);
    expect(() => run(text)).toThrow(/^没有找到小标题.*除开头的编号外没有标点.*“一、围绕中心 严字当头”/u);
  });
});
