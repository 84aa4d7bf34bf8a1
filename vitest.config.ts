import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['indicators/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './test/helpers/plain-reporter.ts'],
  },
});
