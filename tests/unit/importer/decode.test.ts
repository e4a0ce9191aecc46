import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/importer/decode.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { fixture } from './helpers.ts';

const text = '标题 一行\n\n编者按:为庆祝建党94周年,7所学校……';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'UTF-8' });
  });

  it('detects GB18030/GBK when the bytes are not UTF-8', () => {
    const bytes = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text, encoding: 'GB18030' });
    expect(decodeText(iconv.encode(text, 'gbk')).text).toBe(text);
  });

  it('reads GBK prose with characters GB2312 lacks (names, 〇) and a traditional phrase', () => {
    const prose = '二〇一六年，朱镕基、王喆、李堃同志在“國家”精神指引下，开展了学习教育活动。'.repeat(3);
    expect(decodeText(iconv.encode(prose, 'gbk'))).toEqual({ text: prose, encoding: 'GB18030' });
  });

  it('reads the seed report and the clean fixture saved as GB18030', () => {
    for (const file of ['seed/report.txt', 'clean/input.txt']) {
      const original = fixture(...file.split('/')).toString('utf8');
      expect(decodeText(iconv.encode(original, 'gb18030')).text).toBe(original);
    }
  });

  // Big5 byte pairs are valid GB18030 too: decoded so, they give other characters, which must not be published.
  it.each([
    ['traditional text', '各單位要把立德樹人作為根本任務，把思想政治工作貫穿教育教學全過程。'],
    [
      'seed report in traditional characters',
      Converter({ from: 'cn', to: 'tw' })(fixture('seed/report.txt').toString('utf8')),
    ],
    [
      'clean fixture in Hong Kong characters',
      Converter({ from: 'cn', to: 'hk' })(fixture('clean/input.txt').toString('utf8')),
    ],
  ])('refuses a Big5 %s, naming the file and the fix', (_, traditional) => {
    const bytes = iconv.encode(traditional, 'big5');
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    expect(() => decodeText(bytes, '/tmp/原文.txt')).toThrow(ImportError);
    expect(() => decodeText(bytes, '/tmp/原文.txt')).toThrow(
      '无法识别原文文件 /tmp/原文.txt 的编码：它不是 UTF-8，按 GB18030/GBK 读出来又不像中文（可能是繁体的 Big5 或别的编码）',
    );
    expect(() => decodeText(bytes)).toThrow(
      '请用文本编辑器把它另存为 UTF-8（例如在记事本里选“另存为”，“编码”选 UTF-8）',
    );
  });

  it('turns CRLF, CR and form feeds into LF', () => {
    expect(decodeText(utf8('甲\r\n乙\r丙\n丁\f戊')).text).toBe('甲\n乙\n丙\n丁\n戊');
  });

  it.each([
    ['empty', new Uint8Array(), '空的'],
    ['blank', utf8(' \n\u3000\r\n\t'), '只有空白'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '不是文本文件'],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x61, 0]), 'UTF-16'],
    ['neither UTF-8 nor GB18030', new Uint8Array([0x61, 0xff, 0xff, 0x62]), '无法识别文件的编码'],
    ['mostly control characters', new Uint8Array([0x61, 1, 2, 3, 4, 5, 6, 7, 0x62]), '不是文本文件'],
  ])('refuses %s input with a Chinese message', (_, bytes, message) => {
    expect(() => decodeText(bytes)).toThrow(ImportError);
    expect(() => decodeText(bytes)).toThrow(message);
  });
});
