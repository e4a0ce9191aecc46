// Which addresses content may link to or show as an image: the one rule, used by the content checks
// (src/lib/check.ts). Content is text from editors; an address that a browser would run (javascript:, data:,
// vbscript:) or that loads something from another host must never reach a page, whatever the CSP would stop.

/** The schemes a link may use; anything else with a scheme is refused. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', sol: '/', bsol: '\\' };

/**
 * The address as a browser would end up reading its scheme: character references and percent-escapes decoded
 * (repeatedly, so that an address encoded twice is seen too), whitespace and control characters removed wherever
 * they are (browsers drop tabs and newlines inside a URL and trim the rest), lower-cased, `\` read as `/`.
 */
export function normalizeUrl(url: string): string {
  let out = url;
  for (let round = 0; round < 4; round++) {
    const before = out;
    out = out
      .replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));?/gi, (entity, dec?: string, hex?: string, name?: string) => {
        const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
        if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        return NAMED[name!.toLowerCase()] ?? entity;
      })
      .replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (out === before) break;
  }
  return (
    out
      // Controls, spaces and the invisible format characters (zero-width, direction marks, BOM).
      .replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, '')
      .replace(/\\/g, '/')
      .toLowerCase()
  );
}

/** The scheme of an address (`javascript`), or undefined for a relative address. */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/.exec(normalizeUrl(url))?.[1];
}

/** Why a link's address is refused, in Chinese for the editor, or undefined if it may be published. */
export function linkProblem(url: string): string | undefined {
  const normal = normalizeUrl(url);
  const scheme = schemeOf(url);
  if (scheme !== undefined && !LINK_SCHEMES.has(scheme))
    return `链接地址「${shorten(url)}」以 ${scheme}: 开头，网站不允许这种链接（它可能在读者的浏览器里运行代码）。链接只能以 https://、http:// 或 mailto: 开头，或是本站的地址（以 / 开头）；请改正或删除这个链接。`;
  if (scheme === undefined && normal.startsWith('//'))
    return `链接地址「${shorten(url)}」以 // 开头，指向哪个网站不清楚。链接别的网站请写完整的 https:// 地址。`;
  return undefined;
}

/**
 * Why an image's address is refused, or undefined: an image must be a file beside the content, given by a relative
 * path; `exists` says whether the path, resolved from the content file's folder, is a file in the content folder.
 */
export function imageProblem(url: string, exists: (path: string) => boolean): string | undefined {
  const normal = normalizeUrl(url);
  if (schemeOf(url) !== undefined || normal.startsWith('//'))
    return `图片地址「${shorten(url)}」不是本站的文件。网站只显示和内容放在一起的图片：请把图片文件放进这篇发言所在的文件夹，再写 ![说明](./文件名.jpg)。`;
  if (normal.startsWith('/') || !exists(url))
    return `找不到图片文件「${shorten(url)}」。请把图片放进这篇发言所在的文件夹，并写相对路径，例如 ![说明](./文件名.jpg)。`;
  return undefined;
}

/** An address short enough to quote in a message. */
const shorten = (url: string) => {
  const chars = [...url];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}……` : url;
};
