// The content fixtures (tests/fixtures/content/): each folder holds a content folder, and either one editor's mistake,
// with the problem it must give in expected.json, or content that the tests naming it use otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { root } from './sites.ts';

export const fixtures = `${root}tests/fixtures/content/`;

/** The folders that are no one mistake: read by name by the tests about them, with no expected.json. */
export const examples = [
  'half-width',
  'misnamed-in-record',
  'photo',
  'refused-remark-address',
  'two-reports',
  'url-marks',
  'valid',
];

/** The problem a mistake's folder must give. */
export interface Expected {
  file: string;
  line: number;
  field?: string;
  message: string;
}

/**
 * Every other folder: a mistake, which the content check, `npm run check` and the build must each report. Listed
 * whether or not its expected.json is there, so that one missing or misspelt fails its tests (`expected`) rather
 * than leaving the mistake untested.
 */
export const scenarios = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !examples.includes(entry.name))
  .map((entry) => entry.name);

/** What a mistake's folder expects; a clear failure, naming the folder, where it has no expected.json. */
export function expected(scenario: string): Expected {
  const file = `${fixtures}${scenario}/expected.json`;
  if (!existsSync(file))
    throw new Error(
      `tests/fixtures/content/${scenario}/ has no expected.json: a mistake's folder says there what it must give ` +
        `(or, if it is content for other tests, add it to the examples in tests/support/fixtures.ts)`,
    );
  return JSON.parse(readFileSync(file, 'utf8')) as Expected;
}
