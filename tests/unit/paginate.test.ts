import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/zh-CN.ts';
import { pagePath, paginate } from '../../src/lib/paginate.ts';

describe('pagination', () => {
  it('cuts an index into pages, the first at the index itself and the rest under page/N/', () => {
    const pages = paginate(
      Array.from({ length: 25 }, (_, i) => i),
      10,
    );
    expect(pages.map((p) => [p.items.length, p.number, p.total, p.param])).toEqual([
      [10, 1, 3, undefined],
      [10, 2, 3, 'page/2'],
      [5, 3, 3, 'page/3'],
    ]);
    expect(paginate([], 10)).toEqual([{ items: [], number: 1, total: 1, param: undefined }]);
    expect(pagePath('/speakers/', 1)).toBe('/speakers/');
    expect(pagePath('/speakers/', 2)).toBe('/speakers/page/2/');
  });

  it('titles the first page with the name alone and the others with their number', () => {
    const [first, second] = paginate(
      Array.from({ length: 11 }, (_, i) => i),
      10,
    );
    expect(t.paged('发言人', first!)).toBe('发言人');
    expect(t.paged('发言人', second!)).toBe('发言人（第 2 页，共 2 页）');
  });
});
