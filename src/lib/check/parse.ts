import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  visit,
  type ErrorCode,
} from 'yaml';
import type { RootContent } from 'mdast';
import { mdxSyntaxProblem } from '../mdx.ts';

/** One problem in one file, located as precisely as the parser allows, worded for an editor. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  field?: string | undefined;
  severity: 'error' | 'warning';
  message: string;
  /** The problem is a file's or folder's name: said before all others, as renaming the file may settle what they say
   * (a record of repairs that names the remark as it should be named, say). */
  fileName?: true;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
/** An `.mdx` file is read as MDX, so that every component, expression and import in it is seen, and refused. */
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

export interface ParsedFile {
  file: string;
  /** The file's text without BOM, for fixes. */
  source: string;
  data?: Record<string, unknown>;
  /** Line of each top-level frontmatter key in the file, for messages. */
  keyLines: Map<string, number>;
  /** Every text value in the frontmatter (list items and nested keys too), where it is in the file. */
  values: FieldValue[];
  frontmatterLine: number;
  body: RootContent[];
  bodyLine: number;
  /** The Markdown after the frontmatter, exactly as in the file: what the site renders. */
  markdown: string;
  /** Read as MDX (an `.mdx` file): the site renders `body`, the tree the checks read (src/lib/mdx.ts). */
  mdx: boolean;
  /** The frontmatter or the MDX could not be read (its problem is reported): the body is left unchecked, and the file
   * unpublished. */
  unreadable: boolean;
  /** Lines whose field's colon is followed by a no-break or full-width space, which --fix makes a plain one. */
  fieldSpaces: number[];
  /** Not UTF-8: read with a replacement mark for each character that could not be, so that --fix, writing the text
   * back, would put the marks in place of the editor's words. */
  misencoded: boolean;
}

/** One value in the frontmatter (a number as its text): its top-level field, its path under it (a list index, a key),
 * where it is. */
export interface FieldValue {
  field: string;
  path: (string | number)[];
  line: number;
  column: number;
  value: string;
}

/** What each YAML error means, for an editor; the parser's own sentence is English and about YAML. */
const YAML_ERRORS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: '同一个字段写了两次',
  BAD_INDENT: '缩进不对：列表的每一项以两个空格、减号和一个空格开头，字段名前不要有空格',
  TAB_AS_INDENT: '用了 Tab 缩进：请改用空格',
  MISSING_CHAR: '引号或括号不成对',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 写法不对：要写反斜杠本身请写两个 \\\\，或改用单引号',
  BLOCK_AS_IMPLICIT_KEY: '字段名后面缺少英文冒号，或上一行没有写完',
  MULTILINE_IMPLICIT_KEY: '字段名后面缺少英文冒号，或上一行没有写完',
  BLOCK_IN_FLOW: '方括号或花括号里的内容没有写完',
  MULTIPLE_DOCS: 'frontmatter 中间多了一行 --- 或 ...',
  BAD_SCALAR_START: '值以 @ 或 ` 开头',
  ALIAS_PROPS: '值以 &、* 或 ! 开头，被当成了特殊写法',
  BAD_ALIAS: '值以 * 开头，被当成了特殊写法',
  MULTIPLE_ANCHORS: '值以 & 开头，被当成了特殊写法',
  MULTIPLE_TAGS: '值以 ! 开头，被当成了特殊写法',
  BAD_PROP_ORDER: '值以 & 或 ! 开头，被当成了特殊写法',
  TAG_RESOLVE_FAILED: '值以 ! 开头，被当成了特殊写法',
  BAD_DIRECTIVE: '以 % 开头的行不能放在这里',
  KEY_OVER_1024_CHARS: '字段名太长，可能是少了冒号后的空格',
  NON_STRING_KEY: '字段名必须是文字',
  UNEXPECTED_TOKEN: '这一行有多余的符号，或符号的位置不对',
};

/** A field's colon followed by no-break or full-width spaces (Word's, or a Chinese input method's). */
export const FIELD_SPACE = /^(\s*(?:-\s+)?[\w-]+:)([\u00a0\u3000]+)/;

