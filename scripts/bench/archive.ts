// A deterministic synthetic archive for the benchmark: reports of ~16 remarks under 4-6 headings, Chinese text
// recombined from the seed report's own clauses, speakers and schools that recur across reports.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slugifyName } from '../../src/lib/slug.ts';

/** A small, fast, seeded PRNG (mulberry32), so every run writes the same archive. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽鸣卫东道寅晓青甫鑫向';
const PLACES = [
  '京源',
  '银河',
  '金顶街',
  '古城',
  '八角',
  '苹果园',
  '鲁谷',
  '老山',
  '广宁',
  '五里坨',
  '衙门口',
  '模式口',
  '杨庄',
  '西黄村',
  '永乐',
  '北辛安',
  '琅山',
  '田村',
  '玉泉',
  '石门',
];
const KINDS = [
  '小学',
  '中学',
  '第二小学',
  '实验小学',
  '幼儿园',
  '第一中学',
  '学校',
  '职业学校',
  '实验中学',
  '第四小学',
];
const ORGS = ['区委教工委', '考试中心', '教育研究中心', '少年宫', '教委机关'];
const ROLES = [
  '党支部书记',
  '党总支书记',
  '党总支副书记',
  '党支部副书记',
  '校长',
  '副校长',
  '书记',
  '副书记',
  '主任',
  '园长',
];
const HEADS = [
  '围绕中心',
  '严字当头',
  '抓住关键',
  '加强班子建设',
  '立足实际',
  '打造服务特色',
  '夯实基础',
  '落实规章制度',
  '发挥龙头作用',
  '党建统领',
  '凝聚人心',
  '服务师生',
  '创新载体',
  '务求实效',
  '从严治党',
  '队伍建设',
  '文化引领',
  '家校共育',
];

/** The seed report's clauses (between ，；。), the vocabulary of the synthetic text. */
async function clauses(contentDir: string): Promise<string[]> {
  const dir = join(contentDir, 'reports');
  const out: string[] = [];
  for (const report of await readdir(dir)) {
    for (const file of await readdir(join(dir, report, 'remarks'))) {
      const body = (await readFile(join(dir, report, 'remarks', file), 'utf8')).split('---').slice(2).join('---');
      out.push(
        ...body
          .split(/[，；。\n]/)
          .map((c) => c.trim())
          .filter((c) => c.length >= 4 && !/[“”（）《》]/.test(c)),
      );
    }
  }
  return out;
}

export interface ArchiveStats {
  reports: number;
  remarks: number;
  speakers: number;
  schools: number;
}

/** Writes an archive of about `remarks` remarks into `outDir/reports/`, from the clauses of `seedDir`. */
export async function writeArchive(outDir: string, remarks: number, seedDir = 'content'): Promise<ArchiveStats> {
  const rand = random(20150701);
  const vocabulary = await clauses(seedDir);
  const schools = [...ORGS, ...PLACES.flatMap((p) => KINDS.map((k) => p + k))];
  // About one speaker per 12 remarks: each speaks in a dozen reports over the years.
  const speakerCount = Math.max(9, Math.round(remarks / 12));
  const speakers = Array.from({ length: speakerCount }, (_, i) => ({
    name:
      SURNAMES[i % SURNAMES.length]! +
      GIVEN[(i * 7) % GIVEN.length]! +
      (i % 3 ? GIVEN[(i * 13 + 5) % GIVEN.length]! : ''),
    school: schools[i % schools.length]!,
    role: ROLES[i % ROLES.length]!,
  }));
  // A name may recur at another school; the slug then needs the school to stay unique.
  const seen = new Map<string, number>();
  const slugs = speakers.map((s) => {
    const base = slugifyName(s.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
  const paragraph = () => Array.from({ length: 4 + rand.int(6) }, () => rand.pick(vocabulary)).join('，') + '。';

  const reportCount = Math.max(1, Math.round(remarks / 16));
  let written = 0;
  for (let r = 0; r < reportCount; r++) {
    const year = 2015 + Math.floor(r / 12);
    const month = String((r % 12) + 1).padStart(2, '0');
    const id = `${year}-${month}-zuotanhui-${String(r + 1).padStart(4, '0')}`;
    const sectionCount = 4 + rand.int(3);
    const sections = Array.from(
      { length: sectionCount },
      (_, i) => `${HEADS[(r + i * 2) % HEADS.length]} ${HEADS[(r * 3 + i * 2 + 1) % HEADS.length]}（${i + 1}）`,
    );
    const count = r === reportCount - 1 ? remarks - written : Math.min(16, remarks - written);
    const dir = join(outDir, 'reports', id);
    await mkdir(join(dir, 'remarks'), { recursive: true });
    await writeFile(
      join(dir, 'index.md'),
      `---\ntitle: 第${r + 1}次党建工作座谈会 ${rand.pick(HEADS)} ${rand.pick(HEADS)}\ndate: "${year}-${month}"\nsections:\n${sections.map((s) => `  - ${s}`).join('\n')}\n---\n\n${paragraph()}\n`,
    );
    const orders = new Map<number, number>();
    const used = new Set<number>();
    for (let m = 0; m < count; m++) {
      let who = rand.int(speakers.length);
      while (used.has(who) && used.size < speakers.length) who = (who + 1) % speakers.length;
      used.add(who);
      const speaker = speakers[who]!;
      const section = m % sectionCount;
      const order = (orders.get(section) ?? 0) + 1;
      orders.set(section, order);
      const body = Array.from({ length: 1 + rand.int(3) }, paragraph).join('\n\n');
      await writeFile(
        join(dir, 'remarks', `${section + 1}-${order}-${slugs[who]}.md`),
        `---\nspeaker: ${speaker.name}\nschool: ${speaker.school}\nrole: ${speaker.role}\nsection: ${sections[section]}\norder: ${order}\nspeakerSlug: ${slugs[who]}\n---\n\n${body}\n`,
      );
      written++;
    }
  }
  return {
    reports: reportCount,
    remarks: written,
    speakers: speakerCount,
    schools: new Set(speakers.map((s) => s.school)).size,
  };
}
