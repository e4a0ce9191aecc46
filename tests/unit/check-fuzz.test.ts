// The checks on generated hostile content: whatever an editor's file holds, the check answers with Chinese messages
// at a file and line, never with an exception or a parser's English; and content it lets through makes a site whose
// URLs are all slugs and whose names hold no invisible character.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentModel } from '../../src/content.config.ts';
import { checkContent, formatProblems } from '../../src/lib/check.ts';
import { readContent } from '../../src/lib/check/read.ts';
import { INVISIBLE } from '../../src/lib/invisible.ts';
import { buildArchive } from '../../src/lib/model.ts';
import { SLUG_PATTERN } from '../../src/lib/slug.ts';
import { ENGLISH_SENTENCE, ownWords, sample, writeSample } from '../support/hostile.ts';

const HAN = /\p{Script=Han}/u;
/** Problems about two files at once (a shared URL) name no line: they are the only ones allowed line 0. */
const SPANS_FILES = /网址相同|锚点 .* 被多处使用/;

describe('the checks on generated hostile content', () => {
  it('answer every file in Chinese at a line, and what they accept has slug URLs and visible names', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(sample(true), sample(false)), async (s) => {
        const dir = mkdtempSync(join(tmpdir(), 'fuzz-check-'));
        try {
          const written = writeSample(dir, s);
          const files = new Map(written.map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')]));
          const { problems } = await checkContent(dir, contentModel);
          for (const p of problems) {
            const where = `${formatProblems([p])}\n${JSON.stringify(s)}`;
            const text = files.get(join(process.cwd(), p.file)) ?? files.get(p.file);
            expect(text, where).toBeDefined();
            if (!SPANS_FILES.test(p.message)) {
              expect(p.line, where).toBeGreaterThanOrEqual(1);
              expect(p.line, where).toBeLessThanOrEqual(text!.split('\n').length);
            }
            expect(p.message, where).toMatch(HAN);
            expect(ownWords(p.message), where).not.toMatch(ENGLISH_SENTENCE);
            expect(p.message, where).not.toMatch(/\n\s+at /);
          }
          if (problems.some((p) => p.severity === 'error')) return;
          accepted++;
          const { reports, remarks } = await readContent(dir, contentModel);
          const { archive, problems: model } = buildArchive(reports, remarks);
          expect(model).toEqual([]);
          const slugs = [
            ...archive.speakers.map((x) => x.slug),
            ...archive.orgs.map((x) => x.slug),
            ...archive.reports.flatMap((r) => [r.slug, ...r.sectionList.map((x) => x.slug)]),
            ...archive.reports.flatMap((r) => r.remarks.map((x) => x.anchor)),
          ];
          for (const slug of slugs) expect(slug, JSON.stringify(s)).toMatch(SLUG_PATTERN);
          const names = [
            ...remarks.flatMap((r) => [r.speaker, r.school, r.role, r.section]),
            ...reports.map((r) => r.title),
          ];
          for (const name of names) expect(name, JSON.stringify(s)).not.toMatch(INVISIBLE);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
    // What they accept says something of the site only if some content was accepted.
    expect(accepted).toBeGreaterThan(30);
  });
});
