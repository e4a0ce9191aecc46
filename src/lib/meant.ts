import { closest, distance } from 'fastest-levenshtein';
import { slugify } from './slug.ts';

/** The one of `options` that `written` is likely a slip for: the same in pinyin (a traditional form, a homophone, a
 * space), or close in characters (at most a third of them differ); none when none is, as a suggestion far from what
 * was written misleads. */
export function meant(written: string, options: string[]): string | undefined {
  // Without the hyphens, which fall where words are found, and a traditional text's words are found otherwise.
  const sound = (text: string) => slugify(text).replaceAll('-', '');
  const same = sound(written) ? options.find((o) => sound(o) === sound(written)) : undefined;
  if (same !== undefined || !options.length) return same;
  // One phrase of a heading (服务 for 第二部分 服务), as an editor remembers it: the heading, if only one holds it.
  const holding = [...written.trim()].length >= 2 ? options.filter((o) => o.includes(written.trim())) : [];
  if (holding.length === 1) return holding[0];
  const guess = closest(written, options);
  return distance(written, guess) <= Math.max(1, written.length / 3) ? guess : undefined;
}

/** The one of `names` (field or attribute names, all in lower case) that `name` is likely a slip for: at most `most`
 * letters apart, compared in lower case, as capitals (Role, ALT) are one letter's difference each. */
export function nameMeant(name: string, names: string[], most: number): string | undefined {
  const lower = name.toLowerCase();
  const guess = closest(lower, names);
  return distance(lower, guess) <= most ? guess : undefined;
}
