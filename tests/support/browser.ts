// Real Chromium for the browser tests: Debian's (or CHROMIUM_PATH), driven by playwright-core. Without it the
// browser suites are skipped with a visible message, except in CI (CI=true), where that is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** From the next page load on, sums the page's layout shifts that no input caused; `layoutShift` reads the sum. */
export const watchLayoutShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) w.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The layout shift summed since the page loaded (`watchLayoutShifts`). */
export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number }).shifts);

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
