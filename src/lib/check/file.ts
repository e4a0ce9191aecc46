import { closest, distance } from 'fastest-levenshtein';
import { toString } from 'mdast-util-to-string';
import type { Definition, RootContent } from 'mdast';
import { z } from 'astro/zod';
import { remarkBaseName } from '../model.ts';
import { findInvisible, INVISIBLE, invisibleName } from '../invisible.ts';
import { FIGURE_EXAMPLE, lineBreakProblem, mdxProblems } from '../mdx.ts';
import { nameMeant } from '../meant.ts';
import { remarkStem } from '../new-remark.ts';
import { imageProblem, linkProblem, type ImageFile } from '../safe-url.ts';
import { SLUG_PATTERN, slugify } from '../slug.ts';
import { BROKEN_LINK, halfWidthMarks, lineSeparators, listSpaces, paragraphIndents } from './fixes.ts';
import type { ParsedFile, Problem } from './parse.ts';

/** The value at a path in parsed frontmatter, or undefined where there is none. */
const valueAt = (data: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (at, step) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[step] : undefined),
    data,
  );

/** The keys a schema allows at a path in the data (list indexes step into the list's items). */
function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let at: z.ZodType | undefined = schema;
  for (const step of [...path, undefined]) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
    if (step === undefined) break;
    at =
      at instanceof z.ZodArray
        ? (at.element as z.ZodType)
        : at instanceof z.ZodObject
          ? (at.shape as Record<string, z.ZodType>)[String(step)]
          : undefined;
  }
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}

/** Validates frontmatter against a schema and turns each Zod issue into an editor's message at the field's line. */
export function checkSchema(
  parsed: ParsedFile,
  schema: z.ZodType,
  labels: Record<string, string>,
  problems: Problem[],
): Record<string, unknown> | undefined {
  if (!parsed.data) return undefined;
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data as Record<string, unknown>;
  const known = Object.keys(labels);
  const allowed = Object.keys((schema as unknown as { shape: object }).shape);
  // A field named in Chinese, in words of its label (发言人, 单位, 顺序): the field of the shortest such label.
  const inChinese = (key: string) =>
    /\p{Script=Han}/u.test(key)
      ? allowed.filter((field) => labels[field]?.includes(key)).sort((a, b) => labels[a]!.length - labels[b]!.length)[0]
      : undefined;
  // A misspelt field, or one in capitals (Role, SPEAKER).
  const guessed = (key: string) => nameMeant(key, known, 3);
  // Said once, where it is written in Chinese or misspelt, and not as missing too.
  const renamed = new Set(
    Object.keys(parsed.data)
      .filter((key) => !allowed.includes(key))
      .map((key) => inChinese(key) ?? guessed(key)),
  );
  /** The line of a value inside a field, or of the nearest one in the same item, else the field's own. */
  const lineIn = (field: string, path: PropertyKey[]) => {
    for (let n = path.length; n > 0; n--) {
      const prefix = `${path.slice(0, n).join('.')}.`;
      const found = parsed.values.find((v) => v.field === field && `${v.path.join('.')}.`.startsWith(prefix));
      if (found) return found.line;
    }
    return parsed.keyLines.get(field) ?? parsed.frontmatterLine;
  };
  for (const issue of result.error.issues) {
    // A misspelt key inside a field (repairs, say): named under that field, at its own line, among its keys.
    if (issue.code === 'unrecognized_keys' && issue.path.length) {
      const field = String(issue.path[0]);
      const inner = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, inner);
        problems.push({
          file: parsed.file,
          line: lineIn(field, [...issue.path.slice(1), key]),
          column: 1,
          field,
          severity: 'error',
          message: `${labels[field] ?? field}（字段 ${field}）里没有 ${key} 这一项。${guess !== undefined && distance(key, guess) <= 3 ? `您是否想写 ${guess}？` : ''}这里可用的是：${inner.join('、')}。`,
        });
      }
      continue;
    }
    // A key missing inside a field: said at the item it is missing from.
    const [top, ...inside] = issue.path;
    if (inside.length && issue.code === 'invalid_type' && valueAt(parsed.data, issue.path) === undefined) {
      const field = String(top);
      problems.push({
        file: parsed.file,
        line: lineIn(field, inside),
        column: 1,
        field,
        severity: 'error',
        message: `${labels[field] ?? field}（字段 ${field}）的这一项缺少 ${String(inside.at(-1))}：${issue.message}。`,
      });
      continue;
    }
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const field of keys) {
      // An item of a list or a key inside a field is said at its own line.
      const line =
        issue.code !== 'unrecognized_keys' && inside.length
          ? lineIn(field, inside)
          : (parsed.keyLines.get(field) ?? parsed.frontmatterLine);
      const label = labels[field] ?? field;
      let message: string;
      if (issue.code === 'unrecognized_keys') {
        const named = inChinese(field);
        const guess = guessed(field);
        message = `未知字段 ${field}。${named ? `字段名要用英文：请把「${field}」改成 ${named}（${labels[named]}）。` : guess ? `您是否想写 ${guess}？` : ''}这里可用的字段：${allowed.join('、')}。`;
      } else if (!(field in parsed.data)) {
        if (renamed.has(field)) continue;
        message = `缺少字段 ${field}（${label}）。请在 frontmatter 中加一行：${field}: ……`;
      } else if (parsed.data[field] === null && issue.path.length === 1) {
        // `speaker:` with nothing after it, e.g. once --fix has removed an invisible name.
        message = `${label}是空的，请填写（字段 ${field}）。`;
      } else if (/\p{Script=Han}/u.test(issue.message)) {
        message = `${issue.message}（字段 ${field}，${label}）。`;
      } else {
        // Zod's own messages are English; the schemas word the common mistakes, this the rest.
        message = `字段 ${field}（${label}）的写法不对。请对照 docs/editing.md 里的样例改正。`;
      }
      problems.push({ file: parsed.file, line, column: 1, field, severity: 'error', message });
    }
  }
  return undefined;
}

