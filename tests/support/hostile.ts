// Generated content folders made to trip the checks: frontmatter values and bodies mixing Chinese with invisible
// and direction characters, addresses a browser would run or fetch from elsewhere, HTML-ish text and characters that
// break YAML. Used by the checker's fuzz test (tests/unit) and the few generated builds (tests/build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const HAN = ['张', '三', '李', '四', '实验', '中学', '书记', '学习', '服务', '党', '支部', '教师', '人民', '满意'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069'];
const MORE_INVISIBLE = ['\ufeff', '\u00ad', '\u0001', '\u007f', '\u0085'];
const YAML_BREAKING = [
  ':',
  ': ',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\t',
  '- ',
  '?',
  ',',
];
const MARKS = ['！', '！！', '..', '。', '·', '—', '…', '-', '_', ' ', '  ', '/', '\\', '#', '?'];
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java&#115;cript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'https://evil.example/x.png',
  '//evil.example/x',
  '\\\\evil.example/x',
];
const SAFE_URLS = ['https://example.org/', 'http://example.org/a', 'mailto:a@example.org', '/reports/', '#top', './a'];

const pick = (list: string[]) => fc.constantFrom(...list);

/** A piece of a name or heading: mostly Chinese, sometimes something hostile. */
const piece = (hostile: boolean) =>
  hostile
    ? fc.oneof(
        { weight: 4, arbitrary: pick(HAN) },
        { weight: 2, arbitrary: pick(INVISIBLE) },
        { weight: 1, arbitrary: pick(MORE_INVISIBLE) },
        { weight: 2, arbitrary: pick(YAML_BREAKING) },
        { weight: 2, arbitrary: pick(MARKS) },
        { weight: 1, arbitrary: pick(HOSTILE_URLS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
      )
    : fc.oneof({ weight: 6, arbitrary: pick(HAN) }, { weight: 1, arbitrary: pick(['A', 'b2', ' ', '·', '（一）']) });

/** A one-line frontmatter value, written bare or in double quotes (with YAML's escapes). */
const value = (hostile: boolean) =>
  fc.record({
    text: fc
      .tuple(
        // What a value starts with decides most of how YAML reads it.
        hostile ? fc.oneof(fc.constant(''), pick(YAML_BREAKING.map((c) => c.trim() || c))) : fc.constant(''),
        fc.array(piece(hostile), { minLength: hostile ? 0 : 1, maxLength: 5 }),
      )
      .map(([start, rest]) => start + rest.join('')),
    quoted: hostile ? fc.boolean() : fc.constant(true),
  });

const inline = (hostile: boolean) => {
  const url = hostile ? fc.oneof(pick(HOSTILE_URLS), pick(SAFE_URLS)) : pick(SAFE_URLS.filter((u) => u !== './a'));
  const forms = [
    url.map((u) => `[点此](${u})`),
    url.map((u) => `<${u}>`),
    url.map((u) => `[引][r]\n\n[r]: ${u}\n`),
    fc.constant('**加粗**'),
    pick(HAN),
  ];
  if (!hostile) return fc.oneof(...forms);
  return fc.oneof(
    ...forms,
    url.map((u) => `![图](${u})`),
    url.map((u) => `![图][i]\n\n[i]: ${u}\n`),
    pick(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">a</a>', '&lt;b&gt;']),
    pick(['&#x200B;', '&zwj;', '&#8238;', '&amp;', '&#0;']),
    pick(INVISIBLE),
    pick(YAML_BREAKING),
    pick(['\n---\n', '\n# 标题\n', '\n    缩进\n', '\n```\n代码\n```\n', '\n> 引用\n', '[^1]\n\n[^1]: 注\n']),
    fc.string({ maxLength: 6 }),
  );
};

/** A body: Chinese text with inline pieces, hostile or not. */
const body = (hostile: boolean) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: pick(HAN) }, { weight: 2, arbitrary: inline(hostile) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => `开展活动${parts.join('')}，凝聚人心。`);

export interface HostileSample {
  speaker: { text: string; quoted: boolean };
  school: { text: string; quoted: boolean };
  role: { text: string; quoted: boolean };
  section: { text: string; quoted: boolean };
  title: { text: string; quoted: boolean };
  remarkBody: string;
  noteBody: string;
}

/** A content folder's generated parts; `hostile: false` gives content that should build. */
export const sample = (hostile: boolean): fc.Arbitrary<HostileSample> =>
  fc.record({
    speaker: value(hostile),
    school: value(hostile),
    role: value(hostile),
    section: value(hostile),
    title: value(hostile),
    remarkBody: body(hostile),
    noteBody: body(hostile),
  });

const yaml = ({ text, quoted }: { text: string; quoted: boolean }) => (quoted ? JSON.stringify(text) : text);

/** Writes a sample as a content folder under `dir` (a report with two headings, a valid remark and the sample's). */
export function writeSample(dir: string, s: HostileSample): string[] {
  const report = join(dir, 'reports/test-report');
  mkdirSync(join(report, 'remarks'), { recursive: true });
  const files = {
    'index.md': `---\ntitle: ${yaml(s.title)}\ndate: "2016-07"\nsections:\n  - 第一部分 学习\n  - ${yaml(s.section)}\n---\n\n${s.noteBody}\n`,
    'remarks/1-1-zhang-san.md':
      '---\nspeaker: 张三\nschool: 实验中学\nrole: 校长\nsection: 第一部分 学习\norder: 1\n---\n\n认真学习，服务师生。\n',
    'remarks/2-1-sample.md': `---\nspeaker: ${yaml(s.speaker)}\nschool: ${yaml(s.school)}\nrole: ${yaml(s.role)}\nsection: ${yaml(s.section)}\norder: 1\n---\n\n${s.remarkBody}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(report, name), text);
  return Object.keys(files).map((name) => `reports/test-report/${name}`);
}

/** An English sentence of the kind parsers write ("Implicit keys need to be on a single line"). */
export const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/;

/** A message's own words: without what it quotes from the file (「…」) and without the command it names. */
export const ownWords = (message: string) =>
  message
    .replace(/「[^」]*」/gu, '')
    .replace(/npm run check -- --fix/g, '')
    .replace(/npm run check/g, '');
