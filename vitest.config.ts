import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // vitest's own report, then one plain "N passed, N failed" line for CI logs.
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
