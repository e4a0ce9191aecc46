import { ImportError } from './errors.ts';

/** The encodings the importer detects. */
export type Encoding = 'UTF-8' | 'GB18030';

/** C0 controls other than tab and line ends: in a text copied from a page they are noise, in bulk they mean binary. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Decodes the bytes of a copied text: UTF-8 (with or without BOM) when they are valid UTF-8, else GB18030/GBK when
 * they read as GB18030 Chinese does. `file` is the text's file, named when its encoding cannot be told.
 * Line ends (CRLF, CR, LF, and the form feeds PDF extraction leaves between pages) all become LF.
 */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new ImportError('文件是空的，没有任何文字。请确认选对了文件。');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportError('文件是 UTF-16 编码，暂不支持。请用文本编辑器另存为 UTF-8 后再导入。');
  if (bytes.includes(0)) throw notText();
  let text: string;
  let encoding: Encoding;
  try {
    // A valid UTF-8 byte sequence is almost never valid-looking GB18030 prose and vice versa, so UTF-8 goes first.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'UTF-8';
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      encoding = 'GB18030';
    } catch {
      throw unknownEncoding(file);
    }
    if (!readsAsGb2312(text)) throw unknownEncoding(file);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length / 100) throw notText();
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\f\v\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROL, '');
  if (!/\S/u.test(text.replace(/\u3000/g, ' ')))
    throw new ImportError('文件里只有空白，没有任何文字。请确认选对了文件。');
  return { text, encoding };
}

/** Above this share of characters outside GB2312, a text that decodes as GB18030 is taken for another encoding. */
const FOREIGN_SHARE = 1 / 5;

/**
 * Whether a GB18030 decoding reads as Chinese written in GB18030/GBK. Nearly every byte pair of Big5 (traditional
 * Chinese from Taiwan or Hong Kong) is valid GB18030 too, so decoding alone cannot tell them apart; but a simplified
 * text, however rare its names, is written almost wholly in GB2312's characters, while Big5's frequent characters
 * lie where GB2312 has kana, box drawing or nothing (private use) and where GBK adds its rare extension characters:
 * more than half of a Big5 text decodes outside GB2312. A traditional text saved as GBK is refused too, but saved
 * as UTF-8, as the message says, it imports.
 */
function readsAsGb2312(text: string): boolean {
  const common = gb2312();
  let nonAscii = 0;
  let foreign = 0;
  for (const c of text)
    if (c > '\u007f') {
      nonAscii++;
      if (!common.has(c)) foreign++;
    }
  return foreign <= nonAscii * FOREIGN_SHARE;
}

let gb2312Characters: ReadonlySet<string> | undefined;

/** GB2312's symbols and Han characters (rows A1–A9 and B0–F7), as GB18030 decodes them. */
function gb2312(): ReadonlySet<string> {
  if (gb2312Characters) return gb2312Characters;
  const pairs: number[] = [];
  for (let lead = 0xa1; lead <= 0xf7; lead++)
    if (lead < 0xaa || lead > 0xaf) for (let trail = 0xa1; trail <= 0xfe; trail++) pairs.push(lead, trail);
  // The unassigned places in these rows decode to private-use characters, which are not GB2312's.
  const decoded = [...new TextDecoder('gb18030').decode(new Uint8Array(pairs))];
  gb2312Characters = new Set(decoded.filter((c) => !/\p{Co}/u.test(c)));
  return gb2312Characters;
}

function unknownEncoding(file: string | undefined): ImportError {
  return new ImportError(
    `无法识别${file ? `原文文件 ${file} ` : '文件'}的编码：它不是 UTF-8，按 GB18030/GBK 读出来又不像中文（可能是繁体的 Big5 或别的编码），导入程序不猜，没有导入。请用文本编辑器把它另存为 UTF-8（例如在记事本里选“另存为”，“编码”选 UTF-8），再导入。`,
  );
}

function notText(): ImportError {
  return new ImportError('这不是文本文件（含有二进制数据）。请导入从报纸或 PDF 复制出的纯文本文件（.txt）。');
}
