// What an `.mdx` content file may hold beyond Markdown, and how the site shows it. Editors write words: the one
// component is <Figure>, a photo beside the file with its description and caption, written as attributes in quotes.
// Nothing in the file is ever run. The checks read it with remark-mdx (src/lib/check/parse.ts) and refuse
// import/export, {expressions}, HTML elements and any other component (src/lib/check/file.ts); the page is then made
// from that same tree (renderMdx), so no MDX compiler turns a content file into code and no second parser can read it
// differently from the checks.
import { closest, distance } from 'fastest-levenshtein';
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, RootContent } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import type {} from 'remark-mdx';
import { nameMeant } from './meant.ts';
import { imagePath, schemeOf } from './safe-url.ts';

type Node<T extends RootContent['type']> = Extract<RootContent, { type: T }>;
type JsxElement = Node<'mdxJsxFlowElement'> | Node<'mdxJsxTextElement'>;

/** The attributes of <Figure>: what each is for, in an editor's words, whether it must be there, and whether it is
 * words the page publishes, which Chinese typesetting rules as it does the body (src is a file's name). */
const FIGURE_ATTRIBUTES = {
  src: { label: '图片文件', required: true, prose: false },
  alt: { label: '图片内容的文字描述，给看不见图片的读者', required: true, prose: true },
  caption: { label: '图注，显示在图片下面', required: false, prose: true },
} as const;
type FigureAttribute = keyof typeof FIGURE_ATTRIBUTES;

/** The components an `.mdx` file may use, provided by the site: the one list, in the checks, the docs and the page. */
export const COMPONENTS = { Figure: FIGURE_ATTRIBUTES } as const;

/** How a photo is written, for messages. */
export const FIGURE_EXAMPLE = '<Figure src="./照片.jpg" alt="照片里是什么" caption="图注" />';

/**
 * The widths, in pixels, of the copies of a photo the build makes for browsers to choose from: the text column
 * (`--measure`, 40rem, in src/styles/global.css) on screens of one, two and three device pixels per CSS pixel, and
 * half of it for small phones. A copy wider than the photo itself is not made.
 */
export const FIGURE_WIDTHS = [320, 640, 960, 1280, 1920];
/** How wide a photo is shown: the text column, or the window less the page's margins when narrower. */
export const FIGURE_SIZES = '(min-width: 42rem) 40rem, calc(100vw - 2rem)';

const names = Object.keys(COMPONENTS).map((name) => `<${name}>`);
const snippet = (text: string) => {
  const line = text.split('\n')[0]!;
  return [...line].length > 40 ? `${[...line].slice(0, 40).join('')}……` : line;
};
const isHtmlName = (name: string) => /^[a-z]/.test(name) || /[:-]/.test(name);

/** Why the attributes of a <Figure> are refused; `image` says why its `src` is, if it is. */
function figureProblems(node: JsxElement, image: (url: string) => string | undefined): string[] {
  const problems: string[] = [];
  const values = new Map<FigureAttribute, string>();
  // The names a misspelt one was taken for: what it says already tells the editor they are missing.
  const meant = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push(
        `<Figure> 的属性要写成 名字="文字"，不能写「{${snippet(attribute.value)}}」（这是代码，网站不运行）。`,
      );
      continue;
    }
    const { name, value } = attribute;
    if (!Object.hasOwn(FIGURE_ATTRIBUTES, name)) {
      const guess = nameMeant(name, Object.keys(FIGURE_ATTRIBUTES), 2);
      if (guess) meant.add(guess);
      problems.push(
        `<Figure> 没有 ${name} 这一项。${guess ? `您是否想写 ${guess}？` : ''}可以写：${Object.entries(
          FIGURE_ATTRIBUTES,
        )
          .map(([key, { label }]) => `${key}（${label}）`)
          .join('、')}。`,
      );
      continue;
    }
    const key = name as FigureAttribute;
    if (values.has(key)) problems.push(`<Figure> 的 ${key} 写了两次，请删去一个。`);
    else if (value === null || value === undefined)
      problems.push(`<Figure> 的 ${key} 没有写值：请写成 ${key}="……"（用英文双引号）。`);
    else if (typeof value !== 'string')
      problems.push(
        `<Figure> 的 ${key} 要写成 ${key}="……"（用英文双引号），不能写「{${snippet(value.value)}}」（这是代码，网站不运行）。`,
      );
    else if (value.trim() === '')
      problems.push(`<Figure> 的 ${key}（${FIGURE_ATTRIBUTES[key].label}）是空的，请填写。`);
    else values.set(key, value);
  }
  // A spread might hold any attribute: it is refused on its own, without a message for each it might have held.
  const spread = node.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute');
  for (const [key, { label, required }] of Object.entries(FIGURE_ATTRIBUTES))
    if (
      required &&
      !spread &&
      !meant.has(key) &&
      !node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === key)
    )
      problems.push(`<Figure> 缺少 ${key}（${label}）：请加上 ${key}="……"，例如 ${FIGURE_EXAMPLE}`);
  const src = values.get('src');
  const problem = src === undefined ? undefined : image(src);
  if (problem) problems.push(problem);
  if (node.children.length)
    problems.push(
      `<Figure> 里面不能再写内容：图注写在 caption="……" 里，标签以 /> 结束，例如 ${FIGURE_EXAMPLE}。请删去 </Figure> 和它前面的内容。`,
    );
  return problems;
}

