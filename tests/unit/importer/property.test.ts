// Property: random layout damage of a clean report (a paragraph cut mid-sentence, its tail left in place or moved
// elsewhere) is either repaired to exactly the clean files or refused with an ImportError, never silently wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/importer/errors.ts';
import { endsSentence } from '../../../src/lib/importer/evidence.ts';
import { isHeading, matchTag } from '../../../src/lib/importer/parse.ts';
import { asTree, fixture, mended, run } from './helpers.ts';

const clean = fixture('clean/input.txt').toString('utf8');
const lines = clean.split('\n').filter((l) => l.trim());
const baseline = mended(asTree(run(clean)));
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
function outcome(text: string, joins: string[] = []): string {
  try {
    const tree = mended(asTree(run(text, undefined, undefined, joins)));
    if (JSON.stringify([...tree]) === JSON.stringify([...baseline])) return 'repaired';
    return `silently wrong:\n${text}`;
  } catch (error) {
    if (error instanceof ImportError) return 'refused';
    throw error;
  }
}

/** The `--join` a refusal tells the editor to give, when it asks to confirm a join with the next paragraph. */
function suggested(text: string): string | undefined {
  return /--join "([^"]+)"/u.exec(refusal(text))?.[1];
}

const proseLine = fc.constantFrom(...prose);
/** Destinations for a displaced tail: the start of a heading, or after a paragraph that ends a sentence. */
const destinations = [...headingLines, ...prose.filter((p) => endsSentence(p.text)).map((p) => p.index)];

describe('random cuts and displacements of a clean report', () => {
  it('a tail left right after its head is repaired, or refused naming it, and the --join the refusal suggests repairs it', () => {
    const seen = { inside: { repaired: 0, refused: 0 }, between: { repaired: 0, refused: 0 } };
    fc.assert(
      fc.property(proseLine, fc.nat(), (line, pick) => {
        const { inside, between } = cutPoints(line);
        const points = [...inside, ...between];
        fc.pre(points.length > 0);
        const cut = points[pick % points.length]!;
        const text = damage([{ line: line.index, cut, to: 'adjacent' }]);
        const result = outcome(text);
        expect(result === 'repaired' || result === 'refused', result).toBe(true);
        seen[inside.includes(cut) ? 'inside' : 'between'][result as 'repaired' | 'refused']++;
        if (result !== 'refused') return;
        // Refused when a block elsewhere also completes a word, or when the join forms no word and an untagged
        // paragraph elsewhere could be the tail too: the message names the next paragraph among the candidates.
        expect(refusal(text)).toContain('（紧随其后）');
        const join = suggested(text);
        if (join) expect(outcome(text, [join])).toBe('repaired');
      }),
      { numRuns: 200 },
    );
    // A cut inside a word is joined on the evidence of that word; a cut between words mostly waits for --join.
    expect(seen.inside.repaired).toBeGreaterThan(seen.inside.refused * 4);
    expect(seen.between.refused).toBeGreaterThan(0);
  });

  it('tails cut anywhere and moved anywhere, one or two at a time, are repaired or refused, never wrong', () => {
    const seen = { repaired: 0, refused: 0, midWord: { repaired: 0, refused: 0 } };
    const damageArb = fc.record({ line: proseLine, pick: fc.nat(), to: fc.constantFrom(...destinations) });
    fc.assert(
      fc.property(
        fc.uniqueArray(damageArb, { minLength: 1, maxLength: 2, selector: (d) => d.line.index }),
        fc.boolean(),
        (picked, midWord) => {
          const damages = picked.flatMap(({ line, pick, to }) => {
            const { inside, between } = cutPoints(line);
            const points = midWord ? inside : [...inside, ...between];
            return points.length ? [{ line: line.index, cut: points[pick % points.length]!, to: { after: to } }] : [];
          });
          // A tail goes after a line that still ends a sentence: not after a line that is itself cut.
          fc.pre(damages.length > 0 && damages.every((d) => !damages.some((o) => o.line === d.to.after)));
          const text = damage(damages);
          const result = outcome(text);
          expect(result === 'repaired' || result === 'refused', result).toBe(true);
          seen[result as 'repaired' | 'refused']++;
          if (midWord) seen.midWord[result as 'repaired' | 'refused']++;
          // Confirming what the refusal suggests may be wrong (the editor is to check), but must not break the import.
          const join = result === 'refused' ? suggested(text) : undefined;
          if (join) outcome(text, [join]);
        },
      ),
      { numRuns: 300 },
    );
    // Not vacuous: most damage cut inside a word is repaired, and the run saw both outcomes.
    expect(seen.midWord.repaired).toBeGreaterThan(seen.midWord.refused);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('a tail cut between words and moved away while the same speaker goes on in the next paragraph is refused', () => {
    // The class that looks like an adjacent break: the next paragraph would be taken and the tail left behind.
    const followed = prose.filter(
      (p) => endsSentence(p.text) && prose.some((n) => n.index === p.index + 1 && !matchTag(n.text)),
    );
    expect(followed.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...followed), fc.nat(), fc.constantFrom(...destinations), (line, pick, to) => {
        const points = cutPoints(line).between;
        fc.pre(points.length > 0 && to !== line.index);
        const text = damage([{ line: line.index, cut: points[pick % points.length]!, to: { after: to } }]);
        expect(outcome(text)).toBe('refused');
        // Had the editor confirmed the next paragraph, the files would differ from the clean ones: the check can fail.
        const join = suggested(text);
        if (join) expect(outcome(text, [join])).not.toBe('repaired');
      }),
      { numRuns: 150 },
    );
  });

  it('every single cut, inside a word or between words, its tail left in place or moved to any heading or after any paragraph, is never wrong', () => {
    const counts = { repaired: 0, refused: 0, midWord: { repaired: 0, refused: 0 }, wrongIfConfirmed: 0 };
    for (const line of prose) {
      const { inside, between } = cutPoints(line);
      for (const cut of [...inside, ...between])
        for (const to of [
          'adjacent' as const,
          ...destinations.filter((d) => d !== line.index).map((after) => ({ after })),
        ]) {
          const text = damage([{ line: line.index, cut, to }]);
          const result = outcome(text);
          expect(result === 'repaired' || result === 'refused', result).toBe(true);
          counts[result as 'repaired' | 'refused']++;
          if (inside.includes(cut)) counts.midWord[result as 'repaired' | 'refused']++;
          const join = result === 'refused' ? suggested(text) : undefined;
          if (!join) continue;
          // The suggested --join repairs a tail that was next to its head; for a tail moved away it must not.
          const confirmed = outcome(text, [join]);
          if (to === 'adjacent') expect(confirmed).toBe('repaired');
          else expect(confirmed).not.toBe('repaired');
          if (confirmed.startsWith('silently wrong')) counts.wrongIfConfirmed++;
        }
    }
    expect(counts.midWord.repaired).toBeGreaterThan(counts.midWord.refused * 3);
    // The comparison with the clean files does catch wrong output: the joins refused here would have been wrong.
    expect(counts.wrongIfConfirmed).toBeGreaterThan(0);
    expect(counts.repaired + counts.refused).toBeGreaterThan(8000);
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
