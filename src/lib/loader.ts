// The content collections' loader: one read of the content folder per sync, checked first (src/lib/check.ts), and
// the site's entries stored from that same read, so that no file is read or parsed twice.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkContent, formatProblems, type ContentCheck } from './check.ts';
import type { Problem } from './check/parse.ts';
import type { ContentEntry, Schemas } from './check/read.ts';
import type { RootContent } from 'mdast';
import { renderMdx } from './mdx.ts';

export type CollectionName = ContentEntry['collection'];

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/**
 * `renderMarkdown` and the renderer take a `---` block at the start of what they are given for frontmatter: a body
 * that opens with a thematic break (---) and has another one later would lose the text between them. An empty
 * frontmatter ahead keeps the body whole.
 */
const EMPTY_FRONTMATTER = '---\n---\n';

/**
 * A link of content to a page of the site is written from the domain root (`/reports/…`), the one form the checks let
 * through (src/lib/safe-url.ts), since a remark is shown on several pages; the site may be served under a base path.
 * Content holds no HTML of its own (the checks refuse it), so every `href` is a link the renderer wrote, quoted so.
 */
const underBase = (html: string, base: string) =>
  base === '/' || !base ? html : html.replaceAll(' href="/', ` href="${base.replace(/\/$/, '')}/`);

/** Whether a Markdown node is or holds an image. */
const hasImage = (node: RootContent): boolean =>
  node.type === 'image' || node.type === 'imageReference' || ('children' in node && node.children.some(hasImage));

/** The entries of one collection that the checks let through: a file with an error of its own is left out, and so
 * is a remark whose report's index.md is (under `astro dev`, which goes on with the valid files, the pages would
 * otherwise stop on a remark of no report). */
export function validEntries(check: ContentCheck, collection: CollectionName): ContentEntry[] {
  const invalid = new Set(errorsOf(check.problems).map((p) => p.file));
  const valid = (e: ContentEntry) => e.parsed.data !== undefined && !invalid.has(e.parsed.file);
  const reports = new Set(check.entries.filter((e) => e.collection === 'reports' && valid(e)).map((e) => e.id));
  return check.entries.filter(
    (e) =>
      e.collection === collection &&
      valid(e) &&
      (collection === 'reports' || reports.has(`${e.id.split('/')[0]!}/index`)),
  );
}

/**
 * Brings a collection's store up to date with one read: stores the valid files (unchanged ones are kept as they are,
 * unrendered again), and drops entries whose file is gone. An invalid file keeps its last valid entry, so that under
 * `astro dev` a page does not vanish while its file is being edited.
 */
export async function fillStore(context: LoaderContext, check: ContentCheck, collection: CollectionName) {
  const { store } = context;
  const root = fileURLToPath(context.config.root);
  const present = new Set(check.entries.filter((e) => e.collection === collection).map((e) => e.id));
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
  for (const { id, parsed } of validEntries(check, collection)) {
    // The path too: the same text from another folder (another content folder, a report moved) renders anew, with
    // its photos found beside it rather than beside the file it was first read from.
    // And the base path, which the links are rendered under.
    const digest = context.generateDigest(`${parsed.file}\n${context.config.base}\n${parsed.source}`);
    if (store.get(id)?.digest === digest) continue;
    const path = resolve(parsed.file);
    // An .mdx file is made into HTML from the tree the checks read, never compiled: nothing in it can run. Its
    // photos go into its data, where the collection's `image()` hands them to Astro's asset pipeline.
    let rendered: Awaited<ReturnType<LoaderContext['renderMarkdown']>>;
    let photos: string[] = [];
    // So is a .md file with an image: its photo gets the sized copies a <Figure>'s does, where Astro's Markdown
    // image would be published at the file's own size.
    if (parsed.mdx || parsed.body.some(hasImage)) ({ photos, ...rendered } = renderMdx(parsed.body));
    else rendered = await context.renderMarkdown(EMPTY_FRONTMATTER + parsed.markdown, { fileURL: pathToFileURL(path) });
    rendered.html = underBase(rendered.html, context.config.base);
    const data = photos.length ? { ...parsed.data!, photos } : parsed.data!;
    // No `body` (as the glob loader's `retainBody: false`): nothing reads it, and at 8,000 remarks it was a third of
    // the store that every page's build process holds in memory.
    store.set({
      id,
      data: await context.parseData({ id, data, filePath: path }),
      filePath: relative(root, path).split(sep).join('/'),
      digest,
      rendered,
      ...(rendered.metadata?.imagePaths && { assetImports: rendered.metadata.imagePaths }),
    });
  }
}

/**
 * Both collections' loaders. They share one read and check of `dir` per sync, and stop the build with every error
 * in Chinese before anything renders. Under `astro dev`, a change under `dir` reads and checks it again, prints the
 * errors and stores the valid files.
 */
export function contentLoaders(dir: string, schemas: Schemas): Record<CollectionName, Loader> {
  let running: Promise<ContentCheck> | undefined;
  // Both collections load at once: the second joins the first's read; the next sync or change starts a new one.
  const read = (context: LoaderContext, refresh: boolean) =>
    (running ??= checkContent(dir, schemas)
      .then((check) => {
        const errors = errorsOf(check.problems);
        const warnings = check.problems.filter((p) => p.severity === 'warning');
        // Under `astro dev`, the errors are said and the preview goes on with the valid files, so that an editor
        // can mend a file while the others show.
        if ((refresh || context.watcher) && errors.length)
          context.logger.error(
            `内容有 ${errors.length} 处错误（发布前必须改正；改好并保存以前，预览里没有出错的文件，或只有它上次没有错误时的样子）：\n${formatProblems(errors)}`,
          );
        if (!refresh && warnings.length)
          context.logger.warn(`内容有 ${warnings.length} 处提醒：\n${formatProblems(warnings)}`);
        return check;
      })
      .finally(() => (running = undefined)));

  const loader = (collection: CollectionName): Loader => ({
    name: 'content-loader',
    async load(context) {
      if (context.watcher) watch(context, collection);
      const check = await read(context, false);
      const errors = errorsOf(check.problems);
      if (errors.length && !context.watcher) {
        const error = new Error(`内容有 ${errors.length} 处错误，网站没有生成：\n${formatProblems(errors)}`);
        // The mistakes are the editor's, not the code's: Astro prints a stack trace only for an error that has one.
        error.stack = '';
        throw error;
      }
      await fillStore(context, check, collection);
    },
  });

  const watch = (context: LoaderContext, collection: CollectionName) => {
    const base = resolve(dir) + sep;
    let syncing: Promise<void> | undefined;
    let again = false;
    // A change that comes while a read is under way may be missed by it: read once more after it.
    const sync = async () => {
      do {
        again = false;
        await fillStore(context, await read(context, true), collection);
      } while (again);
    };
    context.watcher!.add(resolve(dir));
    context.watcher!.on('all', (_event, path) => {
      if (!resolve(path).startsWith(base)) return;
      if (syncing) again = true;
      else
        syncing = sync()
          .catch((error: unknown) => context.logger.error(String(error)))
          .finally(() => (syncing = undefined));
    });
  };

  return { reports: loader('reports'), remarks: loader('remarks') };
}
