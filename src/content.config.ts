// The content model: a report is a folder `content/reports/<id>/` with `index.md` (title, date, headings,
// editor's note) and `remarks/*.md` (one speaker's words under one heading).
import { defineCollection, type SchemaContext } from 'astro/content/config';
import { z } from 'astro/zod';
import type { Schemas } from './lib/check/read.ts';
import { contentLoaders } from './lib/loader.ts';
import { isReportDate, reportDateFrom } from './lib/model.ts';
import { SLUG_PATTERN } from './lib/slug.ts';

/** Where the Markdown lives; the benchmark and the fixture tests point this elsewhere. */
export const contentDir = process.env.CONTENT_DIR ?? 'content';

/** What each frontmatter field is called in messages to editors: the schemas' own and the content checks'. */
export const FIELD_LABELS = {
  title: '标题',
  date: '日期',
  sections: '小标题列表',
  sectionSlugs: '小标题的网址名',
  source: '来源',
  publication: '刊载',
  repairs: '校勘记',
  speaker: '发言人姓名',
  school: '单位',
  role: '职务',
  section: '小标题',
  order: '在小标题下的顺序号',
  slug: '发言的锚点名',
  speakerSlug: '发言人的网址名',
  schoolSlug: '单位的网址名',
} as const;

const text = (label: string) =>
  z
    .string({ error: `${label}必须是一段文字` })
    .trim()
    .min(1, { error: `${label}是空的，请填写` });
const slug = (label: string, example: string) =>
  z.string({ error: `${label}必须是一段文字` }).regex(SLUG_PATTERN, {
    error: `${label}只能用小写英文字母、数字和连字符（例如 ${example}）`,
  });

/** Frontmatter of `content/reports/<id>/index.md`. */
export const reportSchema = z.strictObject({
  title: text(FIELD_LABELS.title),
  /** As precise as the source: a year, a month or a day, never invented. */
  date: z
    .union([z.string(), z.number(), z.date()], { error: '日期必须写成 2015、2015-07 或 2015-07-01' })
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
    .pipe(
      z.string().refine(isReportDate, {
        error: ({ input }) => {
          const meant = typeof input === 'string' ? reportDateFrom(input) : undefined;
          return `${meant ? `日期「${String(input)}」请写成 ${meant}：` : ''}日期必须写成 2015、2015-07 或 2015-07-01（只写原文给出的精度），且这一天要存在`;
        },
      }),
    ),
  sections: z
    .array(text(FIELD_LABELS.section), { error: 'sections 必须是小标题列表，每行以“  - ”开头' })
    .min(1, { error: 'sections 至少要有一个小标题' })
    .refine((list) => new Set(list).size === list.length, { error: 'sections 中有重复的小标题' }),
  sectionSlugs: z.record(z.string(), slug(FIELD_LABELS.sectionSlugs, 'fahui-longtou-zuoyong')).optional(),
  source: text(FIELD_LABELS.source).optional(),
  publication: text(FIELD_LABELS.publication).optional(),
  repairs: z
    .strictObject(
      {
        punctuation: z
          .number({ error: '校勘记的 punctuation 是改为全角的标点个数，例如 punctuation: 154' })
          .int({ error: '校勘记的 punctuation 必须是整数' })
          .nonnegative({ error: '校勘记的 punctuation 不能是负数' })
          .optional(),
        joins: z
          .array(
            z.strictObject({
              remark: text('校勘记中接合段落所在的发言（文件名，不含 .md；编者按写 note）'),
              after: text('校勘记中断开处前半段的结尾'),
              from: text('校勘记中后半段原来所在的小标题').optional(),
            }),
            { error: '校勘记的 joins 必须是列表，每项写 remark、after（和 from）' },
          )
          .optional(),
        intros: z
          .array(
            z.strictObject({
              remark: text('校勘记中早于单位职务介绍的发言（文件名，不含 .md）'),
              from: text('校勘记中写明单位职务的小标题'),
            }),
            { error: '校勘记的 intros 必须是列表，每项写 remark 和 from' },
          )
          .optional(),
      },
      { error: '校勘记（repairs）只能有 punctuation、joins、intros 三项' },
    )
    .optional(),
});

/** An order YAML read as text: digits in quotes (order: "2") or full-width ones (order: ２, typed in a Chinese input
 * method), said as that with the number to write; anything else (order: 第一) asked to be a number. */
function orderError({ input }: { input?: unknown }): string {
  const written = typeof input === 'string' ? input.trim() : '';
  const digits = written.normalize('NFKC');
  if (!/^\d+$/.test(digits)) return '顺序号必须是数字，例如 order: 1';
  return digits === written
    ? `顺序号必须是不加引号的数字：请写成 order: ${digits}`
    : `顺序号要用半角数字：请把「${written}」改成 ${digits}`;
}

/** Frontmatter of `content/reports/<id>/remarks/*.md`. */
export const remarkSchema = z.strictObject({
  speaker: text(FIELD_LABELS.speaker),
  school: text(FIELD_LABELS.school),
  role: text(FIELD_LABELS.role),
  section: text(FIELD_LABELS.section),
  order: z.number({ error: orderError }).int({ error: '顺序号必须是整数' }).positive({ error: '顺序号从 1 开始' }),
  slug: slug(FIELD_LABELS.slug, '1-1-ye-xianghong').optional(),
  speakerSlug: slug(FIELD_LABELS.speakerSlug, 'ye-xianghong').optional(),
  schoolSlug: slug(FIELD_LABELS.schoolSlug, 'jingyuan-xuexiao').optional(),
});

/** The content model as the content checks (src/lib/check/read.ts) and the scripts take it. */
export const contentModel: Schemas = { report: reportSchema, remark: remarkSchema, labels: FIELD_LABELS };

const loaders = contentLoaders(contentDir, contentModel);

/** The photos of a file, in order: written by the loader from its <Figure>s and images (src/lib/mdx.ts), never by an
 * editor (the frontmatter schemas above have no such field), so that Astro's asset pipeline makes their copies. */
const photos = ({ image }: SchemaContext) => ({ photos: z.array(image()).optional() });

export const collections = {
  reports: defineCollection({ loader: loaders.reports, schema: (context) => reportSchema.extend(photos(context)) }),
  remarks: defineCollection({ loader: loaders.remarks, schema: (context) => remarkSchema.extend(photos(context)) }),
};
