import { defineConfig } from 'vitest/config';

// Files run side by side, unit and e2e together: an e2e file spends most of its time
// waiting (rollouts, polls, retries' back-off), so unit files and other e2e files fill
// the two cores meanwhile. Each e2e worker has a moto_server of its own, started once by
// the global setup and reset by each suite before it seeds (__tests__/support/testbed.ts).
// TEST_WORKERS overrides how many files run at once.
const WORKERS = Math.max(1, Number(process.env.TEST_WORKERS ?? '') || 4);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/unit/**/*.test.ts'],
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['__tests__/e2e/**/*.test.ts'],
          globalSetup: ['__tests__/support/moto-global-setup.ts'],
          isolate: false,
          maxWorkers: WORKERS,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
