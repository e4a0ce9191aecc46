// Characters that show nothing on the page but change what the text is: a name made of a zero-width space looks
// empty and has no URL; a right-to-left override reverses what follows it, in the page and in its URL; two names
// that look the same but differ by one of these become two speakers. They come in from copied PDF and web text,
// never on purpose, so the checks refuse them and `npm run check -- --fix` removes them.

/** Each refused character and what it is called in messages. */
const NAMES: Record<number, string> = {
  0x00ad: '软连字符',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连字',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x202a: '从左到右嵌入',
  0x202b: '从右到左嵌入',
  0x202c: '方向格式结束符',
  0x202d: '从左到右强制符',
  0x202e: '从右到左强制符',
  0x2060: '单词连接符',
  0x2061: '不可见函数符',
  0x2062: '不可见乘号',
  0x2063: '不可见分隔符',
  0x2064: '不可见加号',
  0x2066: '从左到右隔离',
  0x2067: '从右到左隔离',
  0x2068: '首强隔离',
  0x2069: '方向隔离结束符',
  0xfeff: '零宽不换行空格（BOM）',
};

// Control characters other than tab and line breaks are invisible too, and break YAML and HTML.
const CHARS =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u200b\\u200c\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
// A zero-width joiner between two emoji is no stray: it makes them one picture (a man, a woman and a girl joined are
// one family), which without it would be three. Refused elsewhere. An emoji before it may carry its variation selector
// or skin tone.
const STRAY_JOINER =
  '(?<!\\p{Extended_Pictographic}(?:\\ufe0f|\\p{Emoji_Modifier})?)\\u200d|\\u200d(?!\\p{Extended_Pictographic})';

/** One refused character in a field value. */
export const INVISIBLE = new RegExp(`[${CHARS}]|${STRAY_JOINER}`, 'u');

const NAMED_REFS: Record<string, number> = {
  shy: 0xad,
  zwsp: 0x200b,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  nobreak: 0x2060,
  applyfunction: 0x2061,
  af: 0x2061,
  invisibletimes: 0x2062,
  it: 0x2062,
  invisiblecomma: 0x2063,
  ic: 0x2063,
};

/** A character, or a character reference (`&#x200B;`, `&zwj;`) that the page would turn into one. */
const CHAR_OR_REF = new RegExp(
  `[${CHARS}]|${STRAY_JOINER}|&#x[\\da-f]{1,8};|&#\\d{1,9};|&(?:${Object.keys(NAMED_REFS).join('|')});`,
  'giu',
);

/** The character a match of CHAR_OR_REF stands for. */
function decoded(written: string): string {
  if (!written.startsWith('&')) return written;
  const body = written.slice(1, -1).toLowerCase();
  const code = body.startsWith('#x')
    ? parseInt(body.slice(2), 16)
    : body.startsWith('#')
      ? Number(body.slice(1))
      : NAMED_REFS[body]!;
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** A character's name in messages: 零宽空格（U+200B）. */
export function invisibleName(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${NAMES[code] ?? '控制字符'}（${hex}）`;
}

/** Where a refused character is in Markdown text that starts at `firstLine` of its file. */
export interface InvisibleHit {
  line: number;
  column: number;
  offset: number;
  written: string;
  name: string;
}

/** Every refused character in Markdown text, as itself or as a character reference. */
export function findInvisible(text: string, firstLine = 1): InvisibleHit[] {
  const hits: InvisibleHit[] = [];
  for (const match of text.matchAll(CHAR_OR_REF)) {
    const char = decoded(match[0]);
    if (!INVISIBLE.test(char)) continue;
    const before = text.slice(0, match.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    hits.push({
      line: firstLine + (before.match(/\n/g)?.length ?? 0),
      column: [...before.slice(lineStart)].length + 1,
      offset: match.index,
      written: match[0],
      name: match[0] === char ? invisibleName(char) : `${invisibleName(char)}，写作 ${match[0]}`,
    });
  }
  return hits;
}

/** The text without any refused character (a leading BOM, which editors add and is no text, included). */
export function removeInvisible(text: string): string {
  return text.replace(CHAR_OR_REF, (written) => (INVISIBLE.test(decoded(written)) ? '' : written));
}
