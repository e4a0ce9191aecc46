// Addresses for an imported report's speakers and organisations whose pinyin another one already has, in this report
// or in the content folder: 王欣 and 王鑫 are both wang-xin, and two pages cannot share an address.
import { schoolSlugOf, speakerSlugOf, type RemarkInput } from '../model.ts';
import { slugify, slugifyName } from '../slug.ts';

/** The addresses in use: by speaker (name and school, as the site tells speakers apart) and by organisation. */
export interface TakenSlugs {
  speakers: Map<string, string>;
  orgs: Map<string, string>;
}

const speakerKey = (speaker: string, school: string) => `${speaker}\u0000${school}`;

/** The addresses the content folder's remarks give their speakers and organisations: the first remark's, as the site
 * takes them (src/lib/model.ts). */
export function takenSlugs(remarks: readonly RemarkInput[]): TakenSlugs {
  const taken: TakenSlugs = { speakers: new Map(), orgs: new Map() };
  for (const r of remarks) {
    const key = speakerKey(r.speaker, r.school);
    if (!taken.speakers.has(key)) taken.speakers.set(key, speakerSlugOf(r));
    if (!taken.orgs.has(r.school)) taken.orgs.set(r.school, schoolSlugOf(r));
  }
  return taken;
}

/** The first of the candidates that `used` lacks, or the last one numbered (-2, -3, …). */
function free(used: Set<string>, ...candidates: string[]): string {
  const found = candidates.find((c) => !used.has(c));
  if (found) return found;
  let n = 2;
  while (used.has(`${candidates.at(-1)}-${n}`)) n++;
  return `${candidates.at(-1)}-${n}`;
}

/** What the remarks of these speakers (in the order of the text) must write as `speakerSlug` and `schoolSlug`, where
 * the pinyin is taken: a speaker or organisation already in the content folder keeps its address; another one gets
 * its pinyin, or where that is taken, a speaker the pinyin with the organisation's (wang-xin-shiyan-zhongxue), an
 * organisation its pinyin numbered (-2). */
export function distinctSlugs(people: readonly { name: string; school: string }[], taken: TakenSlugs) {
  const speakers = new Map(taken.speakers);
  const orgs = new Map(taken.orgs);
  const usedBySpeakers = new Set(speakers.values());
  const usedByOrgs = new Set(orgs.values());
  for (const { name, school } of people) {
    // A name without pinyin has no address at all: the checks say so.
    const natural = slugify(school);
    if (!orgs.has(school) && natural) {
      const slug = free(usedByOrgs, natural);
      orgs.set(school, slug);
      usedByOrgs.add(slug);
    }
    const key = speakerKey(name, school);
    const pinyin = slugifyName(name);
    if (!speakers.has(key) && pinyin) {
      const slug = free(usedBySpeakers, pinyin, `${pinyin}-${orgs.get(school) ?? ''}`);
      speakers.set(key, slug);
      usedBySpeakers.add(slug);
    }
  }
  const unlessNatural = (slug: string | undefined, natural: string) => (slug === natural ? undefined : slug);
  return (speaker: string, school: string) => ({
    speakerSlug: unlessNatural(speakers.get(speakerKey(speaker, school)), slugifyName(speaker)),
    schoolSlug: unlessNatural(orgs.get(school), slugify(school)),
  });
}
