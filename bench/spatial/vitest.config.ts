// Benchmarks of the spatial statistics and GM(1,1) (not part of `npm test`):
//   npx vitest run -c bench/spatial/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/spatial/**/*.bench.test.ts'],
    testTimeout: 300_000,
    pool: 'forks',
  },
});
