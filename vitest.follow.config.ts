import { defineConfig } from 'vitest/config';

// Tests that drive lessons on the real Docker Engine: the follow-along runner in a real pseudo-terminal
// (tmux), and the snippet suite's proof of exercises (tests/snippets/*.test.ts).
// One at a time, because they share the engine and the lessons' names.
export default defineConfig({
  test: {
    include: ['tests/follow/**/*.test.ts', 'tests/snippets/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
