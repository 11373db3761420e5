import { defineConfig } from 'vitest/config';

// Unit tests only; browser tests (tests/browser) run under Playwright, snippets under their own runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
