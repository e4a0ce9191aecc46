// The content model: a report is a folder `content/reports/<id>/` with `index.md` (title, date, headings,
// editor's note) and `remarks/*.md|mdx` (one speaker's words under one heading).
import { defineCollection } from 'astro/content/config';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { checkContent, formatProblems, type Problem, type Schemas } from './lib/check.ts';
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
const slug = (label: string) =>
  z.string({ error: `${label}必须是一段文字` }).regex(SLUG_PATTERN, {
    error: `${label}只能用小写英文字母、数字和连字符（例如 ye-xianghong）`,
  });

/** Frontmatter of `content/reports/<id>/index.md`. */
export const reportSchema = z.strictObject({
  title: text(FIELD_LABELS.title),
  /** As precise as the source: a year, a month or a day, never invented. */
  date: z
    .union([z.string(), z.number(), z.date()], { error: '日期必须写成 2015、2015-07 或 2015-07-01' })
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
    .pipe(
      z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
        error: '日期必须写成 2015、2015-07 或 2015-07-01（只写原文给出的精度）',
      }),
    ),
  sections: z
    .array(text(FIELD_LABELS.section), { error: 'sections 必须是小标题列表，每行以“  - ”开头' })
    .min(1, { error: 'sections 至少要有一个小标题' })
    .refine((list) => new Set(list).size === list.length, { error: 'sections 中有重复的小标题' }),
  sectionSlugs: z.record(z.string(), slug(FIELD_LABELS.sectionSlugs)).optional(),
  source: text(FIELD_LABELS.source).optional(),
  publication: text(FIELD_LABELS.publication).optional(),
});

/** Frontmatter of `content/reports/<id>/remarks/*.md`. */
export const remarkSchema = z.strictObject({
  speaker: text(FIELD_LABELS.speaker),
  school: text(FIELD_LABELS.school),
  role: text(FIELD_LABELS.role),
  section: text(FIELD_LABELS.section),
  order: z
    .number({ error: '顺序号必须是数字，例如 order: 1' })
    .int({ error: '顺序号必须是整数' })
    .positive({ error: '顺序号从 1 开始' }),
  slug: slug(FIELD_LABELS.slug).optional(),
  speakerSlug: slug(FIELD_LABELS.speakerSlug).optional(),
  schoolSlug: slug(FIELD_LABELS.schoolSlug).optional(),
});

/** The content model as the content checks (src/lib/check.ts) and the scripts take it. */
export const contentModel: Schemas = { report: reportSchema, remark: remarkSchema, labels: FIELD_LABELS };

const split = (problems: Problem[]) => ({
  errors: problems.filter((p) => p.severity === 'error'),
  warnings: problems.filter((p) => p.severity === 'warning'),
});

/** The check of the sync under way, shared by both collections' loaders; the next sync starts a new one. */
let running: Promise<Problem[]> | undefined;

/**
 * Runs the content checks before the collection loads and stops the build with every problem, in Chinese with file
 * and line, before anything renders and before Astro's own validation can speak of the same files. `watch`: under
 * `astro dev`, check again on every change and print what is wrong (one collection asks for it).
 */
function checked(loader: Loader, { watch = false } = {}): Loader {
  return {
    ...loader,
    async load(context) {
      running ??= checkContent(contentDir, contentModel)
        .then((problems) => {
          const { warnings } = split(problems);
          if (warnings.length) context.logger.warn(`内容有 ${warnings.length} 处提醒：\n${formatProblems(warnings)}`);
          return problems;
        })
        .finally(() => (running = undefined));
      const { errors } = split(await running);
      if (errors.length) throw new Error(`内容有 ${errors.length} 处错误，网站没有生成：\n${formatProblems(errors)}`);
      if (watch)
        context.watcher?.on('all', (_event, path) => {
          if (!path.includes(`${contentDir.replace(/^\.\//, '')}/`)) return;
          void checkContent(contentDir, contentModel).then((problems) => {
            const again = split(problems);
            if (again.errors.length)
              context.logger.error(
                `内容有 ${again.errors.length} 处错误（发布前必须改正）：\n${formatProblems(again.errors)}`,
              );
          });
        });
      await loader.load(context);
    },
  };
}

const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  reports: defineCollection({
    loader: checked(glob({ pattern: '*/index.md', base: `${contentDir}/reports`, generateId: idFromPath })),
    schema: reportSchema,
  }),
  remarks: defineCollection({
    loader: checked(glob({ pattern: '*/remarks/*.{md,mdx}', base: `${contentDir}/reports`, generateId: idFromPath }), {
      watch: true,
    }),
    schema: remarkSchema,
  }),
};