/**
 * A character in a field that shows nothing but changes the text (src/lib/invisible.ts): one message per field,
 * at the value's line.
 */
export function checkFieldCharacters(parsed: ParsedFile, labels: Record<string, string>, problems: Problem[]) {
  const seen = new Set<string>();
  for (const { field, line, column, value } of parsed.values) {
    const char = INVISIBLE.exec(value)?.[0];
    if (char === undefined || seen.has(field)) continue;
    seen.add(field);
    problems.push({
      file: parsed.file,
      line,
      column,
      field,
      severity: 'error',
      message: `字段 ${field}（${labels[field] ?? field}）里有看不见的字符：${invisibleName(char)}。它会让看起来一样的名字变得不同，或打乱文字和网址。${
        // Written as a YAML escape (\u200B), the character is not in the file for --fix to remove.
        parsed.source.split('\n')[line - 1]?.includes(char)
          ? '运行 npm run check -- --fix 可自动删除。'
          : `这一行用转义写了它（\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}），请删去这段转义。`
      }`,
    });
  }
}

/** A line or paragraph separator in the file: said once for the frontmatter and once for the body, with the fix. */
export function checkSeparators(parsed: ParsedFile, problems: Problem[]) {
  const fixes = lineSeparators(parsed);
  const body = parsed.source.length - parsed.markdown.length;
  const name = (c: string) => (c === '\u2028' ? '行分隔符（U+2028）' : '段落分隔符（U+2029）');
  for (const inBody of [false, true]) {
    const found = fixes.filter((f) => f.offset >= body === inBody);
    const first = found[0];
    if (first)
      problems.push({
        file: parsed.file,
        line: first.line,
        column: first.column,
        severity: 'error',
        message: inBody
          ? `正文里有 ${found.length} 个看不见的换行符（如第 ${first.line} 行的${name(first.from)}，常从 Word 或 PDF 复制而来）：Markdown 不把它当作换行或分段，各浏览器显示得也不一样。运行 npm run check -- --fix 可把行分隔符改成换行、段落分隔符改成空一行（另起一段），<Figure> 里的删去；也可以删去它，自己按回车。`
          : `frontmatter 里有 ${found.length} 个看不见的换行符（如第 ${first.line} 行的${name(first.from)}，常从 Word 或 PDF 复制而来）：字段的值在那里会多出一个空格。运行 npm run check -- --fix 可自动删除。`,
      });
  }
}

