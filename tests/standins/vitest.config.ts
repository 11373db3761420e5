/**
 * The stand-in contract test is not a unit test: it pulls images and runs containers against the
 * Docker Engine. It runs as part of the snippet stage (`npm run test:snippets`), never with unit tests.
 */
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['tests/standins/**/*.contract.ts'],
    // Pulling an image through the mirror takes seconds; from Docker Hub, longer.
    hookTimeout: 10 * 60_000,
    testTimeout: 2 * 60_000,
    fileParallelism: false,
    // Most of the time is spent waiting for containers to start; a few at a time cut the stage's wall time.
    sequence: { concurrent: true },
    maxConcurrency: 4,
  },
});
