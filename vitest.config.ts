import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    // Each file opens its own database; two cores run two files at a time.
    pool: 'forks',
    // Files share their worker's loaded modules instead of each importing the app again (~1.2 s a file): the
    // PGlite pass went from 424–450 s to 298 s. Files share no state but the module cache: each opens its own
    // database and its own app (docs/performance.md, "The test suite").
    isolate: false,
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
