import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { toString } from 'mdast-util-to-string';
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
import type { Definition, RootContent } from 'mdast';
import { imageMetadata } from 'astro/assets/utils';
import { z } from 'astro/zod';
import {
  buildArchive,
  remarkBaseName,
  schoolSlugOf,
  speakerSlugOf,
  type RemarkInput,
  type ReportInput,
} from './model.ts';
import { findInvisible, INVISIBLE, invisibleName } from './invisible.ts';
import { FIGURE_EXAMPLE, mdxProblems, mdxSyntaxProblem } from './mdx.ts';
import { remarkStem } from './new-remark.ts';
import { foldMarks, normalizePunctuation } from './punctuation.ts';
import { IMAGE_MAX_BYTES, imageProblem, imageType, linkProblem, type ImageFile } from './safe-url.ts';
import { SLUG_PATTERN, slugify } from './slug.ts';
import { searchChars } from '../scripts/search/text.ts';

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

/** The content model as the checks need it (defined in src/content.config.ts). */
export interface Schemas {
  report: z.ZodType;
  remark: z.ZodType;
  /** What each frontmatter field is called in messages to editors. */
  labels: Record<string, string>;
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
const FIELD_SPACE = /^(\s*(?:-\s+)?[\w-]+:)([\u00a0\u3000]+)/;

/** The file's text with the special spaces after the colons of `lines` (see `ParsedFile.fieldSpaces`) made plain,
 * one for one, so that the offsets of other fixes stay right. */
export function applyFieldSpaces(source: string, lines: number[]): string {
  const text = source.split('\n');
  for (const line of lines)
    text[line - 1] = text[line - 1]!.replace(
      FIELD_SPACE,
      (_, field: string, spaces: string) => field + ' '.repeat(spaces.length),
    );
  return text.join('\n');
}

/** Fields whose value is a name: a remark's speaker, organisation, role and heading, and a report's headings. */
const NAMES = new Set(['speaker', 'school', 'role', 'section', 'sections']);
/** Chinese opening quotes and the closing quote of each. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」' };

/** Lists the content folder and says which files are reports, remarks, images beside them, or outside the model. */
async function listFiles(root: string) {
  const reports: { id: string; file: string }[] = [];
  const remarks: { report: string; file: string }[] = [];
  const images: string[] = [];
  const strays: string[] = [];
  let entries: string[];
  try {
    entries = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch {
    return { reports, remarks, images, strays, missing: true };
  }
  for (const path of entries.sort()) {
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    const parts = path.split('/');
    if (parts[0] === 'reports' && parts.length === 3 && /^index\.mdx?$/.test(parts[2]!))
      reports.push({ id: parts[1]!, file: path });
    else if (parts[0] === 'reports' && parts.length === 4 && parts[2] === 'remarks' && /\.mdx?$/.test(parts[3]!))
      remarks.push({ report: parts[1]!, file: path });
    else if (parts[0] === 'reports' && parts.length >= 3 && imageType(path).type) images.push(path);
    else strays.push(path);
  }
  return { reports, remarks, images, strays, missing: false };
}

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
function checkSchema(
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
  // Said once, where it is written in Chinese, and not as missing too.
  const renamed = new Set(Object.keys(parsed.data).map(inChinese));
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
        const guess = closest(field, known);
        message = `未知字段 ${field}。${named ? `字段名要用英文：请把「${field}」改成 ${named}（${labels[named]}）。` : distance(field, guess) <= 3 ? `您是否想写 ${guess}？` : ''}这里可用的字段：${allowed.join('、')}。`;
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

/** One half-width mark in Chinese prose: where it is in the file and its full-width form. */
export interface MarkFix {
  offset: number;
  line: number;
  column: number;
  from: string;
  to: string;
}

/** A link written with a space between its ] and (, or with a full-width （: to Markdown no link but text, whose
 * brackets --fix would otherwise widen, so that the link could never be mended by deleting the space. */
const BROKEN_LINK =
  /\[[^\]\n]*\](?:[ \t\u00a0\u3000]+\(|[ \t\u00a0\u3000]*（)[ \t]*(?:https?:\/\/|mailto:|tel:|\/)[^\s)）]*[)）]?/gi;

/** Finds half-width , ; : ( ) ! ? inside Chinese text in the body (frontmatter, code and addresses are left alone). */
export function halfWidthMarks(parsed: ParsedFile): MarkFix[] {
  const fixes: MarkFix[] = [];
  const visit = (node: RootContent) => {
    // An autolink's text is its address (<https://…>, <tel:…>): a changed mark would change where it leads.
    if (node.type === 'link' && parsed.source[node.position?.start.offset ?? -1] === '<') return;
    if (node.type === 'text' && node.position) {
      const { start, end } = node.position;
      const raw = parsed.source.slice(start.offset, end.offset);
      // Only where the source is the text itself (no escapes or entities), so offsets map one to one.
      if (raw === node.value) {
        const links = [...raw.matchAll(BROKEN_LINK)].map((m) => [m.index, m.index + m[0].length] as const);
        const fixed = normalizePunctuation(raw).text;
        const before = [...raw];
        const after = [...fixed];
        let offset = start.offset!;
        let line = start.line;
        let column = start.column;
        before.forEach((c, i) => {
          const local = offset - start.offset!;
          if (c !== after[i] && !links.some(([from, to]) => local >= from && local < to))
            fixes.push({ offset, line, column, from: c, to: after[i]! });
          offset += c.length;
          if (c === '\n') {
            line += 1;
            column = 1;
          } else column += 1;
        });
      }
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  parsed.body.forEach(visit);
  // The ) of a list item's marker (1)) is markup, not prose: widened, the line would never be an item.
  const markers = new Set(listSpaces(parsed).map((space) => space.offset - 1));
  return fixes.filter((fix) => !(fix.from === ')' && markers.has(fix.offset)));
}

/** The file's text with every half-width mark in Chinese prose made full-width. */
export function applyMarkFixes(source: string, fixes: MarkFix[]): string {
  let out = source;
  for (const fix of [...fixes].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, fix.offset) + fix.to + out.slice(fix.offset + fix.from.length);
  return out;
}

/** A line begun as an item of a list (- * + or 1. 1), up to 99: 2015. begins a year) whose marker is followed by a
 * no-break or full-width space, as pasted from Word or WeChat: to Markdown no item, so the line is joined to the
 * paragraph or item before it. */
const LIST_SPACE = /^([ \t>]*(?:[-*+]|\d{1,2}[.)]))([\u00a0\u3000]+)(?=\S)/m;

/** Each special space after a list item's marker in the body's paragraphs, and the plain space --fix puts there, one
 * for one (so that it applies with the marks' fixes). */
export function listSpaces(parsed: ParsedFile): MarkFix[] {
  const fixes: MarkFix[] = [];
  // Asked of every file parsed, twice (its marks and its own problem): most have no such line to walk the tree for.
  if (!LIST_SPACE.test(parsed.source)) return fixes;
  const visit = (node: RootContent) => {
    if (node.type === 'paragraph' && node.position?.start.offset !== undefined) {
      const { start, end } = node.position;
      let offset = start.offset!;
      parsed.source
        .slice(offset, end.offset)
        .split('\n')
        .forEach((text, i) => {
          const match = LIST_SPACE.exec(text);
          if (match)
            for (const [k, from] of [...match[2]!].entries())
              fixes.push({
                offset: offset + match[1]!.length + k,
                line: start.line + i,
                column: (i ? 1 : start.column) + [...match[1]!].length + k,
                from,
                to: ' ',
              });
          offset += text.length + 1;
        });
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  parsed.body.forEach(visit);
  return fixes;
}

/** Full-width or no-break spaces at the start of a line of a paragraph: the two-character indent Chinese typists give a
 * paragraph, which Markdown keeps as text, on a page that indents each paragraph already (src/styles/global.css). */
const INDENT = /^[\u3000\u00a0]+/;

/** Each indent of full-width or no-break spaces in the body's paragraphs, and the nothing --fix puts there. */
export function paragraphIndents(parsed: ParsedFile): MarkFix[] {
  const fixes: MarkFix[] = [];
  if (!/^[ \t>]*[\u3000\u00a0]/m.test(parsed.markdown)) return fixes;
  const visit = (node: RootContent) => {
    if (node.type === 'paragraph' && node.position?.start.offset !== undefined) {
      const { start, end } = node.position;
      let offset = node.position.start.offset;
      parsed.source
        .slice(offset, end.offset)
        .split('\n')
        .forEach((text, i) => {
          // A line after the first starts where the file's line does: past a quote's > and spaces, as Markdown reads it.
          const lead = i ? /^[ \t>]*/.exec(text)![0].length : 0;
          const match = INDENT.exec(text.slice(lead));
          if (match)
            fixes.push({
              offset: offset + lead,
              line: start.line + i,
              column: (i ? 1 : start.column) + lead,
              from: match[0],
              to: '',
            });
          offset += text.length + 1;
        });
    } else if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  parsed.body.forEach(visit);
  return fixes;
}

/** Throws on bytes that are not UTF-8; keeps a BOM, as reading the file as text did. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A content file's text. One saved in another encoding (Windows Notepad's "ANSI" is GBK in China) is read with a
 * replacement mark for what is not UTF-8, and reported first, at the line where it starts, with the fix. */
function decodeContent(file: string, bytes: Uint8Array, problems: Problem[]): { text: string; utf8: boolean } {
  // Notepad's "Unicode" is UTF-16, begun with a byte order mark: read as UTF-8 it would be all replacement marks and
  // zero bytes, and every field missing. Read as what it is, only its encoding is wrong.
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : '';
  if (utf16) {
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message:
        '这个文件是 UTF-16 编码（记事本“另存为”的编码选项里叫“Unicode”），网站只读 UTF-8 编码的文件。请用“另存为”，编码选 UTF-8 后保存。',
    });
    return { text: new TextDecoder(utf16).decode(bytes), utf8: false };
  }
  try {
    return { text: UTF8.decode(bytes), utf8: true };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    problems.push({
      file,
      line,
      column: 1,
      severity: 'error',
      message: `这个文件不是 UTF-8 编码，从第 ${line} 行起的中文读不出来（可能是用记事本按“ANSI”保存的）。请用“另存为”，编码选 UTF-8 后保存；下面关于这个文件的其他问题可能都由此而来。`,
    });
    return { text, utf8: false };
  }
}

/**
 * The image file at `path` (decoded, relative to the folder of `file`, a path under `root`): its size and first
 * bytes, or undefined if it is not a file in the content folder.
 */
function contentImage(
  root: string,
  file: string,
  path: string,
  pixels: ReadonlyMap<string, ImageFile['pixels']>,
): ImageFile | undefined {
  const base = resolve(root);
  const written = resolve(base, dirname(file), path);
  if (!written.startsWith(base + sep)) return undefined;
  // The file as its folders spell it: Windows and macOS find it whatever the letter case of the path, the host a
  // site is built on only as spelt.
  let target = base;
  for (const part of relative(base, written).split(sep)) {
    let names: string[];
    try {
      names = readdirSync(target);
    } catch {
      return undefined;
    }
    const name = names.includes(part) ? part : names.find((n) => n.toLowerCase() === part.toLowerCase());
    if (name === undefined) return undefined;
    target = join(target, name);
  }
  try {
    const stat = statSync(target);
    if (!stat.isFile()) return undefined;
    // A link (symlink) in the content folder may name any file on the machine that builds the site, which would
    // then be published: only a file that is itself in the content folder is shown.
    if (!realpathSync(target).startsWith(realpathSync(base) + sep))
      return { bytes: stat.size, head: new Uint8Array(), outside: true };
    const head = new Uint8Array(16);
    const fd = openSync(target, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const spelt = relative(resolve(base, dirname(file)), target)
      .split(sep)
      .join('/');
    return { bytes: stat.size, head, pixels: pixels.get(target), ...(target !== written && { spelt, target }) };
  } catch {
    return undefined;
  }
}

/**
 * A character in a field that shows nothing but changes the text (src/lib/invisible.ts): one message per field,
 * at the value's line.
 */
function checkFieldCharacters(parsed: ParsedFile, labels: Record<string, string>, problems: Problem[]) {
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

/** Line and paragraph separators (U+2028, U+2029), as Word's line break and PDF text bring them: no line end to
 * Markdown, which prints them inside the line, nor to a reader, who sees the words run on; YAML makes one a space. */
const SEPARATOR = /[\u2028\u2029]/g;

/** Each line or paragraph separator in the file, and what --fix writes for it: in the body, the line break (for
 * U+2029, the blank line) it stands for; in the frontmatter, where a value is one line, nothing. */
export function lineSeparators(parsed: ParsedFile): MarkFix[] {
  const fixes: MarkFix[] = [];
  const body = parsed.source.length - parsed.markdown.length;
  // A <Figure>'s attributes are one line each too: a line break in its caption would be printed as a space.
  const tags: [number, number][] = [];
  const visit = (node: RootContent) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.position)
      tags.push([node.position.start.offset!, node.position.end.offset!]);
    else if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  if (parsed.mdx && parsed.markdown.search(SEPARATOR) >= 0) parsed.body.forEach(visit);
  for (const match of parsed.source.matchAll(SEPARATOR)) {
    const inLine = match.index < body || tags.some(([from, to]) => match.index >= from && match.index < to);
    const before = parsed.source.slice(0, match.index);
    const start = before.lastIndexOf('\n') + 1;
    fixes.push({
      offset: match.index,
      line: before.split('\n').length,
      column: [...before.slice(start)].length + 1,
      from: match[0],
      to: inLine ? '' : match[0] === '\u2029' ? '\n\n' : '\n',
    });
  }
  return fixes;
}

/** A line or paragraph separator in the file: said once for the frontmatter and once for the body, with the fix. */
function checkSeparators(parsed: ParsedFile, problems: Problem[]) {
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
function checkBody(
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
      const star = node.value.indexOf('**');
      const before = node.value.slice(0, star);
      report(
        (node.position?.start.line ?? parsed.bodyLine) + before.split('\n').length - 1,
        1,
        `「${node.value.slice(Math.max(0, star - 12), star + 14).trim()}」里的 ** 没有成为加粗，会原样显示出来：** 的里侧紧挨着引号、冒号等标点，外侧又紧挨着文字时，Markdown 不把它当作加粗。请把标点移到 ** 外面，例如 “**三严三实**”、**注意**：。`,
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
          : `正文里有 HTML 代码「${snippet}」。发言只能写文字（需要强调可用 **加粗**）；请删除这段代码。`,
      );
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visitHtml);
  };
  parsed.body.forEach(visitHtml);
  const marks = halfWidthMarks(parsed);
  if (marks.length) {
    const first = marks[0]!;
    report(
      first.line,
      first.column,
      `正文中有 ${marks.length} 个半角标点（如第 ${first.line} 行的「${first.from}」），中文里应为全角（${[...new Set(marks.map((m) => m.to))].join('')}）。运行 npm run check -- --fix 可自动改正。`,
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
function checkFileName(parsed: ParsedFile, problems: Problem[]) {
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

/** The content folder read and validated file by file: the valid reports and remarks, and the problems found. */
export interface ContentRead {
  reports: ReportInput[];
  remarks: RemarkInput[];
  problems: Problem[];
  /** Parsed files by display path, for locating fields in messages. */
  files: Map<string, ParsedFile>;
  /** Reports whose index.md is there but invalid (its problems are among `problems`). */
  invalidReports: Set<string>;
  /** Every file read, in the collection and under the id the site gives it, valid or not. */
  entries: ContentEntry[];
}

/** A parsed content file and where it goes in the site's collections (src/content.config.ts). */
export interface ContentEntry {
  collection: 'reports' | 'remarks';
  /** The path under `reports/` without the extension, e.g. `2015-x/index` or `2015-x/remarks/1-1-ye`. */
  id: string;
  parsed: ParsedFile;
}

/** Whether a file begins as a content file does, with a line of ---. */
function fenced(path: string): boolean {
  const head = new Uint8Array(8);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^---\s*$/.test(new TextDecoder().decode(head).split('\n')[0]!);
}

/** Reads of content files under way, and those waiting for one of them to end and free a file handle. */
let reading = 0;
const waiting: (() => void)[] = [];

/** A file's bytes, waiting for a file handle when the process has none left (EMFILE): reading a whole archive at
 * once opens more files than many systems let a process (macOS's default limit is 256). Each read that ends lets one
 * waiting read try again. */
async function readPatiently(path: string): Promise<Buffer> {
  for (;;) {
    reading++;
    try {
      const bytes = await readFile(path);
      waiting.shift()?.();
      return bytes;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EMFILE') throw error;
    } finally {
      reading--;
    }
    // With no read of ours under way, the handles are held elsewhere: try again shortly.
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!reading) setTimeout(() => waiting.shift()?.(), 10);
    });
  }
}

const entryId = (path: string) => path.replace(/^reports\//, '').replace(/\.mdx?$/, '');

/** Reads every file under the content folder and validates each one alone (frontmatter, body, place in the folder). */
export async function readContent(root: string, schemas: Schemas): Promise<ContentRead> {
  const problems: Problem[] = [];
  const files = new Map<string, ParsedFile>();
  const display = (path: string) => relative(process.cwd(), join(root, path)).split(sep).join('/');
  const listed = await listFiles(root);
  const { images, strays, missing } = listed;
  if (missing) {
    problems.push({ file: root, line: 0, column: 0, severity: 'error', message: `找不到内容文件夹 ${root}。` });
    return { reports: [], remarks: [], problems, files, invalidReports: new Set(), entries: [] };
  }

  for (const stray of strays) {
    // Named as a remark almost is (.MD, or .md.txt as Windows may save it), or saved as another kind of Markdown
    // (.markdown), or as text with a remark's frontmatter (.txt): a remark that would be left out.
    const ext =
      /\.mdx?(\.txt)?$/i.exec(stray)?.[0] ??
      (/^reports\/[^/]+\//.test(stray)
        ? (/\.(markdown|mdown|mkdn?)$/i.exec(stray)?.[0] ??
          (/\.te?xt$/i.test(stray) && fenced(join(root, stray)) ? /\.te?xt$/i.exec(stray)![0] : undefined))
        : undefined);
    const meant = ext && `${basename(stray).slice(0, -ext.length)}${/^\.mdx/i.test(ext) ? '.mdx' : '.md'}`;
    // Or a report's or a remark's file in the wrong place, or a report's named in capitals: said with where it goes.
    const [top, report, folder, name, deeper] = stray.split('/');
    const misplaced =
      !ext || top !== 'reports'
        ? undefined
        : folder && !name && /^index\.mdx?$/i.test(folder)
          ? `报告的文件名要全用小写：请把它改名为 ${folder.toLowerCase()}。`
          : folder && !name
            ? `发言的文件要放在报告文件夹里的 remarks 文件夹中：请把它移到 ${display(`reports/${report}/remarks`)}/。`
            : name && folder !== 'remarks' && !deeper
              ? `发言的文件夹要叫 remarks（小写英文），这里是「${folder}」：请把文件夹改名为 remarks，或把文件移到 ${display(`reports/${report}/remarks`)}/。`
              : undefined;
    problems.push({
      file: display(stray),
      line: 0,
      column: 0,
      severity: ext ? 'error' : 'warning',
      fileName: true,
      message:
        meant && meant !== basename(stray)
          ? `文件名的扩展名写成了「${ext}」，这个文件不会被发布。请把它改名为 ${meant}。`
          : misplaced
            ? `这个文件不会被发布。${misplaced}`
            : '这个文件不在内容模型中，不会被发布。报告写在 content/reports/<报告名>/index.md（或 index.mdx），发言写在 content/reports/<报告名>/remarks/<文件名>.md（或 .mdx），照片放在用它的文件旁边（JPG、PNG、WebP 或 AVIF）。',
    });
  }

  // `a.md` and `a.mdx` would be one entry, one page anchor: the second is refused, not silently dropped.
  const seen = new Map<string, string>();
  const single = <T extends { file: string }>(list: T[]) =>
    list.filter(({ file }) => {
      const first = seen.get(entryId(file));
      if (first === undefined) {
        seen.set(entryId(file), file);
        return true;
      }
      problems.push({
        file: display(file),
        line: 0,
        column: 0,
        severity: 'error',
        message: `${display(first)} 和这个文件是同一${/index\.mdx?$/.test(file) ? '份报告' : '篇发言'}，只能留一个：要放照片就用 .mdx，否则用 .md。请删去其中一个。`,
      });
      return false;
    });
  const reports = single(listed.reports);
  const remarks = single(listed.remarks);

  // Read all at once: a large archive spends more time waiting on the disk than parsing, and read by a pool or in
  // batches the build's peak memory came out higher (BENCHMARKS.md, "Peak memory").
  const texts = new Map(
    await Promise.all(
      [...reports, ...remarks].map(
        async ({ file }) =>
          [file, decodeContent(display(file), await readPatiently(join(root, file)), problems)] as const,
      ),
    ),
  );
  // Every image file a content file shows, so that one shown by none can be pointed out.
  const shown = new Set<string>();
  // Measured as the build will, by Astro's own reading of them, which fails the build on a file it cannot read; one at a
  // time, so that the photos are not all in memory at once.
  const pixels = new Map<string, ImageFile['pixels']>();
  for (const path of images) {
    const target = resolve(root, path);
    const bytes = statSync(target).size <= IMAGE_MAX_BYTES ? await readFile(target) : undefined;
    pixels.set(target, bytes && (await imageMetadata(bytes).catch(() => null)));
  }
  const image = (file: string) => (path: string) => {
    const found = contentImage(root, file, path, pixels);
    // A photo named in another letter case is said as that, not as a photo no file shows.
    shown.add(found?.target ?? resolve(root, dirname(file), path));
    return found;
  };
  const parse = (file: string) => {
    const { text, utf8 } = texts.get(file)!;
    return { ...parseFile(display(file), text, problems), misencoded: !utf8 };
  };
  const entries: ContentEntry[] = [];
  const reportInputs: ReportInput[] = [];
  const invalidReports = new Set<string>();
  for (const { id, file } of reports) {
    const parsed = parse(file);
    if (!SLUG_PATTERN.test(id))
      problems.push({
        file: parsed.file,
        line: 0,
        column: 0,
        severity: 'error',
        fileName: true,
        message: `报告文件夹名 ${id} 会成为网址的一部分，只能用小写英文字母、数字和连字符（例如 2015-dangjian）。请改文件夹名。`,
      });
    const data = checkSchema(parsed, schemas.report, schemas.labels, problems);
    checkFieldCharacters(parsed, schemas.labels, problems);
    checkSeparators(parsed, problems);
    checkBody(parsed, problems, false, image(file));
    files.set(parsed.file, parsed);
    entries.push({ collection: 'reports', id: entryId(file), parsed });
    if (data) reportInputs.push({ ...(data as Omit<ReportInput, 'id' | 'file'>), id, file: parsed.file });
    else invalidReports.add(id);
  }

  const remarkInputs: RemarkInput[] = [];
  for (const { report, file } of remarks) {
    const parsed = parse(file);
    const data = checkSchema(parsed, schemas.remark, schemas.labels, problems);
    checkFieldCharacters(parsed, schemas.labels, problems);
    checkFileName(parsed, problems);
    checkSeparators(parsed, problems);
    checkBody(parsed, problems, true, image(file));
    files.set(parsed.file, parsed);
    entries.push({ collection: 'remarks', id: entryId(file), parsed });
    if (data)
      remarkInputs.push({
        ...(data as Omit<RemarkInput, 'id' | 'file' | 'report'>),
        id: entryId(file),
        file: parsed.file,
        report,
      });
  }
  for (const path of images.filter((path) => !shown.has(resolve(root, path))))
    problems.push({
      file: display(path),
      line: 0,
      column: 0,
      severity: 'warning',
      message: `没有哪篇发言或编者按用到这张图片，它不会被发布。要用它，请在同一文件夹的 .mdx 文件里写 <Figure src="./${path.split('/').pop()!}" alt="……" />；不用就删除它。`,
    });
  return { reports: reportInputs, remarks: remarkInputs, problems, files, invalidReports, entries };
}

/** What one read of the content folder found: the problems, and every file parsed, for the site to use. */
export interface ContentCheck {
  problems: Problem[];
  entries: ContentEntry[];
}

/**
 * Checks every file under the content folder: frontmatter against the schemas, bodies, and the rules
 * that span files (known heading, one role per speaker, one remark per place, unique URLs). Returns the files it
 * parsed too, so that the site is built from this one read.
 */
export async function checkContent(root: string, schemas: Schemas): Promise<ContentCheck> {
  return checkRead(await readContent(root, schemas));
}

/** `read` without report `id`, or with it as `staged` has it (staged alone): new lists, so that `checkRead` may add to
 * them. For checking a report, with the rules across reports, before it is written. */
export function replaceReport(read: ContentRead, id: string, staged?: ContentRead): ContentRead {
  const own = new Set(read.entries.filter((e) => e.id.startsWith(`${id}/`)).map((e) => e.parsed.file));
  const invalidReports = new Set([...read.invalidReports].filter((r) => r !== id));
  for (const r of staged?.invalidReports ?? []) invalidReports.add(r);
  return {
    reports: [...read.reports.filter((r) => r.id !== id), ...(staged?.reports ?? [])],
    remarks: [...read.remarks.filter((r) => r.report !== id), ...(staged?.remarks ?? [])],
    problems: [...read.problems.filter((p) => !own.has(p.file)), ...(staged?.problems ?? [])],
    files: new Map([...[...read.files].filter(([file]) => !own.has(file)), ...(staged?.files ?? [])]),
    invalidReports,
    entries: [...read.entries.filter((e) => !own.has(e.parsed.file)), ...(staged?.entries ?? [])],
  };
}

/** The one of `options` that `written` is likely a slip for: the same in pinyin (a traditional form, a homophone, a
 * space), or close in characters (at most a third of them differ); none when none is, as a suggestion far from what
 * was written misleads. */
function meant(written: string, options: string[]): string | undefined {
  // Without the hyphens, which fall where words are found, and a traditional text's words are found otherwise.
  const sound = (text: string) => slugify(text).replaceAll('-', '');
  const same = sound(written) ? options.find((o) => sound(o) === sound(written)) : undefined;
  if (same !== undefined || !options.length) return same;
  const guess = closest(written, options);
  return distance(written, guess) <= Math.max(1, written.length / 3) ? guess : undefined;
}

/** What a space other than the plain one is called in messages. */
const spaceName = (space: string) =>
  space === '\u00a0'
    ? '不换行空格（U+00A0，常从 Word 复制而来）'
    : space === '\u3000'
      ? '全角空格（U+3000）'
      : `特殊空格（U+${space.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`;

/** How `written` differs from `meant`, written at `meantAt`, when they differ only in their spaces, which an editor
 * cannot see: undefined otherwise. */
function spaceDifference(written: string, meant: string, meantAt: string): string | undefined {
  if (written === meant || written.replace(/\s/g, '') !== meant.replace(/\s/g, '')) return undefined;
  const special = (text: string) => [...new Set(text.match(/[^\S ]/g))].map(spaceName).join('、');
  if (special(written)) return `这里用了${special(written)}，请删去它，打一个普通的英文空格`;
  if (special(meant)) return `${meantAt}用了${special(meant)}，请在那里删去它，打一个普通的英文空格`;
  return '空格的个数不同，请照小标题列表里的写法写';
}

/** The rules that span files, over what `readContent` read: its problems with theirs added. */
export function checkRead(read: ContentRead): ContentCheck {
  const { reports: reportInputs, remarks: remarkInputs, problems, files, invalidReports, entries } = read;
  const at = (file: string, field: string) => files.get(file)?.keyLines.get(field) ?? 0;
  const itemLine = (file: string, field: string, item: number) =>
    files.get(file)?.values.find((v) => v.field === field && v.path.length === 1 && v.path[0] === item)?.line;
  const reportsById = new Map(reportInputs.map((r) => [r.id, r]));
  // Looked up, not scanned: a report may have many headings and each of them many remarks.
  const headings = new Map(reportInputs.map((r) => [r.id, new Set(r.sections)]));
  for (const remark of remarkInputs) {
    const report = reportsById.get(remark.report);
    if (!report || headings.get(report.id)!.has(remark.section)) continue;
    const guess = meant(remark.section, report.sections);
    const spaces =
      guess &&
      spaceDifference(
        remark.section,
        guess,
        `${report.file} 第 ${itemLine(report.file, 'sections', report.sections.indexOf(guess)) ?? at(report.file, 'sections')} 行`,
      );
    // A remark copied or moved from another report keeps that report's heading.
    const other = reportInputs.find((r) => headings.get(r.id)!.has(remark.section));
    const hint = spaces
      ? `它和小标题「${guess}」只差在空格上：${spaces}。`
      : (other ? `它是报告 ${other.id} 的小标题：这篇发言是不是放错了文件夹？如果它属于报告 ${report.id}，` : '') +
        (guess ? `您是否想写「${guess}」？` : '请照下面的一个小标题一字不差地抄写。');
    problems.push({
      file: remark.file,
      line: at(remark.file, 'section'),
      column: 1,
      field: 'section',
      severity: 'error',
      message: `小标题「${remark.section}」不是报告 ${report.id} 的小标题。${hint}该报告的小标题有：${report.sections.map((s, i) => `${i + 1}.「${s}」`).join(' ')}（见 ${report.file}）。`,
    });
  }

  // The record of repairs (校勘记) speaks of remarks, text and headings of its own report: each must be there. A quoted
  // end is looked for in the text as read (3~5, not the Markdown's 3\~5), whatever the width of its marks, so that
  // --fix, which makes a body's marks full-width and leaves the frontmatter alone, never makes the record wrong.
  // None for a body that could not be read (an MDX mistake, said where it is): there is no text to look in.
  const prose = (file: string) =>
    files.get(file)?.unreadable ? undefined : foldMarks(toString(files.get(file)?.body ?? []));
  for (const report of reportInputs) {
    const { joins = [], intros = [] } = report.repairs ?? {};
    const named = new Map(remarkInputs.filter((r) => r.report === report.id).map((r) => [remarkBaseName(r.file), r]));
    // A remark that is there but invalid has its own errors: the record is not told it is missing.
    const folder = `${dirname(report.file)}/remarks/`;
    const there = (name: string) =>
      named.has(name) || files.has(`${folder}${name}.md`) || files.has(`${folder}${name}.mdx`);
    const problem = (path: string, message: string) =>
      problems.push({
        file: report.file,
        line:
          files.get(report.file)?.values.find((v) => v.field === 'repairs' && v.path.join('.') === path)?.line ??
          at(report.file, 'repairs'),
        column: 1,
        field: 'repairs',
        severity: 'error',
        message,
      });
    const unknownRemark = (name: string) =>
      `校勘记提到的发言「${name}」不在报告 ${report.id} 中：请写 remarks 文件夹里的文件名（不含 .md）${name === 'note' ? '' : '，编者按写 note'}。`;
    const unknownSection = (section: string) =>
      `校勘记提到的小标题「${section}」不是报告 ${report.id} 的小标题；请照 sections 中的写法抄写。`;
    for (const [i, join] of joins.entries()) {
      const file = join.remark === 'note' ? report.file : named.get(join.remark)?.file;
      if (!file) {
        if (!there(join.remark)) problem(`joins.${i}.remark`, unknownRemark(join.remark));
      } else if (prose(file)?.includes(foldMarks(join.after)) === false)
        problem(
          `joins.${i}.after`,
          `校勘记说「${join.after}」处的断开已接上，但${join.remark === 'note' ? '编者按' : `发言 ${join.remark}`}里没有这段文字。请照正文抄写断开处前半段的结尾。`,
        );
      if (join.from && !report.sections.includes(join.from)) problem(`joins.${i}.from`, unknownSection(join.from));
    }
    for (const [i, intro] of intros.entries()) {
      if (!there(intro.remark)) problem(`intros.${i}.remark`, unknownRemark(intro.remark));
      if (!report.sections.includes(intro.from)) problem(`intros.${i}.from`, unknownSection(intro.from));
    }
    // sectionSlugs gives headings their addresses: a key that is no heading would leave the one meant without it.
    for (const title of Object.keys(report.sectionSlugs ?? {}))
      if (!headings.get(report.id)!.has(title))
        problems.push({
          file: report.file,
          line:
            files.get(report.file)?.values.find((v) => v.field === 'sectionSlugs' && v.path[0] === title)?.line ??
            at(report.file, 'sectionSlugs'),
          column: 1,
          field: 'sectionSlugs',
          severity: 'error',
          message: `sectionSlugs 里的「${title}」不是报告 ${report.id} 的小标题，它的网址名用不上。${meant(title, report.sections) ? `您是否想写「${meant(title, report.sections)}」？` : ''}请照 sections 中的写法抄写。`,
        });
  }

  const groups = <K>(key: (r: RemarkInput) => K) => {
    const map = new Map<K, RemarkInput[]>();
    for (const r of remarkInputs) {
      const k = key(r);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return [...map.values()];
  };
  for (const group of groups((r) => `${r.report}\u0000${r.speaker}\u0000${r.school}`)) {
    const roles = [...new Set(group.map((r) => r.role))];
    if (roles.length < 2) continue;
    const first = group[0]!;
    for (const remark of group.filter((r) => r.role !== first.role)) {
      problems.push({
        file: remark.file,
        line: at(remark.file, 'role'),
        column: 1,
        field: 'role',
        severity: 'error',
        message: `同一报告中 ${remark.speaker}（${remark.school}）的职务不一致：这里是「${remark.role}」，${first.file} 第 ${at(first.file, 'role')} 行是「${first.role}」。请把两个文件的 role 改成同一个职务。`,
      });
    }
  }
  // A speaker's page, and an organisation's, has one address: every remark of theirs must give the same, in any report
  // (the site takes the first file's, and the others' would be ignored without a word).
  const sameAddress = (
    kind: 'speaker' | 'school',
    key: (r: RemarkInput) => string,
    slugOf: (r: RemarkInput) => string,
  ) => {
    const field = kind === 'speaker' ? 'speakerSlug' : 'schoolSlug';
    for (const group of groups(key)) {
      const first = group[0]!;
      for (const remark of group.filter((r) => slugOf(r) !== slugOf(first)))
        problems.push({
          file: remark.file,
          line: at(remark.file, field) || at(remark.file, kind),
          column: 1,
          field,
          severity: 'error',
          message: `${kind === 'speaker' ? `发言人 ${remark.speaker}（${remark.school}）` : `单位「${remark.school}」`}的网址名不一致：这里是 ${slugOf(remark)}，${first.file} 里是 ${slugOf(first)}，网站用的是后者。同一${kind === 'speaker' ? '位发言人' : '个单位'}的每篇发言要写同样的 ${field}：要保持现在的网址，请${first[field] ? `在这里写 ${field}: ${slugOf(first)}` : `删去这里的 ${field}`}；要改用新的网址，请在每篇发言里都改。`,
        });
    }
  };
  sameAddress('speaker', (r) => `${r.speaker}\u0000${r.school}`, speakerSlugOf);
  sameAddress('school', (r) => r.school, schoolSlugOf);
  // Names that differ only in how they are written (full- or half-width, spaces, dots and other marks) are one name
  // written two ways, which would make two pages of one person or organisation.
  // Folded as search folds text, but for characters of the private use area, with which a rare character of a name
  // may be written (造字): each is a character of its own.
  const folded = (name: string) => [...name].map((c) => (/\p{Co}/u.test(c) ? c : searchChars(c))).join('');
  const sameWritten = (kind: 'speaker' | 'school', name: (r: RemarkInput) => string) => {
    // A speaker's organisation as written: one written two ways is said once, as the organisation's.
    for (const group of groups((r) =>
      kind === 'speaker' ? `${folded(r.speaker)}\u0000${r.school}` : folded(r.school),
    )) {
      const first = group[0]!;
      for (const remark of group.filter((r) => name(r) !== name(first)))
        problems.push({
          file: remark.file,
          line: at(remark.file, kind),
          column: 1,
          field: kind,
          severity: 'error',
          message: `${kind === 'speaker' ? '发言人' : '单位'}「${name(remark)}」和 ${first.file} 里的「${name(first)}」只是写法不同（全角半角、空格或标点）。同一${kind === 'speaker' ? '个人' : '个单位'}请写成一样的，否则网站会当成两个。`,
        });
    }
  };
  sameWritten('speaker', (r) => `${r.speaker}（${r.school}）`);
  sameWritten('school', (r) => r.school);
  // Two names of one organisation at one address (赵卫东 and 赵伟东 or 趙衛東, of one pinyin) are one person whose name
  // one file writes otherwise, most often: said in each file of the name fewer remarks give, with the other to copy.
  for (const group of groups((r) => `${speakerSlugOf(r)}\u0000${r.school}`)) {
    const count = (name: string) => group.filter((r) => r.speaker === name).length;
    const usual = group.reduce((a, b) => (count(b.speaker) > count(a.speaker) ? b : a));
    for (const remark of group.filter((r) => folded(r.speaker) !== folded(usual.speaker)))
      problems.push({
        file: remark.file,
        line: at(remark.file, 'speaker'),
        column: 1,
        field: 'speaker',
        severity: 'error',
        message: `发言人「${remark.speaker}」和 ${usual.file} 第 ${at(usual.file, 'speaker')} 行的「${usual.speaker}」都在${remark.school}，网址名都是 ${speakerSlugOf(remark)}，多半是同一个人的名字写成了两样。请核对原文：是同一个人，就把这里的姓名照「${usual.speaker}」一字不差地改过来${count(usual.speaker) > 1 ? `（有 ${count(usual.speaker)} 篇发言这样写）` : ''}；确是两个人，就给这一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: ${speakerSlugOf(remark)}-2）。`,
      });
  }
  // One name under two organisations in one report is usually a typo; two people of one name say so with speakerSlug,
  // the new one's an address of its own.
  for (const group of groups((r) => `${r.report}\u0000${r.speaker}`)) {
    const first = group[0]!;
    for (const remark of group.filter(
      (r) =>
        // An organisation only written another way is said as such, above.
        folded(r.school) !== folded(first.school) &&
        // Two people of one name, at addresses of their own.
        speakerSlugOf(r) === speakerSlugOf(first),
    ))
      problems.push({
        file: remark.file,
        line: at(remark.file, 'school'),
        column: 1,
        field: 'school',
        severity: 'error',
        message: `同一报告中 ${remark.speaker} 的单位不一致：这里是「${remark.school}」，${first.file} 第 ${at(first.file, 'school')} 行是「${first.school}」。如果是同一个人，请把两个文件的 school 改成一样；如果是同名的两个人，请给新来的那一位加一行 speakerSlug，写一个别人没用过的网址名（例如 speakerSlug: ${speakerSlugOf(remark)}-${schoolSlugOf(remark)}），已发布的那一位不用改，网址也不会变。`,
      });
  }
  for (const group of groups((r) => `${r.report}\u0000${r.section}\u0000${r.order}`)) {
    if (group.length < 2) continue;
    const [first, ...others] = group;
    for (const remark of others)
      problems.push({
        file: remark.file,
        line: at(remark.file, 'order'),
        column: 1,
        field: 'order',
        severity: 'error',
        message: `小标题「${remark.section}」下有两篇发言的顺序号都是 ${remark.order}：这里和 ${first!.file}。请给其中一篇换一个顺序号。`,
      });
  }

  // Remarks of a report whose index.md is invalid are placed once it is mended; until then they would only be
  // reported as lacking one.
  const { problems: modelProblems } = buildArchive(
    reportInputs,
    remarkInputs.filter((r) => !invalidReports.has(r.report)),
  );
  // A clash that follows from a mistake already reported (e.g. a mistyped school) would only repeat it.
  const reported = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const p of modelProblems.filter((p) => !p.files.some((f) => reported.has(f))))
    for (const file of p.files)
      problems.push({
        file,
        line: (p.item !== undefined && itemLine(file, p.field!, p.item)) || (p.field ? at(file, p.field) : 0),
        column: p.field ? 1 : 0,
        field: p.field,
        severity: 'error',
        message: p.message,
      });

  problems.sort(
    (a, b) =>
      Number(b.fileName ?? false) - Number(a.fileName ?? false) || a.file.localeCompare(b.file) || a.line - b.line,
  );
  return { problems, entries };
}

/** One line per problem, `file:line:column`, so editors and editors' tools can jump to it. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line ? `${p.file}:${p.line}:${p.column}` : p.file;
      return `  ${p.severity === 'error' ? '错误' : '提醒'}  ${where}  ${p.message}`;
    })
    .join('\n');
}
