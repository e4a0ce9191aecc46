import type { Repairs } from '../../src/lib/model.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { root } from './sites.ts';

export interface SeedRemark {
  id: string;
  file: string;
  speaker: string;
  school: string;
  role: string;
  section: string;
  order: number;
  paragraphs: string[];
}

function split(text: string): { data: Record<string, unknown>; paragraphs: string[] } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return {
    data: parseYaml(match[1]!) as Record<string, unknown>,
    paragraphs: match[2]!
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** The committed seed report, read straight from its Markdown files (independently of the site's own code). */
export function readSeed(id = '2015-dangjian-zuotanhui') {
  const dir = `${root}content/reports/${id}/`;
  const index = split(readFileSync(`${dir}index.md`, 'utf8'));
  const remarks: SeedRemark[] = readdirSync(`${dir}remarks`)
    .sort()
    .map((file) => {
      const { data, paragraphs } = split(readFileSync(`${dir}remarks/${file}`, 'utf8'));
      return {
        id: `${id}/remarks/${file.replace(/\.mdx?$/, '')}`,
        file,
        paragraphs,
        ...(data as Omit<SeedRemark, 'id' | 'file' | 'paragraphs'>),
      };
    });
  return {
    id,
    title: index.data.title as string,
    sections: index.data.sections as string[],
    note: index.paragraphs.join('\n'),
    repairs: index.data.repairs as Repairs,
    remarks,
  };
}