/** Fields whose value is a name: a remark's speaker, organisation, role and heading, and a report's headings. */
const NAMES = new Set(['speaker', 'school', 'role', 'section', 'sections']);
/** Chinese opening quotes and the closing quote of each. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」' };

/** A line begun as an item of a list (- * + or 1. 1), up to 99: 2015. begins a year) whose marker is followed by a
 * no-break or full-width space, as pasted from Word or WeChat: to Markdown no item, so the line is joined to the
 * paragraph or item before it. */
export const LIST_SPACE = /^([ \t>]*(?:[-*+]|\d{1,2}[.)]))([\u00a0\u3000]+)(?=\S)/m;

/**
 * A file whose body can only be text to the checks, split without the Markdown parser (most of the check's time in
 * a large archive of plain Chinese prose): frontmatter between two `---` lines, then a body with a letter or digit
 * and none of < [ ` ~ & (HTML, links, images, link definitions, character references and code fences, which can
 * hide text or addresses) nor * (bold, which beside punctuation may stay asterisks), no line that starts with # or is only = or - (headings, which are no words of a remark),
 * nor one indented by a tab or four spaces (code),
 * nor one that starts as a list's item with a special space (LIST_SPACE), nor two lines with none blank between,
 * nor one indented with full-width or no-break spaces (INDENT),
 * nor a half-width mark (, ; : ( ) ! ?, which the checks locate in the parsed text). Any other file returns undefined
 * and is parsed.
 */
