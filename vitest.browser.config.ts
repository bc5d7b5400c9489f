import { defineConfig } from 'vitest/config';

/** Browser journeys (headless Chromium against the app served in-process). Run: npm run test:browser */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Chromium plus one app at a time: the CI machine has 2 cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
