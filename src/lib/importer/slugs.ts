// Addresses for an imported report's speakers and organisations whose pinyin another one already has, in this report
// or in the content folder: 王欣 and 王鑫 are both wang-xin, and two pages cannot share an address.
import type { ContentEntry } from '../check/read.ts';
import { removeInvisible } from '../invisible.ts';
import { paths, schoolSlugOf, speakerSlugOf, type RemarkInput } from '../model.ts';
import { slugify, slugifyName } from '../slug.ts';

/** The addresses in use: by speaker (name and school, as the site tells speakers apart) and by organisation. */
export interface TakenSlugs {
  speakers: Map<string, string>;
  orgs: Map<string, string>;
}

const speakerKey = (speaker: string, school: string) => `${speaker}\u0000${school}`;

/** What a remark whose frontmatter the checks refuse still says of its speaker: the fields that are text. */
function claimed(entry: ContentEntry): Pick<RemarkInput, 'speaker' | 'school' | 'speakerSlug' | 'schoolSlug'>[] {
  const data = entry.parsed.data ?? {};
  // As --fix will leave it (no invisible character) and as the site reads it (trimmed).
  const text = (field: string) => (typeof data[field] === 'string' ? removeInvisible(data[field]).trim() : undefined);
  const [speaker, school] = [text('speaker'), text('school')];
  return speaker && school
    ? [{ speaker, school, speakerSlug: text('speakerSlug'), schoolSlug: text('schoolSlug') }]
    : [];
}

/** The addresses the content folder's remarks give their speakers and organisations: the first remark's, as the site
 * takes them (src/lib/model.ts); then those of the remarks the checks refuse (`entries` has them), whose addresses are
 * theirs once they are mended, and which a new speaker must not be given meanwhile. */
export function takenSlugs(remarks: readonly RemarkInput[], entries: readonly ContentEntry[] = []): TakenSlugs {
  const taken: TakenSlugs = { speakers: new Map(), orgs: new Map() };
  const valid = new Set(remarks.map((r) => r.file));
  const refused = entries.filter((e) => e.collection === 'remarks' && !valid.has(e.parsed.file)).flatMap(claimed);
  for (const r of [...remarks, ...refused]) {
    const key = speakerKey(r.speaker, r.school);
    if (!taken.speakers.has(key)) taken.speakers.set(key, speakerSlugOf(r));
    if (!taken.orgs.has(r.school)) taken.orgs.set(r.school, schoolSlugOf(r));
  }
  return taken;
}

/** The first of the candidates that `used` lacks, or the last one numbered (-2, -3, …). */
function free(used: { has(slug: string): boolean }, ...candidates: string[]): string {
  const found = candidates.find((c) => !used.has(c));
  if (found) return found;
  let n = 2;
  while (used.has(`${candidates.at(-1)}-${n}`)) n++;
  return `${candidates.at(-1)}-${n}`;
}

/** Where a name's pinyin was taken: the address given instead, and who has the pinyin. */
export interface Readdressed {
  slug: string;
  /** The speaker (name and organisation) or the organisation whose address the pinyin is. */
  holder: string;
}

/** What the remarks of these speakers (in the order of the text) must write as `speakerSlug` and `schoolSlug`, where
 * the pinyin is taken: a speaker or organisation already in the content folder keeps its address; another one gets
 * its pinyin, or where that is taken, a speaker the pinyin with the organisation's (wang-xin-shiyan-zhongxue), an
 * organisation its pinyin numbered (-2). */
export function distinctSlugs(people: readonly { name: string; school: string }[], taken: TakenSlugs) {
  const speakers = new Map(taken.speakers);
  const orgs = new Map(taken.orgs);
  // Who has each address, to say so.
  const speakerAt = new Map([...speakers].map(([key, slug]) => [slug, key.replace('\u0000', '（') + '）']));
  const orgAt = new Map([...orgs].map(([school, slug]) => [slug, school]));
  const moved = { speakers: new Map<string, Readdressed>(), orgs: new Map<string, Readdressed>() };
  for (const { name, school } of people) {
    // A name without pinyin has no address at all: the checks say so.
    const natural = slugify(school);
    if (!orgs.has(school) && natural) {
      const slug = free(orgAt, natural);
      if (slug !== natural) moved.orgs.set(school, { slug, holder: orgAt.get(natural)! });
      orgs.set(school, slug);
      orgAt.set(slug, school);
    }
    const key = speakerKey(name, school);
    const pinyin = slugifyName(name);
    if (!speakers.has(key) && pinyin) {
      const org = orgs.get(school);
      const slug = free(speakerAt, pinyin, ...(org ? [`${pinyin}-${org}`] : []));
      if (slug !== pinyin) moved.speakers.set(key, { slug, holder: speakerAt.get(pinyin)! });
      speakers.set(key, slug);
      speakerAt.set(slug, `${name}（${school}）`);
    }
  }
  const unlessNatural = (slug: string | undefined, natural: string) => (slug === natural ? undefined : slug);
  return (speaker: string, school: string) => ({
    speakerSlug: unlessNatural(speakers.get(speakerKey(speaker, school)), slugifyName(speaker)),
    schoolSlug: unlessNatural(orgs.get(school), slugify(school)),
    /** Set where this call gave a new address because the pinyin was taken. */
    movedSpeaker: moved.speakers.get(speakerKey(speaker, school)),
    movedOrg: moved.orgs.get(school),
  });
}

/** What the editor is told of a speaker given an address other than their pinyin, and of their organisation: whose
 * address the pinyin is, and what to do if that is the same person or organisation written otherwise. */
export function readdressedLines(
  speaker: string,
  school: string,
  { movedSpeaker, movedOrg }: { movedSpeaker?: Readdressed | undefined; movedOrg?: Readdressed | undefined },
): string[] {
  return [
    ...(movedSpeaker
      ? [
          `发言人${speaker}（${school}）的拼音网址 ${paths.speaker({ slug: slugifyName(speaker) })} 已是${movedSpeaker.holder}的，另设为 ${paths.speaker({ slug: movedSpeaker.slug })}（speakerSlug）。如果其实是同一个人，请把名字和单位写成与那里一样。`,
        ]
      : []),
    ...(movedOrg
      ? [
          `单位「${school}」的拼音网址 ${paths.org({ slug: slugify(school) })} 已是「${movedOrg.holder}」的，另设为 ${paths.org({ slug: movedOrg.slug })}（schoolSlug）。如果其实是同一个单位，请把名字写成与那里一样。`,
        ]
      : []),
  ];
}