function plainFile(
  source: string,
): { yaml: string; closeLine: number; body: RootContent[]; markdown: string } | undefined {
  const fence = /^---\n([^]*?)\n---(?:\n|$)/.exec(source);
  if (!fence) return undefined;
  const body = source.slice(fence[0].length);
  if (
    /[<[`~,;:()!?&*]/.test(body) ||
    /^ {0,3}(#|[=-]+ *$)/m.test(body) ||
    /^ {0,3}\t|^ {4}/m.test(body) ||
    LIST_SPACE.test(body) ||
    /\S[^\S\n]*\n[^\S\n]*\S/.test(body) ||
    /^[ \t]*[\u3000\u00a0]/m.test(body) ||
    !/[\p{L}\p{N}]/u.test(body)
  )
    return undefined;
  const closeLine = fence[0].split('\n').length - (fence[0].endsWith('\n') ? 1 : 0);
  // The checks only ask whether the body has text, has HTML or has half-width marks: one paragraph answers.
  return {
    yaml: fence[1]!,
    closeLine,
    body: [{ type: 'paragraph', children: [{ type: 'text', value: body.trim() }] }],
    markdown: body,
  };
}

/** A line only dashes of any kind (— – －) or dots, as a fence a word processor or a slip of the hand made. */
const FENCE_LIKE = /^\s*[\p{Pd}.。…][\s\p{Pd}.。…]*$/u;
/** A line of fields: a field (with either colon), an item of a list, a comment, or a line indented under one. */
const FIELD_LINE = /^\s*(?:[\w-]+\s*[:：]|-\s|#)|^\s+\S/;

/** Where the frontmatter of a file that has none by the parser's reading goes wrong: its first line, not one of
 * exactly ---; the line meant to close it; or, where none was written, the last line of fields, under which it goes. */
function fenceProblem(lines: string[], file: string): { line: number; message: string } {
  const example = /(^|\/)index\.mdx?$/.test(file) ? 'title: 标题' : 'speaker: 姓名';
  // Spaces after the opening --- are allowed.
  const opening = lines.findIndex((l) => l.trim() !== '');
  // Blank lines above it (a paste, an editor that adds one): the fence is there, but not first.
  if (opening > 0 && lines[opening]!.trimEnd() === '---')
    return {
      line: 1,
      message: `文件开头有 ${opening} 个空行：字段区（frontmatter）的 --- 要写在文件的第一行。请删去第 ${opening + 1} 行 --- 上面的空行。`,
    };
  if (lines[0]!.trimEnd() !== '---')
    return {
      line: 1,
      message: FENCE_LIKE.test(lines[0]!)
        ? `字段区（frontmatter）要用一行 --- 开始，第一行写成了「${lines[0]}」：请改成三个英文减号 ---，前后不加别的字符。`
        : `文件开头缺少 frontmatter：第一行必须是 ---，接着写字段（如 ${example}），再用一行 --- 结束。`,
    };
  // The fields end at the first blank line, or at a line that looks like a fence; before the body, in any case.
  let end = lines.findIndex((l, i) => i > 0 && (l.trim() === '' || FENCE_LIKE.test(l)));
  if (end > 0 && FENCE_LIKE.test(lines[end]!))
    return {
      line: end + 1,
      message: `字段区（frontmatter）要用一行 --- 结束，这一行写成了「${lines[end]}」：请改成三个英文减号 ---，前后不加别的字符。`,
    };
  if (end < 0) end = lines.length;
  const body = lines.findIndex((l, i) => i > 0 && i < end && !FIELD_LINE.test(l));
  const last = (body > 0 ? body : end) - 1;
  return {
    line: last + 1,
    message: `字段区（frontmatter）没有结束：缺少结束它的一行 ---。请在这一行（「${lines[last]!.trim()}」）下面加一行三个英文减号 ---，再空一行写正文。`,
  };
}

/**
 * Parses one file, as MDX if its name ends in `.mdx`: `plain` (the default) lets plain prose in Markdown skip the
 * parser; tests compare both ways. MDX is always parsed: `{…}` or an `export` line can look like plain prose.
 */
export function parseFile(file: string, text: string, problems: Problem[], { plain = true } = {}): ParsedFile {
  const source = text.replace(/^\uFEFF/, '');
  const mdx = file.endsWith('.mdx');
  const quick = plain && !mdx ? plainFile(source) : undefined;
  let unreadable = false;
  let tree: ReturnType<typeof parser.parse> | undefined;
  if (mdx)
    try {
      tree = mdxParser.parse(source);
    } catch (error) {
      // The frontmatter is still read and checked, from the file read as Markdown; the body is not.
      problems.push({ file, severity: 'error', ...mdxSyntaxProblem(error, source) });
      unreadable = true;
    }
  if (!quick && !tree) tree = parser.parse(source);
  const first = tree?.children[0];
  const front = quick
    ? { value: quick.yaml, start: 1, end: quick.closeLine }
    : first?.type === 'yaml'
      ? { value: first.value, start: first.position!.start.line, end: first.position!.end.line }
      : undefined;
  const parsed: ParsedFile = {
    file,
    source,
    keyLines: new Map(),
    values: [],
    frontmatterLine: 1,
    body: quick?.body ?? tree!.children,
    bodyLine: 1,
    markdown: quick?.markdown ?? source,
    mdx,
    unreadable,
    fieldSpaces: [],
    misencoded: false,
  };
  if (!front) {
    // Nothing of the file is read as a body: its fields would be taken for text, and --fix would change their colons.
    parsed.body = [];
    parsed.unreadable = true;
    problems.push({ file, column: 1, severity: 'error', ...fenceProblem(source.split(/\r?\n/), file) });
    return parsed;
  }
  if (tree) {
    parsed.body = unreadable ? [] : tree.children.slice(1);
    // From the line after the closing ---, as the quick path splits it.
    parsed.markdown = source.slice(first!.position!.end.offset).replace(/^\r?\n/, '');
  }
  parsed.frontmatterLine = front.start;
  parsed.bodyLine = front.end + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(front.value, { lineCounter, uniqueKeys: true });
  const offset = parsed.frontmatterLine; // the YAML starts on the line after the opening ---
  if (doc.errors.length) {
    const yamlLines = front.value.split('\n');
    // A field indented where it should not be: with a tab, which is no indentation to YAML; the first one; or one deeper
    // than the field before it, which has a value, so that it reads as that value's continuation. The parser
    // stumbles only on a later line, or on the one before; said once, at the line indented.
    const written = yamlLines.flatMap((text, i) => (text.trim() && !text.trim().startsWith('#') ? [{ text, i }] : []));
    const tabbed = written.find(({ text }) => /^ *\t/.test(text));
    const guess =
      tabbed ??
      written.find(({ text }, k) => {
        if (k === 0) return /^\s/.test(text);
        const before = /^(\s*(?:-\s+)?)[^\s#][^:]*:\s+\S/.exec(written[k - 1]!.text);
        return (
          /^\s+[^\s#-][^:]*:(\s|$)/.test(text) && before !== null && /^\s*/.exec(text)![0].length > before[1]!.length
        );
      });
    // A field of a list's item indented less than the item's first field, and not back at the list's own key: the
    // parser cannot tell whose field it is, and stumbles on it or the line after, in words about something else. Only
    // in a list of several items: a lone item is more likely a "- " written where none belongs.
    const depth = (k: number) => /^ */.exec(written[k]!.text)![0].length;
    const isItem = (k: number) => /^ *-\s/.test(written[k]!.text);
    const sibling = (m: number, step: number, dash: number): boolean =>
      m >= 0 &&
      m < written.length &&
      depth(m) >= dash &&
      ((isItem(m) && depth(m) === dash) || sibling(m + step, step, dash));
    const itemOf = (k: number) => {
      if (!/^ +[^\s#-][^:]*:(\s|$)/.test(written[k]!.text)) return undefined;
      let j = k - 1;
      // Past the item's other fields, deeper than this one.
      while (j >= 0 && depth(j) > depth(k) && !isItem(j)) j--;
      const item = j >= 0 ? /^( *)-( +)([^\s#:][^:]*):/.exec(written[j]!.text) : null;
      if (!item) return undefined;
      const dash = item[1]!.length;
      const column = dash + 1 + item[2]!.length;
      const inside = depth(k) > dash - 2 && depth(k) < column;
      return inside && (sibling(j - 1, -1, dash) || sibling(k + 1, 1, dash)) ? { column, key: item[3]! } : undefined;
    };
    const unaligned = guess ? undefined : written.find((_, k) => itemOf(k));
    // Only where the parser stumbled, at that line or beside it: a block scalar (|) or a flow mapping ({ … }) may be
    // indented so, and have a mistake elsewhere.
    const near = (i: number) => doc.errors.some((e) => Math.abs(lineCounter.linePos(e.pos[0]).line - (i + 1)) <= 1);
    // Word's no-break space, or a full-width one, after a field's colon is no space to YAML: the field and its value
    // are read as one piece of text, which the parser's own words blame on a missing colon.
    const spaced = written.filter(({ text, i }) => FIELD_SPACE.test(text) && near(i));
    for (const { text, i } of spaced) {
      const match = FIELD_SPACE.exec(text)!;
      parsed.fieldSpaces.push(offset + i + 1);
      problems.push({
        file,
        line: offset + i + 1,
        column: match[1]!.length + 1,
        severity: 'error',
        message: `frontmatter 的写法有误：冒号后面的空格是${match[2]!.startsWith('\u3000') ? '全角空格（U+3000）' : '特殊的不换行空格（U+00A0，常从 Word 复制而来）'}，不是普通空格，这一行读不出字段。请删去它，打一个普通的英文空格；运行 npm run check -- --fix 可自动改正。`,
      });
    }
    if (spaced.length) return parsed;
    if (unaligned && near(unaligned.i)) {
      const { column, key } = itemOf(written.indexOf(unaligned))!;
      problems.push({
        file,
        line: offset + unaligned.i + 1,
        column: 1,
        severity: 'error',
        message: `这一行的字段名没有和上面这一项的 ${key} 对齐（「${unaligned.text.trimEnd()}」）。列表里一项的各个字段要上下对齐：请让字段名前面正好有 ${column} 个空格。`,
      });
      return parsed;
    }
    const misplaced = guess && near(guess.i) ? guess : undefined;
    if (misplaced) {
      problems.push({
        file,
        line: offset + misplaced.i + 1,
        column: 1,
        severity: 'error',
        message:
          misplaced === tabbed
            ? `这一行用 Tab 键缩进了（「${tabbed.text.trim()}」）：frontmatter 只能用空格缩进。请把 Tab 换成空格，与上下各行对齐。`
            : `这一行的字段名前面多了空格（「${misplaced.text.trimEnd()}」）${misplaced === written[0] ? '' : '，被读成了上一行的接续'}。字段名要从行首写起（列表里一项的各个字段上下对齐），请删去多的空格。`,
      });
      return parsed;
    }
    const said = new Set<number>();
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      let line = pos.line;
      // An unclosed [ or { is only noticed on a later line; point at the line that opened it.
      if (/flow (sequence|mapping|collection)/i.test(error.message))
        while (line > 1 && !/[[{]/.test(yamlLines[line - 1]!)) line--;
      // So is an unclosed quote.
      if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message))
        while (line > 1 && !/["']/.test(yamlLines[line - 1]!)) line--;
      // One message a line: a line the parser stumbles on several times is one mistake.
      if (said.has(line)) continue;
      said.add(line);
      // A field's colon written wrong, or a value's first character, which the parser calls a missing character or
      // an indentation.
      const text = yamlLines[line - 1] ?? '';
      const first = /^\s*(?:-\s+)?(?:[\w-]+:\s+)?(\S)/.exec(text)?.[1] ?? '';
      const why = /^\s*(?:-\s+)?[\w-]+\s*：/.test(text)
        ? '字段名后面用了中文冒号「：」，要用英文冒号「:」'
        : /^\s*(?:-\s+)?[\w-]+:[^\s:]/.test(text)
          ? '英文冒号后面少了一个空格'
          : '&*!%@`'.includes(first)
            ? `值以 ${first} 开头，被当成了特殊写法`
            : (first === '[' && !text.includes(']')) || (first === '{' && !text.includes('}'))
              ? '方括号或花括号不成对'
              : /^\s*(?:-\s+)?[\w-]+:\s+[^\s"'[{].*:(\s|$)/.test(text)
                ? '值里有英文冒号，冒号后面的字被当成了又一个字段'
                : (YAML_ERRORS[error.code] ?? '这一行读不懂');
      problems.push({
        file,
        line: offset + line,
        column: line === pos.line ? pos.col : 1,
        severity: 'error',
        message: `frontmatter 的写法有误（${why}）。请检查这一行：字段名后面是英文冒号加一个空格；值里有冒号或以引号开头时，把整个值放进英文双引号。`,
      });
    }
    return parsed;
  }
  let misread = false;
  if (isMap(doc.contents)) {
    const walk = (node: unknown, field: string, path: (string | number)[]) => {
      // &word, !word and *word before a value are YAML's anchors, tags and aliases: the word is taken away, or the
      // value is another field's. Without a word, 「&践行」 would lose 践行 from the published title.
      if (isAlias(node) || (isNode(node) && (node.anchor !== undefined || node.tag !== undefined))) {
        const line = node.range ? lineCounter.linePos(node.range[0]).line : 1;
        const mark =
          /(?<=^|\s)[&*!]\S*/.exec(front.value.split('\n')[line - 1] ?? '')?.[0] ??
          (isAlias(node) ? `*${node.source}` : `&${node.anchor ?? ''}`);
        misread = true;
        problems.push({
          file,
          line: offset + line,
          column: 1,
          field,
          severity: 'error',
          message: `字段 ${field} 的值以「${mark}」开头：以 &、* 或 ! 开头的词被当成了特殊写法，不会照写发布。请把整个值放进英文双引号（如 ${field}: "${mark}……"）。`,
        });
        return;
      }
      if (isScalar(node)) {
        // Word turns "叶向红" into “叶向红”, which YAML keeps as part of the name: a person, organisation or heading
        // would be published in quotes, and under another address than the same name written without them.
        const value = String(node.value);
        const close = QUOTES[value[0]!];
        const named = node.type === 'PLAIN' && NAMES.has(field) && path.length === (field === 'sections' ? 1 : 0);
        if (named && close && value.length > 1 && value.endsWith(close) && !value.slice(1, -1).includes(close)) {
          misread = true;
          problems.push({
            file,
            line: offset + (node.range ? lineCounter.linePos(node.range[0]).line : 1),
            column: 1,
            field,
            severity: 'error',
            message: `字段 ${field} 的值整个放在了中文引号 ${value[0]}…${close} 里，引号会当作文字的一部分发布（常见于 Word 把英文引号自动换成了中文引号）。请删去引号（写成「${field === 'sections' ? '- ' : `${field}: `}${value.slice(1, -1)}」），或改用英文双引号。`,
          });
          return;
        }
        // YAML reads " #" as the start of a comment: what follows a plain value would be lost without a word. After a
        // quoted one, the comment is one.
        if (node.comment && node.range && node.type === 'PLAIN') {
          const pos = lineCounter.linePos(node.range[0]);
          problems.push({
            file,
            line: offset + pos.line,
            column: pos.col,
            field,
            severity: 'error',
            message: `字段 ${field} 的值里「 #」后面的「${node.comment.trim().slice(0, 20)}」被当成了备注，不会发布。如果它是内容，请把整个值放进英文双引号（如 ${field}: "……#……"）；给编辑看的备注请单独写一行，以 # 开头。`,
          });
        }
        if (node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          // A number or a boolean where text belongs is located too, for the message that says so.
          const value = `${node.value as string | number | boolean | null}`;
          parsed.values.push({ field, path, line: offset + pos.line, column: pos.col, value });
          // A value on two lines is one value joined by a space: a line indented deeper than the one before reads as
          // its continuation (an item of a list whose "- " is out of line, most often), and a quoted one wrapped
          // gains a space where it was wrapped. The file's values are then not what it means: none of them is used.
          const end = lineCounter.linePos(node.range[1]).line;
          // (Quoted, not where the line ends in a backslash, which joins the lines without a space.)
          const quoted = (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && /\s/.test(value);
          // Items begun otherwise than with "- " (-第一部分, a full-width －, a bullet or a number) are no list's: they
          // are one value, its lines joined. Said at the first, where the value starts on a line of its own.
          const first = front.value.split('\n')[pos.line - 1] ?? '';
          const marker =
            node.type === 'PLAIN' && pos.col === 1 + /^\s*/.exec(first)![0].length
              ? /^\s*((?:-(?=\S)|[－—–•·●▪■◆]|\d{1,2}[.、．)）])\s*)/.exec(first)?.[1]
              : undefined;
          if (marker && end > pos.line) {
            misread = true;
            const item = first.trim().slice(marker.length);
            problems.push({
              file,
              line: offset + pos.line,
              column: 1,
              field,
              severity: 'error',
              message: `字段 ${field} 的各项没有读成列表：列表的每一项要以英文减号加一个空格「- 」开头，这一行写成了「${first.trim()}」。请每一项都照这样写，例如「  - ${item}」。`,
            });
          } else if (
            node.type === 'PLAIN' &&
            end > pos.line &&
            /:\s*$/.test(first.slice(0, pos.col - 1)) &&
            /^\s+-\s/.test(front.value.split('\n')[pos.line] ?? '')
          ) {
            // The first item written on the field's own line: the items under it read as its continuation.
            misread = true;
            const item = first.slice(pos.col - 1).trim();
            problems.push({
              file,
              line: offset + pos.line,
              column: pos.col,
              field,
              severity: 'error',
              message: `字段 ${field} 的第一项「${item}」写在了「${field}:」的同一行，下面的各项就被读成了它的接续。请把它移到下一行，和下面的各项一样写成「  - ${item}」。`,
            });
          } else if ((node.type === 'PLAIN' || quoted) && end > pos.line) {
            misread = true;
            problems.push({
              file,
              line: offset + pos.line + 1,
              column: 1,
              field,
              severity: 'error',
              message: quoted
                ? `字段 ${field} 的值分成了两行，换行处会变成一个空格，值成了「${value}」。请把它写在一行里。`
                : `这一行比上一行缩进得多，被读成了上一行的接续：字段 ${field} 的值成了「${value}」。如果这是列表的新一项，请让它的「- 」与上一项对齐；如果是同一个值，请写在一行里。`,
            });
          }
        }
      } else if (isMap(node))
        for (const pair of node.items) {
          walk(pair.key, field, path);
          walk(pair.value, field, [...path, isScalar(pair.key) ? String(pair.key.value) : '']);
        }
      else if (isSeq(node)) node.items.forEach((item, i) => walk(item, field, [...path, i]));
      else if (isPair(node)) walk(node.value, field, path);
    };
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) {
        const field = String(item.key.value);
        parsed.keyLines.set(field, offset + lineCounter.linePos(item.key.range[0]).line);
        walk(item.value, field, []);
      }
    }
  }
  if (misread) return parsed;
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    // An alias (*name) with no anchor, or too many of them, is only found when the values are read.
    let line = 1;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    problems.push({
      file,
      line: offset + line,
      column: 1,
      severity: 'error',
      message:
        'frontmatter 的写法有误（值以 * 开头，被当成了特殊写法）。请检查以 * 或 & 开头的值：把整个值放进英文双引号。',
    });
    return parsed;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file,
      line: offset,
      column: 1,
      severity: 'error',
      message: 'frontmatter 必须是“字段: 值”的列表。',
    });
    return parsed;
  }
  parsed.data = data as Record<string, unknown>;
  return parsed;
}
