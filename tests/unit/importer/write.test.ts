import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { contentModel } from '../../../src/content.config.ts';
import { readContent } from '../../../src/lib/check/read.ts';
import { passesChecks } from '../../../src/lib/importer/verify.ts';
import { writeReport } from '../../../src/lib/importer/write.ts';
import { readTree, root } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'import-write-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const files = [
  { path: 'index.md', text: '---\ntitle: 新\n---\n' },
  { path: 'remarks/1-1-zhang-san.md', text: '一\n' },
];

describe('writeReport', () => {
  it('creates the report folder with every file and leaves no temporary folder', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    const target = await writeReport(dir, 'r', files, false);
    expect(target).toBe(join(dir, 'reports/r'));
    expect(readTree(target)).toEqual(new Map(files.map((f) => [f.path, f.text])));
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r']);
  });

  it('refuses to overwrite an existing report without force, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    mkdirSync(join(dir, 'reports/r'), { recursive: true });
    writeFileSync(join(dir, 'reports/r/index.md'), '旧');
    await expect(writeReport(dir, 'r', files, false)).rejects.toThrow(ImportError);
    await expect(writeReport(dir, 'r', files, false)).rejects.toThrow('--force');
    expect(readTree(join(dir, 'reports/r'))).toEqual(new Map([['index.md', '旧']]));
  });

  it('replaces the whole folder with force: files no longer produced disappear', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    mkdirSync(join(dir, 'reports/r/remarks'), { recursive: true });
    writeFileSync(join(dir, 'reports/r/remarks/9-9-old.md'), '旧');
    await writeReport(dir, 'r', files, true);
    expect([...readTree(join(dir, 'reports/r')).keys()].sort()).toEqual(['index.md', 'remarks/1-1-zhang-san.md']);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r']);
  });

  it('writes nothing when a file fails, and keeps the old report when replacing', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    const clash = [...files, { path: 'index.md', text: 'again' }];
    await expect(writeReport(dir, 'r', clash, false)).rejects.toThrow();
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);
    mkdirSync(join(dir, 'reports/r'));
    writeFileSync(join(dir, 'reports/r/index.md'), '旧');
    await expect(writeReport(dir, 'r', clash, true)).rejects.toThrow();
    expect(readFileSync(join(dir, 'reports/r/index.md'), 'utf8')).toBe('旧');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r']);
    expect(existsSync(join(dir, 'reports/r/remarks'))).toBe(false);
  });
});

describe('writeReport with the checks (passesChecks)', () => {
  const valid = join(root, 'tests/fixtures/content/valid/content/reports/test-report');
  const report = [
    { path: 'index.md', text: readFileSync(join(valid, 'index.md'), 'utf8') },
    ...readdirSync(join(valid, 'remarks')).map((name) => ({
      path: `remarks/${name}`,
      text: readFileSync(join(valid, 'remarks', name), 'utf8'),
    })),
  ];

  it('writes a report that passes them', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    await writeReport(dir, 'r', report, false, passesChecks(await readContent(dir, contentModel), 'r', contentModel));
    expect(readdirSync(join(dir, 'reports/r/remarks')).sort()).toEqual(['1-1-zhang-san.md', '2-1-li-si.md']);
  });

  it('refuses one that does not, naming where each problem would be and the words there, and writes nothing', async () => {
    const dir = mkdtempSync(join(temp, 'c-'));
    const broken = report.map((f) =>
      f.path === 'remarks/1-1-zhang-san.md' ? { ...f, text: f.text.replace('认真学习', '认真\u200b学习') } : f,
    );
    const refusal = await writeReport(
      dir,
      'r',
      broken,
      false,
      passesChecks(await readContent(dir, contentModel), 'r', contentModel),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportError);
    const { message, problems } = refusal as ImportError;
    expect(message).toMatch(/^导入的结果通不过内容检查.*没有写入任何文件/);
    expect(problems).toEqual([
      expect.stringMatching(
        /reports\/r\/remarks\/1-1-zhang-san\.md:9（「认真\u200b学习，服务师生。」）：正文里有 1 个看不见的字符/,
      ),
    ]);
    expect(problems[0]).not.toContain('.tmp-');
    expect(readdirSync(dir)).toEqual([]);
  });
});
