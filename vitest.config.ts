import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // e2e tests spawn the built CLI and sqlite; two cores on CI machines.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
