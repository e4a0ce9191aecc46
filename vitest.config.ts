import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/support/build-sites.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and browsers compete for the machine's two cores; files run one after another.
    fileParallelism: false,
  },
});
