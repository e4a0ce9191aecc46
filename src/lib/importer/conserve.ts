import { parse } from 'yaml';
import { ImportError } from './errors.ts';
import type { OutputFile } from './render.ts';

/** The characters the guarantee is about: Han characters, letters and digits (punctuation may change width). */
const COUNTED = /[\p{L}\p{N}]/gu;

/** How often each Han character, letter and digit occurs in the texts. */
export function countChars(texts: string | readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  // An array, not rest parameters: a report of many remarks would overflow the call stack as arguments.
  for (const text of typeof texts === 'string' ? [texts] : texts)
    for (const [c] of text.matchAll(COUNTED)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Splits a written file into its frontmatter (parsed) and its Markdown body. */
export function splitFile(text: string): { data: Record<string, unknown>; body: string } {
  const end = text.indexOf('\n---\n', 4);
  if (!text.startsWith('---\n') || end < 0) return { data: {}, body: text };
  return { data: (parse(text.slice(4, end)) ?? {}) as Record<string, unknown>, body: text.slice(end + 5) };
}

/** What the frontmatter must say, derived from the parse independently of the rendering. */
export interface Expected {
  title: string;
  sections: string[];
  /** 单位职务 as printed, by speaker name (two people may have one): school + role must give back one of them. */
  intros: Map<string, readonly string[]>;
  remarkCount: number;
}

/**
 * Checks, on the files about to be written, that every Han character, letter and digit of the input is there
 * exactly once: input minus the parts moved to frontmatter (title, headings, 编者按, speaker tags) must equal
 * the bodies; and that the frontmatter gives back title, headings and each speaker's 单位职务.
 */
export function checkConservation(input: string, structural: string[], files: OutputFile[], expected: Expected): void {
  const problems: string[] = [];
  const prose = countChars(input);
  for (const [c, n] of countChars(structural)) prose.set(c, (prose.get(c) ?? 0) - n);
  const parts = files.map((f) => ({ path: f.path, ...splitFile(f.text) }));
  const out = countChars(parts.map((p) => p.body));
  for (const c of new Set([...prose.keys(), ...out.keys()])) {
    const want = prose.get(c) ?? 0;
    const got = out.get(c) ?? 0;
    if (want !== got) problems.push(`“${c}”在原文正文中出现 ${want} 次，输出中 ${got} 次`);
  }
  const index = parts.find((p) => p.path === 'index.md');
  if (index?.data.title !== expected.title) problems.push('index.md 的标题与原文不同');
  if (JSON.stringify(index?.data.sections) !== JSON.stringify(expected.sections))
    problems.push('index.md 的小标题与原文不同');
  const remarks = parts.filter((p) => p.path.startsWith('remarks/'));
  if (remarks.length !== expected.remarkCount)
    problems.push(`发言应有 ${expected.remarkCount} 篇，输出了 ${remarks.length} 篇`);
  for (const r of remarks) {
    const { speaker, school, role } = r.data as Record<string, string | undefined>;
    const intros = expected.intros.get(speaker ?? '') ?? [];
    if (!intros.includes(`${school}${role}`))
      problems.push(`${r.path} 的单位和职务拼起来不是原文的“${intros.join('”或“') || speaker}”`);
  }
  if (problems.length)
    throw new ImportError(
      '内部核对失败（输出与原文的文字不一致），没有写入任何文件。这是导入程序的错误，请把原文交给维护者：',
      problems,
    );
}
