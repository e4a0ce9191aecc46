import { parse } from 'yaml';
import type { Repairs } from '../model.ts';
import { slugifyName } from '../slug.ts';
import type { RemarkDraft } from './assemble.ts';

/** A file of the report folder: its path inside the folder and its text. */
export interface OutputFile {
  path: string;
  text: string;
}

/** Words that YAML 1.1 readers take for booleans or null even though YAML 1.2 does not. */
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** Values already written: every remark repeats its speaker's name, school and role and its heading. */
const scalars = new Map<string, string>();

/** A YAML value as the seed writes it: plain when it reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  let written = scalars.get(value);
  if (written === undefined) scalars.set(value, (written = writeScalar(value)));
  return written;
}

function writeScalar(value: string): string {
  let same: boolean;
  try {
    same = (parse(`v: ${value}`) as { v?: unknown } | null)?.v === value;
  } catch {
    same = false;
  }
  // Digits, dashes and colons alone could read as a number, date or time in some YAML reader.
  const numberLike = /^[\d\s.:+\-_]+$/.test(value);
  return same && value.trim() === value && !YAML11_WORDS.test(value) && !numberLike ? value : JSON.stringify(value);
}

/** Escapes what Markdown would read as markup, so the paragraph renders as the printed text (none occurs in the seed). */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_<>[\]~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^(#+|[-+=])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function body(paragraphs: string[]): string {
  return paragraphs.length ? `\n${paragraphs.map(escapeMarkdown).join('\n\n')}\n` : '';
}

/** `index.md`: title, date (quoted, as precise as given), headings, the record of repairs (`Repairs` in
 * src/lib/model.ts), and the editor's note as the body. */
export function renderIndex(title: string, date: string, sections: string[], note: string[], repairs: Repairs): string {
  const { punctuation = 0, joins = [], intros = [] } = repairs;
  const record = [
    ...(punctuation ? [`  punctuation: ${punctuation}`] : []),
    ...(joins.length ? ['  joins:'] : []),
    ...joins.flatMap((j) => [
      `    - remark: ${yamlScalar(j.remark)}`,
      `      after: ${yamlScalar(j.after)}`,
      ...(j.from ? [`      from: ${yamlScalar(j.from)}`] : []),
    ]),
    ...(intros.length ? ['  intros:'] : []),
    ...intros.flatMap((i) => [`    - remark: ${yamlScalar(i.remark)}`, `      from: ${yamlScalar(i.from)}`]),
  ];
  const front = [
    '---',
    `title: ${yamlScalar(title)}`,
    `date: ${JSON.stringify(date)}`,
    'sections:',
    ...sections.map((s) => `  - ${yamlScalar(s)}`),
    ...(record.length ? ['repairs:', ...record] : []),
    '---',
  ];
  return `${front.join('\n')}\n${body(note)}`;
}

/** A remark file: frontmatter speaker, school, role, section, order (in that order), and the addresses of the
 * speaker's and organisation's pages where their pinyin is taken (src/lib/importer/slugs.ts), then the paragraphs. */
export function renderRemark(
  remark: RemarkDraft,
  section: string,
  { speakerSlug, schoolSlug }: { speakerSlug?: string | undefined; schoolSlug?: string | undefined } = {},
): string {
  const front = [
    '---',
    `speaker: ${yamlScalar(remark.speaker)}`,
    `school: ${yamlScalar(remark.school)}`,
    `role: ${yamlScalar(remark.role)}`,
    `section: ${yamlScalar(section)}`,
    `order: ${remark.order}`,
    ...(speakerSlug ? [`speakerSlug: ${speakerSlug}`] : []),
    ...(schoolSlug ? [`schoolSlug: ${schoolSlug}`] : []),
    '---',
  ];
  return `${front.join('\n')}\n${body(remark.paragraphs)}`;
}

/** `remarks/<heading number>-<position>-<speaker slug>.md`, e.g. remarks/3-3-wang-fu.md. */
export function remarkPath(remark: RemarkDraft): string {
  return `remarks/${remark.section + 1}-${remark.order}-${slugifyName(remark.speaker) || 'speaker'}.md`;
}
