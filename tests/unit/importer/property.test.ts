// Property: random layout damage of a clean report (a paragraph cut mid-sentence, its tail left in place or moved
// elsewhere) is either repaired to exactly the clean files or refused with an ImportError, never silently wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { endsSentence } from '../../../src/lib/importer/evidence.ts';
import { isHeading, matchTag } from '../../../src/lib/importer/parse.ts';
import { asTree, fixture, run } from './helpers.ts';

const clean = fixture('clean/input.txt').toString('utf8');
const lines = clean.split('\n').filter((l) => l.trim());
const baseline = asTree(run(clean));
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Lines that are prose (the note and every paragraph), with where their prose starts after tag or label. */
const prose = lines.flatMap((text, index) => {
  if (index === 0 || isHeading(text)) return [];
  const start = text.startsWith('编者按') ? text.indexOf(':') + 1 : (matchTag(text)?.tag.raw.length ?? 0);
  return [{ index, text, start }];
});
const headingLines = lines.flatMap((text, index) => (index > 0 && isHeading(text) ? [index] : []));

/** Positions to cut a line's prose at, where the head does not end a sentence: inside a word, or between words. */
function cutPoints({ text, start }: (typeof prose)[number]) {
  const inside: number[] = [];
  const between: number[] = [];
  for (const s of words.segment(text.slice(start))) {
    const at = start + s.index;
    for (let k = 1; k < s.segment.length; k++) if (s.isWordLike) inside.push(at + k);
    if (at > start) between.push(at);
  }
  const ok = (k: number) => !endsSentence(text.slice(0, k)) && text.slice(k).trim() !== '';
  return { inside: inside.filter(ok), between: between.filter(ok) };
}

type Damage = { line: number; cut: number; to: 'adjacent' | { after: number } };

/** Applies the damages to the clean lines: each cut line keeps its head, its tail goes right after it or elsewhere. */
function damage(damages: Damage[]): string {
  const out = lines.map((text) => [text]);
  for (const d of damages) {
    const text = lines[d.line]!;
    out[d.line]![0] = text.slice(0, d.cut);
    const tail = text.slice(d.cut);
    if (d.to === 'adjacent') out[d.line]!.splice(1, 0, tail);
    else out[d.to.after]!.push(tail);
  }
  return out.flat().join('\n\n');
}

/** Import the damaged text: 'repaired' when the files equal the clean ones, 'refused' on ImportError, else the diff. */
function outcome(text: string): 'repaired' | 'refused' | string {
  try {
    const tree = asTree(run(text));
    if (JSON.stringify([...tree]) === JSON.stringify([...baseline])) return 'repaired';
    return `silently wrong:\n${text}`;
  } catch (error) {
    if (error instanceof ImportError) return 'refused';
    throw error;
  }
}

const proseLine = fc.constantFrom(...prose);
/** Destinations for a displaced tail: the start of a heading, or after a paragraph that ends a sentence. */
const destinations = [...headingLines, ...prose.filter((p) => endsSentence(p.text)).map((p) => p.index)];

describe('random cuts and displacements of a clean report', () => {
  it('a tail left right after its head is repaired, or refused naming it as one of the candidates', () => {
    const seen = { repaired: 0, refused: 0 };
    fc.assert(
      fc.property(proseLine, fc.nat(), (line, pick) => {
        const points = [...cutPoints(line).inside, ...cutPoints(line).between];
        fc.pre(points.length > 0);
        const cut = points[pick % points.length]!;
        const text = damage([{ line: line.index, cut, to: 'adjacent' }]);
        const result = outcome(text);
        expect(result === 'repaired' || result === 'refused', result).toBe(true);
        seen[result as 'repaired' | 'refused']++;
        // Refused only when a second block elsewhere also completes a word across the cut: the message names both.
        if (result === 'refused') expect(refusal(text)).toContain('（紧随其后）');
      }),
      { numRuns: 200 },
    );
    expect(seen.repaired).toBeGreaterThan(seen.refused * 9);
  });

  it('tails cut mid-word and moved anywhere, one or two at a time, are repaired or refused, never wrong', () => {
    const seen = { repaired: 0, refused: 0 };
    const damageArb = fc.record({ line: proseLine, pick: fc.nat(), to: fc.constantFrom(...destinations) });
    fc.assert(
      fc.property(fc.uniqueArray(damageArb, { minLength: 1, maxLength: 2, selector: (d) => d.line.index }), (picked) => {
        const damages = picked.flatMap(({ line, pick, to }) => {
          const points = cutPoints(line).inside;
          return points.length ? [{ line: line.index, cut: points[pick % points.length]!, to: { after: to } }] : [];
        });
        // A tail goes after a line that still ends a sentence: not after a line that is itself cut.
        fc.pre(damages.length > 0 && damages.every((d) => !damages.some((o) => o.line === d.to.after)));
        const result = outcome(damage(damages));
        expect(result === 'repaired' || result === 'refused', result).toBe(true);
        seen[result as 'repaired' | 'refused']++;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: most such damage is repaired, and the run saw both outcomes.
    expect(seen.repaired).toBeGreaterThan(seen.refused);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('tails cut between words and moved to the start of a heading are repaired or refused, never wrong', () => {
    fc.assert(
      fc.property(proseLine, fc.nat(), fc.constantFrom(...headingLines), (line, pick, heading) => {
        const points = cutPoints(line).between;
        fc.pre(points.length > 0);
        const result = outcome(damage([{ line: line.index, cut: points[pick % points.length]!, to: { after: heading } }]));
        expect(result === 'repaired' || result === 'refused', result).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('every single mid-word cut, its tail left in place or moved to any heading or after any paragraph, is never wrong', () => {
    const counts = { repaired: 0, refused: 0 };
    for (const line of prose)
      for (const cut of cutPoints(line).inside)
        for (const to of ['adjacent' as const, ...destinations.filter((d) => d !== line.index).map((after) => ({ after }))]) {
          const result = outcome(damage([{ line: line.index, cut, to }]));
          expect(result === 'repaired' || result === 'refused', result).toBe(true);
          counts[result as 'repaired' | 'refused']++;
        }
    expect(counts.repaired).toBeGreaterThan(counts.refused * 3);
  });
});

/** The message and problems of a refused import. */
function refusal(text: string): string {
  try {
    run(text);
  } catch (error) {
    if (error instanceof ImportError) return [error.message, ...error.problems].join('\n');
  }
  return '';
}
