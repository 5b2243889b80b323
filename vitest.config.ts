import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: [
      'server/**/*.test.ts',
      'db/**/*.test.ts',
      'cli/**/*.test.ts',
      'docs/**/*.test.ts',
      'components/**/*.test.ts',
      'faults/**/*.test.ts',
      'agent/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy: a few files at a time on a 2-core machine.
    maxWorkers: 2,
    fileParallelism: !process.env.DATABASE_URL,
  },
});
