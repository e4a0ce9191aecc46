import { execFileSync } from 'node:child_process';

let cache: Map<string, string> | undefined;

/**
 * The date (YYYY-MM-DD) of the last commit that touched each file under `dir`, from one `git log` pass.
 * Empty in a shallow clone (every file would get the clone's date) or outside git: pages then show no date.
 */
export function lastCommitDates(dir: string): Map<string, string> {
  if (cache) return cache;
  cache = new Map();
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 256 * 1024 * 1024,
      });
    if (git('rev-parse', '--is-shallow-repository').trim() === 'true') return cache;
    const prefix = git('rev-parse', '--show-prefix').trim();
    let date = '';
    for (const line of git('log', '--format=@%cs', '--name-only', '--', dir).split('\n')) {
      if (line.startsWith('@')) date = line.slice(1);
      else if (line) {
        const file = line.startsWith(prefix) ? line.slice(prefix.length) : line;
        if (!cache.has(file)) cache.set(file, date);
      }
    }
  } catch {
    // Not a git checkout (e.g. a downloaded archive): no dates.
  }
  return cache;
}

/** The latest of the files' last commit dates, or undefined when none is known. */
export function lastUpdated(files: string[], dir: string): string | undefined {
  const dates = lastCommitDates(dir);
  return files
    .map((f) => dates.get(f))
    .filter((d): d is string => !!d)
    .sort()
    .pop();
}