/** What a space other than the plain one is called in messages. */
export const spaceName = (space: string) =>
  space === '\u00a0'
    ? '不换行空格（U+00A0，常从 Word 复制而来）'
    : space === '\u3000'
      ? '全角空格（U+3000）'
      : `特殊空格（U+${space.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`;

/** A photo's tag written so that it is not one (a space after <, a full-width ＜): the page would print it as text. */
const MISWRITTEN_FIGURE = /[<＜]\s*\/?\s*figure\b/i;

/** A Markdown image's title (![说明](./a.jpg "标题")), which the page has no place for: a photo's words under it are
 * its caption, which only a <Figure> has. */
const imageTitleProblem = (mdx: boolean, url: string, alt: string | null | undefined, title: string) =>
  `图片「${url}」后面引号里的「${title}」不会显示在页面上。要给照片加图注，请${mdx ? '改' : '把文件的扩展名改为 .mdx，'}写成 <Figure src="${url}" alt="${alt ?? ''}" caption="${title}" />；不要图注，就删去引号和里面的文字。`;

/**
 * Raw HTML is not allowed in content: it could break the page or run scripts; nor are links a browser would run
 * (javascript: and the like) or images from other hosts, or missing, too large or of another type
 * (src/lib/safe-url.ts); nor invisible characters; nor, in MDX, code or any component but the site's own
 * (src/lib/mdx.ts). `image` reads the image file a path names, if there is one beside the content.
 */
