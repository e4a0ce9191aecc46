import { describe, expect, it } from 'vitest';
import { readPages } from '../support/dist.ts';
import { unsafeRefs } from '../support/safe-html.ts';
import { everySite, minimumPages } from '../support/sites.ts';

describe.each(Object.entries(everySite))('every page of the %s build', (name, { dir, base }) => {
  it('holds no javascript:, data: or vbscript: address and loads no image from another host', () => {
    const pages = readPages(dir, base);
    expect(pages.length).toBeGreaterThan(minimumPages(name));
    expect(pages.flatMap((p) => unsafeRefs(p.html, p.url))).toEqual([]);
  });
});
