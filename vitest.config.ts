import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['indicators/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Both cores: most of a test is JS and single-threaded query planning, not DuckDB scans.
    maxWorkers: 2,
    testTimeout: 60_000,
    // a beforeAll that loads a folder can take longer than the 10 s default on a busy 2-core machine
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './test/helpers/plain-reporter.ts'],
  },
});
