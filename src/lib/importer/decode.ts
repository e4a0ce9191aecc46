import { ImportError } from './errors.ts';

/** The encodings the importer detects. */
export type Encoding = 'UTF-8' | 'GB18030';

/** C0 controls other than tab and line ends: in a text copied from a page they are noise, in bulk they mean binary. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Decodes the bytes of a copied text: UTF-8 (with or without BOM) when they are valid UTF-8, else GB18030/GBK.
 * Line ends (CRLF, CR, LF, and the form feeds PDF extraction leaves between pages) all become LF.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
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
      throw new ImportError('无法识别文件的编码（只支持 UTF-8 和 GB18030/GBK）。请用文本编辑器另存为 UTF-8 后再导入。');
    }
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

function notText(): ImportError {
  return new ImportError('这不是文本文件（含有二进制数据）。请导入从报纸或 PDF 复制出的纯文本文件（.txt）。');
}
