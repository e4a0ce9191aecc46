// `npm run check [-- --fix]`: checks every content file and explains each problem in Chinese (file:line:column, field,
// fix), then, if the content has no error, type-checks the project. `--fix` makes half-width punctuation in Chinese prose full-width, removes
// invisible characters (src/lib/invisible.ts) and the full-width spaces that indent a paragraph, makes a line or
// paragraph separator the line break it stands for, and makes a special space after a field's colon, or a list item's
// marker, a plain one.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { contentDir, contentModel } from '../src/content.config.ts';
import { checkContent, formatProblems } from '../src/lib/check.ts';
import {
  applyFieldSpaces,
  applyMarkFixes,
  halfWidthMarks,
  lineSeparators,
  listSpaces,
  paragraphIndents,
} from '../src/lib/check/fixes.ts';
import { readContent } from '../src/lib/check/read.ts';
import { readArgs } from '../src/lib/cli.ts';
import { findInvisible, removeInvisible } from '../src/lib/invisible.ts';

const { values } = readArgs(
  { options: { fix: { type: 'boolean', default: false }, 'content-only': { type: 'boolean', default: false } } },
  '用法：npm run check（或 npm run check -- --fix）',
);

if (values.fix) {
  // What each file had fixed, said once at the end. One fix can uncover another (a list marker behind an invisible
  // character is one only once that is gone), so the files are read again until a pass changes none. Each fix removes
  // a character or replaces one for good (a mark widened, a space made plain), so passes end; the cap is against a
  // mistake here, whose leftovers the check below reports.
  const done = new Map<string, number[]>();
  for (let pass = 0, changed = true; changed && pass < 5; pass++) {
    changed = false;
    const { files } = await readContent(contentDir, contentModel);
    for (const parsed of files.values()) {
      // Its encoding is said below; written back, its text would be the replacement marks it was read with.
      if (parsed.misencoded) continue;
      const marks = halfWidthMarks(parsed);
      const items = listSpaces(parsed);
      const breaks = lineSeparators(parsed);
      const indents = paragraphIndents(parsed);
      const hidden = findInvisible(parsed.source).length;
      const spaces = parsed.fieldSpaces.length;
      if (!marks.length && !items.length && !breaks.length && !indents.length && !hidden && !spaces) continue;
      // Marks before the invisible characters go: their offsets are in the file as read, which spaces made plain keep.
      const fixed = applyMarkFixes(applyFieldSpaces(parsed.source, parsed.fieldSpaces), [
        ...marks,
        ...items,
        ...breaks,
        ...indents,
      ]);
      await writeFile(parsed.file, removeInvisible(fixed));
      changed = true;
      const counts = [marks.length, hidden, spaces, items.length, breaks.length, indents.length];
      done.set(
        parsed.file,
        (done.get(parsed.file) ?? [0, 0, 0, 0, 0, 0]).map((n, i) => n + counts[i]!),
      );
    }
  }
  for (const [file, [marks, hidden, spaces, items, breaks, indents]] of done) {
    const said = [
      marks && `${marks} 个半角标点改为全角`,
      hidden && `删除 ${hidden} 个看不见的字符`,
      spaces && `${spaces} 个字段冒号后的特殊空格改为普通空格`,
      items && `${items} 个列表项目符号后的特殊空格改为普通空格`,
      breaks && `${breaks} 个看不见的换行符（U+2028、U+2029）改为换行，或从 frontmatter 删除`,
      indents && `删除 ${indents} 行行首的全角空格或不换行空格`,
    ];
    console.log(`已改正 ${file}：${said.filter(Boolean).join('，')}`);
  }
}

const { problems } = await checkContent(contentDir, contentModel);
const errors = problems.filter((p) => p.severity === 'error');
if (problems.length)
  console.log(
    `内容检查（${contentDir}/）：${errors.length} 处错误，${problems.length - errors.length} 处提醒\n${formatProblems(problems)}`,
  );
else console.log(`内容检查（${contentDir}/）：没有问题。`);

// The code's types after the content: astro check loads the content too, and would only say its errors again.
let failed = errors.length > 0;
if (!values['content-only']) {
  if (failed) console.log('\n内容改好后，再运行一次 npm run check，检查代码类型（astro check）。');
  else {
    console.log('\n检查代码类型（astro check）……');
    failed = spawnSync('npx', ['astro', 'check', '--minimumSeverity', 'error'], { stdio: 'inherit' }).status !== 0;
  }
}
process.exit(failed ? 1 : 0);
