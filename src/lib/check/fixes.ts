import type { RootContent } from 'mdast';
import { COMPONENTS } from '../mdx.ts';
import { normalizePunctuation } from '../punctuation.ts';
import { FIELD_SPACE, LIST_SPACE, type ParsedFile } from './parse.ts';

/** One half-width mark in Chinese prose: where it is in the file and its full-width form. */
export interface MarkFix {
  offset: number;
  line: number;
  column: number;
  from: string;
  to: string;
}

/** A half-width mark, and whether it is in the words of a photo (a <Figure>'s alt or caption, an image's description)
 * rather than the body's text: an editor looks for it in one or the other. */
export interface TextMark extends MarkFix {
  photo: boolean;
}

/** A link written with a space between its ] and (, or with a full-width （: to Markdown no link but text, whose
 * brackets --fix would otherwise widen, so that the link could never be mended by deleting the space. */
export const BROKEN_LINK =
  /\[[^\]\n]*\](?:[ \t\u00a0\u3000]+\(|[ \t\u00a0\u3000]*（)[ \t]*(?:https?:\/\/|mailto:|tel:|\/)[^\s)）]*[)）]?/gi;

/** A place in the file. */
interface Place {
  offset: number;
  line: number;
  column: number;
}

/** The place just after `text`, which starts at `start`. */
function past(start: Place, text: string): Place {
  const lines = text.split('\n');
  const column = (lines.length > 1 ? 1 : start.column) + [...lines.at(-1)!].length;
  return { offset: start.offset + text.length, line: start.line + lines.length - 1, column };
}

/** A character reference (&quot; &#44; &#x2C; &hellip;), which the parser reads as the one character it names. */
const REFERENCE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/iy;
/** A backslash before ASCII punctuation, which Markdown text reads as the mark alone. */
const ESCAPE = /\\[!-/:-@[-`{-~]/y;

/**
 * Where each character of `value` (by code point) is written in `raw`, the source it was read from, and where that
 * writing ends: as itself, as a character reference or, in Markdown text (`markdown`, not an attribute), as a
 * backslash escape, past the layout Markdown reads no character from (the spaces that end a line, the indent and > that
 * start the next, in a list's item or a quotation). Undefined where `value` cannot be so found in `raw`: a reference
 * that names two characters, or text that spells a reference out (&amp;amp;), whose marks are then left alone rather
 * than placed by a guess.
 */
function spelling(
  raw: string,
  value: string,
  markdown: boolean,
): { spans: [number, number][]; end: number } | undefined {
  const spans: [number, number][] = [];
  let i = 0;
  let j = 0;
  let previous = '';
  for (const c of value) {
    const layout = !markdown ? '' : c === '\n' || c === '\r' ? ' \t' : previous === '\n' ? ' \t>' : '';
    let length = 0;
    for (;;) {
      ESCAPE.lastIndex = REFERENCE.lastIndex = i;
      const escape = markdown ? ESCAPE.exec(raw)?.[0] : undefined;
      const reference = escape === undefined ? REFERENCE.exec(raw)?.[0] : undefined;
      if (escape !== undefined) length = escape[1] === c ? escape.length : 0;
      // A reference the parser left as written (&foo;) is in the value letter for letter.
      else if (reference !== undefined && !value.startsWith(reference, j)) length = reference.length;
      else if (raw.startsWith(c, i)) length = c.length;
      if (length || i >= raw.length || !layout.includes(raw[i]!)) break;
      i += 1;
    }
    if (!length) return undefined;
    spans.push([i, i + length]);
    i += length;
    j += c.length;
    previous = c;
  }
  return { spans, end: i };
}

/** The marks `normalizePunctuation` widens in `value`, read from `raw`, the file's characters from `start` on (see
 * `spelling`), but for those at an offset in `raw` that `skip` holds. A mark written as a reference or an escape is
 * replaced whole: a full-width mark needs neither. */
function marksIn(
  value: string,
  raw: string,
  spans: [number, number][],
  start: Place,
  photo: boolean,
  skip: (local: number) => boolean = () => false,
): TextMark[] {
  const after = [...normalizePunctuation(value).text];
  const fixes: TextMark[] = [];
  // Each place found from the one before, so that a long paragraph is walked once.
  let place = start;
  let walked = 0;
  [...value].forEach((c, k) => {
    const [from, to] = spans[k]!;
    if (c === after[k] || skip(from)) return;
    place = past(place, raw.slice(walked, from));
    walked = from;
    fixes.push({ ...place, from: raw.slice(from, to), to: after[k]!, photo });
  });
  return fixes;
}

const FIGURE: Record<string, { prose: boolean }> = COMPONENTS.Figure;

/** Finds half-width , ; : ( ) ! ? inside Chinese text in the body, and in the words of its photos, an image's
 * description and a <Figure>'s alt and caption, which the page publishes too (frontmatter, code and addresses are left
 * alone), whether written as themselves or as a character reference (&#44;) or escape (\,). */
export function halfWidthMarks(parsed: ParsedFile): TextMark[] {
  const fixes: TextMark[] = [];
  const visit = (node: RootContent) => {
    // An autolink's text is its address (<https://…>, <tel:…>): a changed mark would change where it leads.
    if (node.type === 'link' && parsed.source[node.position?.start.offset ?? -1] === '<') return;
    if (node.type === 'text' && node.position) {
      const start = node.position.start as Place;
      const raw = parsed.source.slice(start.offset, node.position.end.offset);
      const spelt = spelling(raw, node.value, true);
      if (spelt?.end === raw.length) {
        const links = [...raw.matchAll(BROKEN_LINK)].map((m) => [m.index, m.index + m[0].length] as const);
        const inLink = (local: number) => links.some(([from, to]) => local >= from && local < to);
        fixes.push(...marksIn(node.value, raw, spelt.spans, start, false, inLink));
      }
    }
    // The description follows the ![, up to the ]; where it holds markup (![**粗**](…)) it is not found and left alone.
    if ((node.type === 'image' || node.type === 'imageReference') && node.alt && node.position) {
      const start = past(node.position.start as Place, '![');
      const raw = parsed.source.slice(start.offset, node.position.end.offset);
      const spelt = spelling(raw, node.alt, true);
      if (spelt && raw[spelt.end] === ']') fixes.push(...marksIn(node.alt, raw, spelt.spans, start, true));
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure')
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !attribute.position)
          continue;
        if (!FIGURE[attribute.name]?.prose) continue;
        // name="value" or name='value': the value's characters, between the quotes, never the quotes.
        const start = attribute.position.start as Place;
        const raw = parsed.source.slice(start.offset, attribute.position.end.offset);
        const open = raw.indexOf(raw.at(-1)!) + 1;
        const quoted = raw.slice(open, -1);
        const spelt = spelling(quoted, attribute.value, false);
        if (spelt?.end === quoted.length)
          fixes.push(...marksIn(attribute.value, quoted, spelt.spans, past(start, raw.slice(0, open)), true));
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