export function checkBody(
  parsed: ParsedFile,
  problems: Problem[],
  requireText: boolean,
  image: (path: string) => ImageFile | undefined,
) {
  if (parsed.unreadable) return;
  const report = (line: number, column: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: parsed.file, line, column, severity, message });
  const at = (node: RootContent, message: string) =>
    report(node.position?.start.line ?? parsed.bodyLine, node.position?.start.column ?? 1, message);
  const definitions = new Map<string, Definition>();
  const imageRefs: RootContent[] = [];
  const referenced = new Set<string>();
  const collect = (node: RootContent) => {
    if (node.type === 'definition' && !definitions.has(node.identifier.toLowerCase()))
      definitions.set(node.identifier.toLowerCase(), node);
    if (node.type === 'linkReference' || node.type === 'imageReference') referenced.add(node.identifier.toLowerCase());
    if ('children' in node) (node.children as RootContent[]).forEach(collect);
  };
  parsed.body.forEach(collect);
  // A definition is never shown on the page. A footnote ([^1]: …) reads as one here and to the page's Markdown, which
  // is CommonMark as this is (astro.config.mjs): its text would vanish, and a link to it would lead nowhere.
  for (const definition of definitions.values()) {
    const line = parsed.source.split('\n')[(definition.position?.start.line ?? 1) - 1]?.trim().slice(0, 30) ?? '';
    if (definition.identifier.startsWith('^'))
      at(
        definition,
        `「${line}」是脚注的写法，网站不支持脚注，这段文字不会显示。请把注释直接写进正文（如“注1：……”）。`,
      );
    else if (!referenced.has(definition.identifier.toLowerCase()))
      at(definition, `「${line}」是链接定义的写法，不会显示在页面上，也没有链接用到它。请删除这一行，或把它写成正文。`);
  }
  // A definition that an image uses is checked as the image's address, once.
  const imageDefinitions = new Set<Definition>();
  const visit = (node: RootContent) => {
    if (node.type === 'link') {
      const problem = linkProblem(node.url);
      if (problem) at(node, problem);
    } else if (node.type === 'image') {
      const problem = imageProblem(node.url, image);
      if (problem) at(node, problem);
      // As a <Figure>'s alt is required: a reader who cannot see the photo is told what it shows.
      else if (!node.alt?.trim())
        at(
          node,
          `图片「${node.url}」没有文字描述：请在 ![ ] 的方括号里写上照片里是什么，给看不见图片的读者（读屏软件会读出来），例如 ![孩子们在操场上做游戏](${node.url})。`,
        );
      else if (node.title) at(node, imageTitleProblem(parsed.mdx, node.url, node.alt, node.title));
    } else if (node.type === 'imageReference') imageRefs.push(node);
    else if (node.type === 'heading')
      // On the page it would stand among the report's own headings, at their level, and a second with its words on
      // the same page would take the same id. A line of --- or === under a paragraph makes one by accident.
      at(
        node,
        `「${toString(node)}」写成了标题（行首的 #，或下一行只有 --- 或 ===）。正文里不用标题：网站的小标题来自 index.md 的 sections，正文里的标题在页面上会和它们混在一起。要强调请用 **加粗**；如果是下一行的 --- 或 === 造成的，请在两行之间空一行，或删去那一行。`,
      );
    else if (node.type === 'emphasis') {
      // 3*5=15人，2*3 would lose both asterisks to an italic 5=15人，2: the reports have no italics.
      const mark = parsed.source[node.position?.start.offset ?? -1] ?? '*';
      at(
        node,
        `「${parsed.source.slice(node.position?.start.offset, node.position?.end.offset).slice(0, 30)}」两边的 ${mark} 会把中间的文字变成斜体，${mark} 本身不显示。要写乘号请用 ×；要写 ${mark} 本身，请在它前面加反斜杠（\\${mark}）；要强调请用 **加粗**。`,
      );
    } else if (node.type === 'code') {
      // A paragraph indented as Word indents a first line, or words between ``` lines, would be a box of monospaced
      // text that does not wrap, on a page of prose.
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(parsed.source.slice(node.position?.start.offset))?.[1];
      const words = [...node.value.trim().split('\n')[0]!].slice(0, 20).join('');
      at(
        node,
        fence
          ? `以 ${fence} 开始的几行（「${words}」）会显示成等宽字体的代码框，而不是正文。发言里不用代码：请删去 ${fence} 那几行，只留文字。`
          : `「${words}」这一段的行首有 Tab 键或 4 个以上的空格，Markdown 把它当成了代码，网页上会显示成等宽字体的代码框，而不是正文。段首不用缩进（网页会自动排版）：请删去行首的 Tab 或空格。`,
      );
    } else if (node.type === 'text' && node.value.includes('**')) {
      // CommonMark takes ** beside punctuation for bold only where it stands as a word's edge would: 开展**“三严三实”**
      // 专题 is printed with its asterisks.
      // An odd number of them has one without its pair (**重点 with no ** after it), whatever the marks beside it.
      const star = node.value.indexOf('**');
      const before = node.value.slice(0, star);
      const unpaired = node.value.split('**').length % 2 === 0;
      report(
        (node.position?.start.line ?? parsed.bodyLine) + before.split('\n').length - 1,
        1,
        `「${node.value.slice(Math.max(0, star - 12), star + 14).trim()}」里的 ** 没有成为加粗，会原样显示出来：${
          unpaired
            ? '** 要成对，把要加粗的文字夹在中间，例如 **三严三实**。请在要加粗的文字后面补上 **，或删去这个 **。'
            : '** 的里侧紧挨着引号、冒号等标点，外侧又紧挨着文字时，Markdown 不把它当作加粗。请把标点移到 ** 外面，例如 “**三严三实**”、**注意**：。'
        }`,
      );
    } else if (node.type === 'text' && MISWRITTEN_FIGURE.test(node.value))
      at(
        node,
        `「${MISWRITTEN_FIGURE.exec(node.value)![0]}」像是一张照片（<Figure>），却会原样显示成文字：< 和 Figure 都要用英文半角，中间不空格，例如 ${FIGURE_EXAMPLE}${parsed.mdx ? '' : '；照片只能放在 .mdx 文件里'}。`,
      );
    else for (const problem of mdxProblems(node, (url) => imageProblem(url, image, FIGURE_EXAMPLE))) at(node, problem);
    if (node.type === 'text')
      for (const match of node.value.matchAll(BROKEN_LINK)) {
        const before = node.value.slice(0, match.index).split('\n');
        const label = /^\[[^\]]*\]/.exec(match[0])![0];
        const address = match[0].slice(label.length).replace(/^[\s(（]+|[)）]$/g, '');
        report(
          (node.position?.start.line ?? parsed.bodyLine) + before.length - 1,
          (before.length > 1 ? 1 : (node.position?.start.column ?? 1)) + [...before.at(-1)!].length,
          `「${[...match[0]].slice(0, 40).join('')}」不是链接，会原样显示成文字：方括号 ] 和圆括号 ( 之间不能有空格，圆括号要用英文半角。请写成 ${label}(${address})。`,
        );
      }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  parsed.body.forEach(visit);
  for (const node of imageRefs) {
    const definition = node.type === 'imageReference' && definitions.get(node.identifier.toLowerCase());
    if (!definition) continue;
    imageDefinitions.add(definition);
    const problem = imageProblem(definition.url, image);
    if (problem) at(definition, problem);
    else if (definition.title)
      at(definition, imageTitleProblem(parsed.mdx, definition.url, node.alt ?? '', definition.title));
  }
  // A footnote, or a definition no link uses, is refused above: its address leads nowhere to be checked.
  for (const definition of definitions.values()) {
    const { identifier, url } = definition;
    const used = referenced.has(identifier.toLowerCase()) && !identifier.startsWith('^');
    const problem = imageDefinitions.has(definition) || !used ? undefined : linkProblem(url);
    if (problem) at(definition, problem);
  }
  const hidden = findInvisible(parsed.markdown, parsed.bodyLine);
  if (hidden.length) {
    const first = hidden[0]!;
    report(
      first.line,
      first.column,
      `正文里有 ${hidden.length} 个看不见的字符（如第 ${first.line} 行的${first.name}），它们会打乱文字的显示或搜索。运行 npm run check -- --fix 可自动删除。`,
    );
  }
  const visitHtml = (node: RootContent) => {
    if (node.type === 'html') {
      const snippet = node.value.split('\n')[0]!.slice(0, 40);
      at(
        node,
        /^<figure\b/i.test(snippet)
          ? `照片（<Figure>）只能放在 .mdx 文件里：请把这个文件的扩展名 .md 改为 .mdx。`
          : (lineBreakProblem(snippet) ??
              `正文里有 HTML 代码「${snippet}」。发言只能写文字（需要强调可用 **加粗**）；请删除这段代码。`),
      );
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visitHtml);
  };
  parsed.body.forEach(visitHtml);
  const marks = halfWidthMarks(parsed);
  if (marks.length) {
    const first = marks[0]!;
    // Named where the editor will look: the body's text, or the words of a photo, which are inside its markup.
    const inBody = marks.some((m) => !m.photo);
    const inPhoto = marks.some((m) => m.photo);
    const where = inBody && inPhoto ? '正文和图片说明' : inBody ? '正文' : '图片说明';
    const which = inBody && first.photo ? '图片说明中' : '';
    report(
      first.line,
      first.column,
      `${where}中有 ${marks.length} 个半角标点（如第 ${first.line} 行${which}的「${first.from}」），中文里应为全角（${[...new Set(marks.map((m) => m.to))].join('')}）。运行 npm run check -- --fix 可自动改正。`,
      'warning',
    );
  }
  const listLines = listSpaces(parsed).filter((s, i, all) => all[i - 1]?.line !== s.line);
  const lines = listLines.length ? parsed.source.split('\n') : [];
  for (const space of listLines) {
    const line = lines[space.line - 1]!.trim();
    const joined = /[^\s>]/.test(lines[space.line - 2] ?? '');
    report(
      space.line,
      space.column,
      `「${[...line].slice(0, 20).join('')}」像是列表的一项，但减号（或序号）后面是${spaceName(space.from)}，不是普通空格：网页上它不会成为列表的一项，${joined ? '会接在上一行的后面' : '会原样显示成一段文字'}。请删去那个空格，打一个普通的英文空格；运行 npm run check -- --fix 可自动改正。`,
    );
  }
  const indents = paragraphIndents(parsed);
  if (indents.length) {
    const first = indents[0]!;
    report(
      first.line,
      first.column,
      `正文里有 ${indents.length} 行以全角空格或不换行空格开头（如第 ${first.line} 行），它们会原样显示成多出来的空白：网页会自动排版段落，发言的每一段已经缩进两个字。请删去行首的这些空格；运行 npm run check -- --fix 可自动删除。`,
      'warning',
    );
  }
  // Lines with no blank line between them are one paragraph to Markdown, which the page prints run together: an
  // editor's bulleted lines (• …) or short paragraphs, typed a line each, would not be what the file looks like.
  // Only a warning, and no --fix: a paragraph wrapped by hand is meant as one. The importer writes a paragraph a line.
  const listed = new Set(listLines.map((space) => space.line));
  const runOn = (node: RootContent) => {
    if (node.type === 'paragraph' && node.position?.start.offset !== undefined) {
      const { start, end } = node.position;
      const text = parsed.source.slice(start.offset, end.offset).split(/\r?\n/);
      // A table (Markdown's GFM, which the site leaves off): a row of bars and dashes under a row with bars.
      const rule = text.findIndex(
        (l, i) => i && /^[\s|:-]+$/.test(l) && /\|/.test(l) && /-/.test(l) && /\|/.test(text[i - 1]!),
      );
      if (rule > 0) {
        report(
          start.line + rule - 1,
          1,
          `第 ${start.line + rule - 1} 行起像是一张表格（用竖线 | 分栏，下一行是 --- 分隔行）：网站不显示表格，这几行会连成一段，竖线和减号原样显示。请把表格改写成文字，或每行写成列表的一项（以英文减号加空格「- 」开头）。`,
          'warning',
        );
        return;
      }
      // A line ended by two spaces or a backslash is a line break that Markdown keeps.
      const joined = text.flatMap((_, i) =>
        i && !/( {2,}|\\)$/.test(text[i - 1]!) && !listed.has(start.line + i) ? [i] : [],
      );
      const first = joined[0];
      if (first !== undefined) {
        const line = [...text[first]!.replace(/^[\s>]+/, '').trimEnd()].slice(0, 20).join('');
        report(
          start.line + first,
          1,
          `「${line}」和上一行之间没有空行，网页上会接在上一行的后面，成为同一段${joined.length > 1 ? `（这一段还有 ${joined.length - 1} 行也是这样）` : ''}。要另起一段，请在两行之间空一行；要写成列表，请每一项以英文减号加空格「- 」开头；本来就是同一段话的，请把它接到上一行的末尾。`,
          'warning',
        );
      }
    } else if ('children' in node) (node.children as RootContent[]).forEach(runOn);
  };
  parsed.body.forEach(runOn);
  // Words are letters or digits outside headings: a heading alone, or a row of dots, says nothing. A photo is
  // something to show, though its caption is no text node.
  const hasText = parsed.body.some(
    (n) =>
      (n.type !== 'html' && n.type !== 'heading' && /[\p{L}\p{N}]/u.test(toString(n))) ||
      (n.type === 'mdxJsxFlowElement' && n.name === 'Figure'),
  );
  // A heading is refused where it stands (visit): a body of one has no words, but that is its mistake.
  if (requireText && !hasText && !parsed.body.some((n) => n.type === 'heading'))
    problems.push({
      file: parsed.file,
      line: parsed.bodyLine,
      column: 1,
      severity: 'error',
      message: '正文是空的：请在结束 frontmatter 的 --- 下面空一行，写上发言的内容。',
    });
}

