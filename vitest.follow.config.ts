import { defineConfig } from 'vitest/config';

// The follow-along runner's tests: a real pseudo-terminal (tmux) and the real Docker Engine.
// One at a time, because they share the engine and the lesson's names.
export default defineConfig({
  test: {
    include: ['tests/follow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
