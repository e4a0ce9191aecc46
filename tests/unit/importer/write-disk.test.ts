// A disk that fails mid-write (full, read-only) is reported in Chinese, and the folders the write made are removed.
// As root no permission stops a write, so the failure is simulated.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { writeReport } from '../../../src/lib/importer/write.ts';

vi.mock('node:fs/promises', async (original) => ({
  ...(await original<typeof import('node:fs/promises')>()),
  writeFile: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
}));

const temp = mkdtempSync(join(tmpdir(), 'import-disk-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('writeReport on a full disk', () => {
  it('says so in Chinese and leaves no folder behind, not even the ones it made', async () => {
    const content = join(temp, 'new/content');
    const files = [{ path: 'remarks/1-1-zhang-san.md', text: '一\n' }];
    await expect(writeReport(content, 'r', files, false)).rejects.toThrow(ImportError);
    await expect(writeReport(content, 'r', files, false)).rejects.toThrow(
      `无法写入内容目录 ${content}：磁盘空间不足。没有写入任何文件。`,
    );
    expect(existsSync(join(temp, 'new'))).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  });
});
