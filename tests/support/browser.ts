// Real Chromium for the browser tests: Debian's (or CHROMIUM_PATH), driven by playwright-core. Without it the
// browser suites are skipped with a visible message, except in CI (CI=true), where that is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const hasChromium = existsSync(chromiumPath);

/** Launches headless Chromium with the flags a sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `describe` for a suite that needs Chromium: skipped (and said so) without it, failed in CI. */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium) return void describe(name, body);
  const why = `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`;
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${why}; CI must run the browser tests.`);
      });
    });
    return;
  }
  console.warn(`\n⚠ Skipping browser tests "${name}": ${why}.\n`);
  describe.skip(name, body);
}
