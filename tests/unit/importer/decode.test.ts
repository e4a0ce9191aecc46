import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/importer/decode.ts';
import { ImportError } from '../../../src/lib/importer/errors.ts';

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
