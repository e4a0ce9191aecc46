import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { readPages } from '../support/dist.ts';
import { everySite } from '../support/sites.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes `<!DOCTYPE html>`; both spellings are valid HTML.
    'doctype-style': 'off',
    // Remark anchors are their file names (1-1-ye-xianghong): ids may start with a digit in HTML5.
    'valid-id': ['error', { relaxed: true }],
  },
});

describe.each(Object.entries(everySite))('every page of the %s build', (_name, { dir, base }) => {
  it('is valid HTML (html-validate, recommended rules)', async () => {
    const failures: string[] = [];
    for (const page of readPages(dir, base)) {
      const report = await validator.validateString(page.html, page.file);
      for (const m of report.results.flatMap<Message>((r) => r.messages))
        failures.push(`${page.url} ${m.line}:${m.column} ${m.ruleId}: ${m.message} «${m.selector ?? ''}»`);
    }
    expect(failures).toEqual([]);
  });
});
