import { defineConfig } from 'vitest/config';

// The `dockside` npm package: built, packed, installed into an empty folder and run against the real
// Docker Engine (tests/package/). One file, one at a time: it shares the engine with the other suites.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
