import { defineConfig } from 'vitest/config';

/** The site's test builds, made once per run before the tests that read `dist/` or drive a browser. */
const withSites = { globalSetup: ['tests/support/build-sites.ts'] };

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and browsers compete for the machine's two cores; files run one after another.
    fileParallelism: false,
    projects: [
      // Pure functions and command-line tools on small inputs: no site build, seconds in all.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Each fixture folder under tests/fixtures/content/ built on its own: invalid content must stop the build.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      // The built site (root and sub-path) read as files.
      {
        extends: true,
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], ...withSites },
      },
      // The built site in Chromium.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...withSites } },
    ],
  },
});
