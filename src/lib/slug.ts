import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The shape every URL segment must have: lowercase ASCII letters and digits in words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function syllables(text: string, surname = false): string {
  return pinyin(text, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off', v: true })
    .join('')
    .toLowerCase();
}

/**
 * A readable ASCII slug for Chinese text: pinyin per word (runs of one-character words merged),
 * words joined by hyphens; Latin letters and digits are kept.
 */
export function slugify(text: string): string {
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if (run) words.push(syllables(run));
    run = '';
  };
  for (const { segment } of segmenter.segment(text.normalize('NFKC'))) {
    if (HAN.test(segment)) {
      if ([...segment].length === 1) run += segment;
      else {
        flush();
        words.push(syllables(segment));
      }
    } else {
      flush();
      const ascii = segment.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      if (ascii.replace(/-/g, '')) words.push(ascii);
    }
  }
  flush();
  // pinyin-pro passes through what it cannot read (symbols, invisible characters): a slug keeps only a-z, 0-9, -.
  return words
    .join('-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A slug for a person's name: surname, hyphen, given name (叶向红 → ye-xianghong), surnames read as surnames. */
export function slugifyName(name: string): string {
  const chars = [...name.trim()];
  if (!chars.every((c) => HAN.test(c)) || chars.length < 2) return slugify(name);
  const parts = pinyin(name.trim(), { toneType: 'none', type: 'array', surname: 'head', v: true });
  // Two-character surnames (欧阳, 司马) are rare; a four-character name is taken as two plus two.
  const surnameLength = chars.length >= 4 ? 2 : 1;
  return [parts.slice(0, surnameLength).join(''), parts.slice(surnameLength).join('')]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** What a reader may type for a name or an organisation in pinyin: the full pinyin and the initials (叶向红 →
 * yexianghong, yxh), a person's surname read as a surname (单, 曾, 仇); empty for a text without Han characters. */
export function pinyinKeys(text: string, person: boolean): [string, string] {
  if (!HAN.test(text)) return ['', ''];
  const syllables = pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    surname: person ? 'head' : 'off',
    v: true,
  })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return [syllables.join(''), syllables.map((s) => s[0]).join('')];
}
