// The service worker's page plugin, run as sw.js runs it: generateSW writes its functions into sw.js as source text,
// so the text itself is what is tested.
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { pagePlugin, searchFilesPattern } from '../../src/integrations/offline/service-worker.ts';

/** A function as sw.js has it: compiled from its source text alone, with nothing of this module around it. */
const asWritten = <T>(fn: unknown) => runInNewContext(`(${String(fn)})`) as (param: T) => Promise<unknown>;

it("caches a page only if it is this build's, whatever the worker that fetched it", async () => {
  const cacheWillUpdate = asWritten<{ response: Response }>(pagePlugin('0a1b2c3d4e5f').cacheWillUpdate);
  const page = (build: string, status = 200) =>
    new Response(`<!DOCTYPE html><html lang="zh-CN" data-build="${build}"><title>党建报告</title>`, { status });
  const own = page('0a1b2c3d4e5f');
  expect(await cacheWillUpdate({ response: own })).toBe(own);
  expect(await own.text(), 'the page itself is left to be read').toContain('党建报告');
  expect(await cacheWillUpdate({ response: page('ffffffffffff') })).toBeNull();
  expect(await cacheWillUpdate({ response: page('0a1b2c3d4e5f', 404) })).toBeNull();
});

it('caches the search page once, whatever its query', async () => {
  const cacheKeyWillBeUsed = asWritten<{ request: Request }>(pagePlugin('0a1b2c3d4e5f').cacheKeyWillBeUsed);
  expect(await cacheKeyWillBeUsed({ request: new Request('https://example.org/p/search/?q=%E5%AE%B6#r') })).toBe(
    'https://example.org/p/search/',
  );
});

it('caches the search files under any base, as requests encode it', () => {
  const file = (base: string) => new Request(`https://example.org${base}search-index/0a1b/records-0.json`).url;
  for (const base of ['/', '/some/path/', '/党建/', '/my site/']) {
    expect(searchFilesPattern(base).test(file(base)), base).toBe(true);
    expect(searchFilesPattern(base).test(file(`${base}x/`)), base).toBe(false);
  }
});
