import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // The PostgreSQL run (TEST_DATABASE_URL set) repeats only the tests that touch a database.
    exclude: [
      'test/browser/**',
      'node_modules/**',
      ...(process.env.TEST_DATABASE_URL
        ? ['test/cli/**', 'src/core/i18n/**', 'src/core/validators/**', 'src/core/config.test.ts', 'src/core/logger.test.ts']
        : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; two workers suit the 2-core CI machine.
    maxWorkers: 2,
  },
});