/**
 * Why an MDX node is refused, in Chinese for the editor, or nothing: `node` is one node of the checked tree (its
 * children are visited on their own); `image` says why a photo's address is refused. Markdown nodes pass.
 */
export function mdxProblems(node: RootContent, image: (url: string) => string | undefined): string[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [
        `正文里有代码「${snippet(node.value)}」。网站不运行内容文件里的代码，也不需要 import 或 export：请删除这一行。放照片请写 ${FIGURE_EXAMPLE}。`,
      ];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [
        `正文里的「{${snippet(node.value)}}」是代码，网站不运行。请删除它；要写花括号本身，请改用全角的｛｝，或在 { 前加反斜杠 \\。`,
      ];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (name !== null && isHtmlName(name)) return [htmlProblem(`<${name}>`)];
      if (name === null || !Object.hasOwn(COMPONENTS, name)) {
        const shown = name === null ? '<>' : `<${name}>`;
        const guess = name === null ? undefined : closest(name, Object.keys(COMPONENTS));
        return [
          `未知组件「${shown}」。正文里只能用网站提供的组件：${names.join('、')}（放照片，写法见 docs/editing.md 的“添加照片”）。${
            guess !== undefined && distance(name!, guess) <= 2 ? `您是否想写 <${guess}>？` : '请删除它。'
          }`,
        ];
      }
      // With words inside, on a line of its own (<Figure …>图注</Figure>), it reads as within a paragraph too: the
      // words inside are the one mistake.
      if (node.type === 'mdxJsxTextElement' && !node.children.length)
        return [
          `<${name}> 要单独写成一行，上下各空一行；现在它和文字写在了同一段里。请把它移到文字下面的空行之后，例如 ${FIGURE_EXAMPLE}。`,
          ...figureProblems(node, image),
        ];
      return figureProblems(node, image);
    }
    default:
      return [];
  }
}

/** What to say of `<br>`, HTML's line break, in any body, `.md` or `.mdx`: the editor meant a new line, and Markdown
 * has its own ways to write one. Undefined for any other tag. */
export const lineBreakProblem = (tag: string) =>
  /^<br\s*\/?>/i.test(tag)
    ? `「${tag.slice(0, tag.indexOf('>') + 1)}」是网页代码里的换行，正文里不能用。要另起一段，请删去它，在两行之间空一行；要在段内换行，请删去它，另起一行，并在上一行的末尾加一个反斜杠 \\。`
    : undefined;

/** What to say of an HTML tag in an `.mdx` body: `<figure>` is the component written in lower case; any other goes. */
const htmlProblem = (tag: string) =>
  /^<figure\b/.test(tag)
    ? `组件名的首字母要大写：请把「<figure」改成「<Figure」，例如 ${FIGURE_EXAMPLE}。`
    : (lineBreakProblem(tag) ??
      `正文里有 HTML 代码「${snippet(tag)}」。正文只能写文字（需要强调可用 **加粗**），照片用 ${FIGURE_EXAMPLE}；请删除这段代码。`);