/**
 * A remark's file name is its anchor on the report page (`#1-1-ye-xianghong`) unless `slug:` gives one: it must be
 * a slug too, or the anchor has spaces or characters a link cannot hold. The suggestion follows `npm run new`.
 */
export function checkFileName(parsed: ParsedFile, problems: Problem[]) {
  const stem = remarkBaseName(parsed.file);
  if (SLUG_PATTERN.test(stem) || parsed.data?.slug !== undefined) return;
  const speaker = typeof parsed.data?.speaker === 'string' ? parsed.data.speaker : '';
  const numbered = /^(\d+)\D+(\d+)(?:\D|$)/.exec(stem);
  const suggestion =
    (numbered && SLUG_PATTERN.test(remarkStem(Number(numbered[1]), Number(numbered[2]), speaker))
      ? remarkStem(Number(numbered[1]), Number(numbered[2]), speaker)
      : slugify(stem)) || 'fayan';
  problems.push({
    file: parsed.file,
    line: 0,
    column: 0,
    severity: 'error',
    fileName: true,
    message: `文件名「${stem}」会成为这篇发言在报告页上的锚点（网址 # 后面的部分），只能用小写英文字母、数字和连字符。请把文件改名为 ${suggestion}.md（或在 frontmatter 中加一行 slug: ${suggestion}）。`,
  });
}
