import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Rebuilds a stale dist/ before e2e tests spawn it; one temp folder per run, removed at the end.
    globalSetup: ['test/global-setup.ts'],
    // e2e tests spawn the built CLI and sqlite; two cores on CI machines.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