/** A parse error of remark-mdx (a VFileMessage), in Chinese: where it is and what to do; the parser's English is left out. */
export function mdxSyntaxProblem(error: unknown, source: string): { line: number; column: number; message: string } {
  const info = (error ?? {}) as { line?: number; column?: number; source?: string; reason?: string };
  const { source: from = '', reason = '' } = info;
  // A tag never closed is known only once the file or its paragraph ends: the error has no place, or the paragraph's
  // start, but its reason names the tag's.
  const named = /\((\d+):(\d+)-\d+:\d+\)( before the end of `\w+`)?$/.exec(reason);
  let { line = Number(named?.[1] ?? 1), column = Number(named?.[2] ?? 1) } = named?.[3] ? {} : info;
  const lines = source.split('\n');
  // An error at the end of the file (a tag or brace never closed) is shown on the last line with something on it.
  while (line > 1 && !lines[line - 1]?.trim()) [line, column] = [line - 1, 1];
  const text = lines[line - 1] ?? '';
  // The tag the error is in: from the last < before it on its line to the next >.
  const open = text.lastIndexOf('<', column - 1);
  const close = text.indexOf('>', open);
  const tag = open < 0 ? undefined : text.slice(open, close < 0 ? undefined : close + 1);
  const unclosed = (tag: string) => `「${snippet(tag)}」没有结束：组件要以 /> 结束，例如 ${FIGURE_EXAMPLE}。`;
  // A tag left open runs on into the paragraphs after it, where the parser stops: the tag is said where it starts.
  if (open < 0 && from.includes('jsx'))
    for (let above = line - 1, blank = false; above >= 1; above--) {
      const start = lines[above - 1]!.lastIndexOf('<');
      blank ||= !lines[above - 1]!.trim();
      if (start < 0) continue;
      const rest = lines[above - 1]!.slice(start);
      if (blank && !rest.includes('>')) return { line: above, column: start + 1, message: unclosed(rest.trim()) };
      break;
    }
  // A <Figure> still unfinished where the file ends, on one line or several: said where it starts. Any other tag
  // (<div, or a less-than sign) is said below, as what it is.
  if (from.includes('jsx') && /^Unexpected end of file/.test(reason))
    for (let above = line; above >= 1; above--) {
      const start = lines[above - 1]!.lastIndexOf('<Figure');
      if (start < 0 && lines[above - 1]!.includes('<')) break;
      if (start < 0) continue;
      const rest = lines[above - 1]!.slice(start).trim();
      const quotes =
        lines
          .slice(above - 1, line)
          .join('\n')
          .slice(start)
          .split('"').length - 1;
      let message = unclosed(rest);
      if (/attribute value/.test(reason))
        message =
          quotes % 2
            ? `「${snippet(rest)}」的属性值少了后一个英文双引号 "，组件也就没有结束：每一项都写成 名字="文字"，整个组件以 /> 结束，例如 ${FIGURE_EXAMPLE}。`
            : `组件的属性值要放在英文双引号 "…" 里，整个组件以 /> 结束，例如 ${FIGURE_EXAMPLE}。`;
      return { line: above, column: start + 1, message };
    }
  // A name and its value joined by another sign than = (alt＝"…", alt:"…", often typed with a Chinese input method).
  const joined = tag && /([A-Za-z]+)\s*([＝：:])\s*["“”„＂]/.exec(tag);
  let message: string;
  if (/to create a comment/.test(reason)) message = 'MDX 文件里不能写 HTML 注释（<!-- -->）。请删除它。';
  else if (/to create a link/.test(reason))
    message = 'MDX 文件里的链接要写成 [文字](https://……)，不能用尖括号 <https://……>。请改写这个链接。';
  else if (/expression|esm/.test(from))
    message =
      '这一行的花括号 { } 读不懂：在 MDX 文件里 { } 用来写代码，网站不接受。要写花括号本身，请改用全角的｛｝，或在 { 前加反斜杠 \\。';
  // An HTML tag is said as one, whatever else is wrong in it.
  else if (tag && /^<[a-z]/.test(tag)) return { line, column: open + 1, message: htmlProblem(tag) };
  else if (joined) {
    const [written, name, sign] = joined as unknown as [string, string, string];
    const message = `属性名和值之间要用英文等号 =，「${written}」里写成了「${sign}」：请写成 ${name}="……"，例如 ${FIGURE_EXAMPLE}。`;
    return { line, column: open + joined.index + written.indexOf(sign) + 1, message };
  } else if (tag && /=\s*[“”„＂]/.test(tag))
    message = `组件的属性值要放在英文双引号 "…" 里，这里用了中文引号（“ ”）：请改成例如 ${FIGURE_EXAMPLE}。`;
  else if (/before attribute value/.test(reason))
    message = `组件的属性值要放在英文双引号 "…" 里，例如 ${FIGURE_EXAMPLE}。`;
  else if (tag && /in attribute name/.test(reason) && text[column - 1] === '"')
    message = `属性值里又有英文双引号，值在那里就结束了：值里的引号请用中文引号（“ ”），例如 alt="孩子们说“你好”"。`;
  else if (/Expected a closing tag/.test(reason)) message = unclosed(tag ?? text.trim());
  else
    message = `这一行的 < 读不懂：在 MDX 文件里，< 只用来写网站提供的组件（${names.join('、')}），例如 ${FIGURE_EXAMPLE}。标签要写完整、以 /> 结束；要写小于号本身，请改用全角的＜，或在 < 前加反斜杠 \\。`;
  return { line, column, message };
}

/** The address of a photo as the asset pipeline resolves it: a path beside the content file, as the checks read it. */
function localImage(url: string): string {
  const path = imagePath(url);
  // The checks refuse any other address; this only guards against their ever letting one through.
  if (path === undefined || schemeOf(url) !== undefined || /^[/\\]/.test(path))
    throw new Error(`not an image beside the content: ${url}`);
  return path;
}

/**
 * A photo: an `<img>` with its description and the number of its file in the entry's `photos`, which the page
 * gives the copies Astro's asset pipeline makes of that file (`withPhotos`).
 */
function pictureElement(url: string, alt: string, photos: string[]): Element {
  const src = localImage(url);
  if (!photos.includes(src)) photos.push(src);
  const properties = { dataPhoto: photos.indexOf(src), alt };
  return { type: 'element', tagName: 'img', properties, children: [] };
}

/** What the loader stores for an `.mdx` file: its HTML, and the photos in it, relative to the file, for its data. */
export interface RenderedMdx {
  html: string;
  photos: string[];
}

/**
 * The HTML of a checked `.mdx` body, made from the tree the checks read. Markdown renders as Markdown does, a
 * <Figure> as a `<figure>` with its photo and caption, an image as a photo; anything else stops here, though the
 * checks have already refused it.
 */
export function renderMdx(body: RootContent[]): RenderedMdx {
  const photos: string[] = [];
  const refuse = (_state: State, node: Nodes) => {
    throw new Error(`an .mdx file reached the page with ${node.type} in it, which the content checks refuse`);
  };
  const attributes = (node: JsxElement) =>
    Object.fromEntries(
      node.attributes.flatMap((a) =>
        a.type === 'mdxJsxAttribute' && typeof a.value === 'string' ? [[a.name, a.value]] : [],
      ),
    ) as Partial<Record<FigureAttribute, string>>;
  const hast = toHast(
    { type: 'root', children: body },
    {
      handlers: {
        mdxJsxFlowElement(state: State, node: Node<'mdxJsxFlowElement'>): Element {
          if (node.name !== 'Figure') return refuse(state, node);
          const { src, alt, caption } = attributes(node);
          if (src === undefined || alt === undefined) return refuse(state, node);
          const children: ElementContent[] = [pictureElement(src, alt, photos)];
          if (caption !== undefined)
            children.push({
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text', value: caption }],
            });
          const properties: Properties = { className: ['figure'] };
          return { type: 'element', tagName: 'figure', properties, children };
        },
        image: (_state: State, node: Node<'image'>) => pictureElement(node.url, node.alt ?? '', photos),
        imageReference(state: State, node: Node<'imageReference'>): Element {
          const definition = state.definitionById.get(String(node.identifier).toUpperCase());
          if (!definition) return refuse(state, node);
          return pictureElement(definition.url, node.alt ?? '', photos);
        },
      },
      unknownHandler: refuse,
    },
  );
  return { html: toHtml(hast), photos };
}

/** What the page needs of an image from `getImage()` (astro:assets). */
export interface SizedImage {
  src: string;
  srcSet: { attribute: string };
  attributes: Record<string, unknown>;
}

/**
 * The HTML of an `.mdx` entry with its photos: each `<img data-photo="n">` of `renderMdx` given the `src`, `srcset`,
 * `sizes`, `width`, `height`, `loading` and `decoding` of `images[n]`, its copies for the file `photos[n]`.
 */
export function withPhotos(html: string, images: SizedImage[]): string {
  const quoted = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  // `<img` begins no text: toHtml writes a `<` of the text as `&#x3C;`.
  return html.replace(/<img data-photo="(\d+)"/g, (_, n: string) => {
    const image = images[Number(n)];
    if (!image) throw new Error(`photo ${n} of the entry has no image`);
    const attributes = { src: image.src, srcset: image.srcSet.attribute, ...image.attributes };
    return `<img ${Object.entries(attributes)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([name, value]) => `${name}="${quoted(value)}"`)
      .join(' ')}`;
  });
}
