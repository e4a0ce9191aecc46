// Which addresses content may link to or show as an image: the one rule, used by the content checks
// (src/lib/check/file.ts). Content is text from editors; an address that a browser would run (javascript:, data:,
// vbscript:) or that loads something from another host must never reach a page, whatever the CSP would stop.

/** The schemes a link may use; anything else with a scheme is refused. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Schemes whose address a browser runs or opens as a document of its own, rather than a page or an app. */
const RUNNING_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);

/** A name with a file's extension (议程.pdf, 1-2-wang-xin.md): a file beside the content, which is not published. */
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|pptx?|wps|txt|md|mdx|html?|jpe?g|png|gif|webp|avif|zip|rar)$/i;

/** How a link to a page of this site is written: the one form that leads to it from every page the text is on. */
const SITE_LINK_EXAMPLE = '/reports/2015-dangjian-zuotanhui/#1-1-ye-xianghong';

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
  const allowed = `链接只能以 https://、http://、mailto: 或 tel: 开头，或是本站的地址（以 / 开头，如 ${SITE_LINK_EXAMPLE}）`;
  if (scheme !== undefined && !LINK_SCHEMES.has(scheme))
    return `链接地址「${shorten(url)}」以 ${scheme}: 开头，网站不允许这种链接${RUNNING_SCHEMES.has(scheme) ? '（它可能在读者的浏览器里运行代码）' : ''}。${allowed}；请改正或删除这个链接。`;
  if (scheme !== undefined) return undefined;
  if (normal.startsWith('//'))
    return `链接地址「${shorten(url)}」以 // 开头，指向哪个网站不清楚。链接别的网站请写完整的 https:// 地址。`;
  if (/^[a-z][a-z\d+.-]*：/i.test(url.trim()))
    return `链接地址「${shorten(url)}」里的冒号是中文的「：」，这样的链接打不开。请改成英文冒号「:」（如 https://）。`;
  const host = normal.split(/[/?#]/)[0]!;
  if (/^[\w-]+(\.[\w-]+)+$/.test(host) && !FILE_NAME.test(host))
    return `链接地址「${shorten(url)}」缺少开头的 https://，会被当成本站的一个页面而打不开。请写完整的地址，如 https://${shorten(url)}。`;
  if (FILE_NAME.test(normal.replace(/[?#].*$/s, '')))
    return `链接地址「${shorten(url)}」指向一个文件。内容文件夹里的文件，除了发言里显示的照片，都不会发布，这个链接打不开。请删去这个链接，或改为本站页面的地址（以 / 开头，如 ${SITE_LINK_EXAMPLE}）或别的网站的完整 https:// 地址。`;
  if (!normal.startsWith('/'))
    return `链接地址「${shorten(url)}」${url.trim() ? '不是从 / 开始的' : '是空的'}。同一段文字会出现在好几个页面上（报告页、小标题页、发言人页、单位页），只有从 / 开始写的本站地址在每一页上都指得对，如 ${SITE_LINK_EXAMPLE}（报告页上这篇发言的位置）。请改成这样的地址，或写别的网站的完整 https:// 地址。`;
  return undefined;
}

/** The image files content may show, by extension, and what their first bytes must say they are. */
export const IMAGE_TYPES = { jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' } as const;
type ImageKind = (typeof IMAGE_TYPES)[keyof typeof IMAGE_TYPES];

/**
 * The largest image file content may show. A phone's photo is 2 to 5 MB; a larger file makes the repository and
 * every build heavier for nothing a reader sees, since browsers choose among copies at most 1920 pixels wide
 * (src/lib/mdx.ts).
 */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** What the checks read of an image's file: its size and its first bytes. */
export interface ImageFile {
  bytes: number;
  head: Uint8Array;
  /** Its width and height in pixels as Astro's image pipeline reads them; null when it cannot read them (a damaged
   * or cut-off file); undefined when not measured. */
  pixels?: { width: number; height: number } | null | undefined;
  /** Where the path written differs from the file's name only in letter case: the path as the file is spelt, and the
   * file. */
  spelt?: string;
  target?: string;
  /** Whether the path reaches, through a link (symlink), a file outside the content folder. */
  outside?: boolean;
}

/** The most pixels an image may have: sharp's default `limitInputPixels`, beyond which Astro's image service cannot
 * resize it, and a reader's phone would download the file as it is. */
export const IMAGE_MAX_PIXELS = 268_402_689;

/**
 * The file an image's relative address names, as a path relative to the content file's folder: without the query or
 * fragment, percent-escapes decoded; undefined when it cannot be decoded.
 */
export function imagePath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
}

const ascii = (head: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

/** What an image file is, from its first bytes (its extension may say otherwise). */
export function imageKind(head: Uint8Array): ImageKind | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (head[0] === 0x89 && ascii(head, 1, 'PNG\r\n\x1a\n')) return 'PNG';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'WebP';
  if (ascii(head, 4, 'ftyp') && (ascii(head, 8, 'avif') || ascii(head, 8, 'avis'))) return 'AVIF';
  return undefined;
}

/** The extension of an image's path, lower-cased, and what it says the file is, if it is a type content may show. */
export function imageType(path: string): { extension: string; type: ImageKind | undefined } {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return {
    extension,
    type: Object.hasOwn(IMAGE_TYPES, extension) ? IMAGE_TYPES[extension as keyof typeof IMAGE_TYPES] : undefined,
  };
}

const TYPE_NAMES = [...new Set(Object.values(IMAGE_TYPES))].join('、');
/** A file's size and the limit, with as many decimals as it takes to tell them apart, or in bytes (B). */
function sizes(bytes: number): [string, string] {
  for (const digits of [1, 2, 3]) {
    const [size, limit] = [bytes, IMAGE_MAX_BYTES].map((n) => `${(n / 1024 / 1024).toFixed(digits)} MB`);
    if (size !== limit) return [size!, limit!];
  }
  return [`${bytes} B`, `${IMAGE_MAX_BYTES} B`];
}

/**
 * Why an image's address is refused, or undefined: an image must be a file beside the content, given by a relative
 * path, of a type the site can resize and small enough to keep in the repository. `file` reads the file the path
 * names, resolved from the content file's folder, or gives undefined if there is none in the content folder.
 * `example` shows the editor how to write the image where it was written.
 */
export function imageProblem(
  url: string,
  file: (path: string) => ImageFile | undefined,
  example = '![说明](./文件名.jpg)',
): string | undefined {
  const normal = normalizeUrl(url);
  if (schemeOf(url) !== undefined || normal.startsWith('//'))
    return `图片地址「${shorten(url)}」不是本站的文件。网站只显示和内容放在一起的图片：请把图片文件放进这篇发言所在的文件夹，再写 ${example}。`;
  const path = imagePath(url);
  const found = path !== undefined && !normal.startsWith('/') ? file(path) : undefined;
  const { extension, type } = imageType(path ?? '');
  if (!type)
    return `图片「${shorten(url)}」${extension ? `是 .${extension} 文件` : '没有扩展名'}，网站只接受 ${TYPE_NAMES} 格式的图片（扩展名 ${Object.keys(
      IMAGE_TYPES,
    )
      .map((e) => `.${e}`)
      .join(' ')}）。请用看图软件把它另存为 JPG（手机照片常见的 HEIC 格式也要这样转换）。`;
  if (!found)
    return `找不到图片文件「${shorten(url)}」。请把图片放进这篇发言所在的文件夹，并写相对路径，例如 ${example}。`;
  if (found.outside)
    return `图片文件「${shorten(url)}」是一个链接（快捷方式），指向内容文件夹以外的文件。网站只发布内容文件夹里的文件：请把照片文件本身复制进这篇发言所在的文件夹，替换这个链接。`;
  if (found.spelt !== undefined)
    return `找不到图片文件「${shorten(url)}」：文件夹里的文件是「${found.spelt}」，只是英文字母的大小写不同。Windows 和苹果电脑不分大小写，生成网站的服务器却分，在那里找不到这张照片。请把这里改成 ${url.startsWith('./') ? './' : ''}${found.spelt}。`;
  const [size, limit] = sizes(found.bytes);
  if (found.bytes > IMAGE_MAX_BYTES)
    return `图片文件「${shorten(url)}」有 ${size}，超过了 ${limit} 的上限。请把照片缩小后再放进来：长边 2000 像素左右就足够清楚（手机相册的“编辑→调整大小”、电脑上的画图软件都能做到）。`;
  const kind = imageKind(found.head);
  if (kind !== type)
    return kind
      ? `图片文件「${shorten(url)}」其实是 ${kind} 格式，和扩展名不符。请把文件的扩展名改成 .${Object.keys(IMAGE_TYPES).find((e) => IMAGE_TYPES[e as keyof typeof IMAGE_TYPES] === kind)}，并改正这里的文件名。`
      : `图片文件「${shorten(url)}」不是 ${type} 图片（可能是改了扩展名的别的格式，或者文件已经损坏）。请用看图软件打开它，另存为 JPG 后再用。`;
  if (found.pixels === null)
    return `图片文件「${shorten(url)}」读不出图像的大小：文件可能已经损坏，或者没有复制完整。请用看图软件打开它，看得到整张照片的话另存为 JPG 再用，看不到就换一个完好的文件。`;
  if (found.pixels && found.pixels.width * found.pixels.height > IMAGE_MAX_PIXELS)
    return `图片文件「${shorten(url)}」有 ${found.pixels.width}×${found.pixels.height} 像素，太大，网站无法把它缩小给手机看。请把照片缩小后再放进来：长边 2000 像素左右就足够清楚。`;
  return undefined;
}

/** An address short enough to quote in a message. */
const shorten = (url: string) => {
  const chars = [...url];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}……` : url;
};
