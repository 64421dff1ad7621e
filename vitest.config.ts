import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/pg-schemas.ts'],
    // Generous: CI runs the browser tests beside these on two cores.
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'service', include: ['src/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/console/**'] } },
      // The console's browser tests drive the built pages: they build them first when web/ changed.
      { extends: true, test: { name: 'console', include: ['test/console/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, globalSetup: ['test/pg-schemas.ts', 'test/console-build.ts'] } },
    ],
  },
});
