import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/pg-schemas.ts'],
    // Generous: two cores, PostgreSQL and real processes started by the tests share them.
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'service', include: ['src/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/console/**'], sequence: { groupOrder: 0 } } },
      // The console's browser tests drive the built pages: they build them first when web/ changed,
      // and run after the service's tests, so that Chromium does not share two cores with them.
      { extends: true, test: { name: 'console', include: ['test/console/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, sequence: { groupOrder: 1 }, globalSetup: ['test/pg-schemas.ts', 'test/console-build.ts'] } },
    ],
  },
});
