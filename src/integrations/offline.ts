// The offline copy: a build id in every page, then, once every file is written, the copy's lists (offline/copy.ts)
// and the service worker (offline/service-worker.ts).
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { offlineCopy, writeOfflineCopy } from './offline/copy.ts';
import { writeServiceWorker } from './offline/service-worker.ts';

/** The offline integration; register it last, so that the copy lists every file the other integrations wrote. */
export default function offline(): AstroIntegration {
  // Which build a page belongs to (`<html data-build>`): a page, its worker and its caches must agree. Random rather
  // than a hash of the output, which is known only once the pages that carry it are written.
  const build = randomBytes(6).toString('hex');
  let base = '/';
  return {
    name: 'report-offline',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Pages register the worker in built sites only (src/scripts/register-sw.ts).
        const worker = command === 'build';
        updateConfig({
          vite: { define: { __OFFLINE_WORKER__: JSON.stringify(worker), __OFFLINE_BUILD__: JSON.stringify(build) } },
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const path = fileURLToPath(dir);
        const copy = await offlineCopy(path, base, build);
        await writeOfflineCopy(path, copy);
        const precached = await writeServiceWorker(path, base, build, copy.shell);
        const mb = (copy.bytes / 1024 / 1024).toFixed(1);
        logger.info(
          `离线副本：约 ${mb} MB，${copy.whole ? '首次访问即全部保存' : '按需保存'}；预缓存 ${precached} 个文件，版本 ${build}`,
        );
      },
    },
  };
}
