import { defineConfig } from 'vitest/config';

// Bench runner (not part of the test suite): npx vitest run -c bench/dea/vitest.config.ts
export default defineConfig({
  test: {
    include: ['bench/dea/**/*.bench.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
