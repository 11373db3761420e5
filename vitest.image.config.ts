import { defineConfig } from 'vitest/config';

// The site image (Dockerfile), built from dist/ and run on the real Docker Engine (npm run test:image).
export default defineConfig({
  test: {
    include: ['tests/image/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
