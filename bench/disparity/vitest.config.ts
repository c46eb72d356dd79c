// Benchmarks of the disparity/dynamics methods (not part of `npm test`):
//   npx vitest run -c bench/disparity/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/disparity/**/*.bench.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
