import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { everySite, root } from './sites.ts';

/**
 * Builds the site once at the root and once under a sub-path, and the photo fixture, as `npm run build` would, before
 * any test.
 */
export default function setup() {
  if (process.env.SKIP_SITE_BUILD) return;
  for (const { dir, base, site, editBase, chunkSize, recordsPerFile, ...rest } of Object.values(everySite)) {
    rmSync(dir, { recursive: true, force: true });
    const args = ['astro', 'build', '--outDir', dir, '--base', base, ...(site ? ['--site', site] : [])];
    execFileSync('npx', args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        EDIT_BASE_URL: editBase,
        ...('content' in rest ? { CONTENT_DIR: rest.content } : {}),
        ...(chunkSize ? { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: chunkSize } : {}),
        ...(recordsPerFile ? { SEARCH_RECORDS_PER_FILE: recordsPerFile } : {}),
      },
    });
  }
}
