// What an import must pass before it is written: the checks that `npm run check` and the build make, on the report as
// it would be written, together with the reports already in the content folder (src/lib/importer/write.ts runs it).
import { checkRead } from '../check.ts';
import type { Problem } from '../check/parse.ts';
import { readContent, replaceReport, type ContentRead, type Schemas } from '../check/read.ts';
import { ImportError } from './errors.ts';
import type { Verify } from './write.ts';

/** A problem, to tell one found before an import from one the import brings. */
const key = (p: Problem) => `${p.file}:${p.line}:${p.message}`;

/** How many characters of a line a refusal quotes. */
const QUOTED = 30;

/** The report as written must pass the checks that `npm run check` and the build make, or nothing is written: what
 * the importer keeps of the text can break them, and a report may clash with another. `present`: the content folder
 * as `readContent` read it. */
export const passesChecks =
  (present: ContentRead, id: string, schemas: Schemas): Verify =>
  async (root, shown) => {
    const staged = await readContent(root, schemas);
    // With the reports already there (the one replaced left out), for the rules across reports, such as one address
    // per speaker; what those reports get wrong on their own is not this import's to refuse.
    const before = new Set(checkRead(replaceReport(present, id)).problems.map(key));
    const { problems, entries } = checkRead(replaceReport(present, id, staged));
    const errors = problems.filter((p) => p.severity === 'error' && !before.has(key(p)));
    if (!errors.length) return;
    // The words at the place, so that the editor can find them in the text they imported.
    const wordsAt = ({ file, line, column }: Problem) => {
      const text = entries.find((e) => e.parsed.file === file)?.parsed.source.split('\n')[line - 1] ?? '';
      const from = Math.max(0, column - 1 - QUOTED / 2);
      const words = text.slice(from, from + QUOTED).trim();
      return words && `（「${from > 0 ? '…' : ''}${words}${from + QUOTED < text.length ? '…' : ''}」）`;
    };
    throw new ImportError(
      '导入的结果通不过内容检查（npm run check 和网站构建做的检查），没有写入任何文件。问题来自原文：请在原文中找到下面引出的文字改好，再导入一次。',
      errors.map((p) => shown(p.line ? `${p.file}:${p.line}${wordsAt(p)}：${p.message}` : `${p.file}：${p.message}`)),
    );
  };
