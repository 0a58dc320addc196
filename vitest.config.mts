import { defineConfig } from 'vitest/config'

// Three projects, run by tests/runAll.mjs in this order. Integration files run one per
// peer slot that runAll started (each worker has its own moto: tests/support/peerSlots.mjs),
// else one at a time; keychain files share slot 0's keyring, so they run one at a time.
const peerSlots = (JSON.parse(process.env.CUBETA_TEST_SLOTS ?? '[]') as unknown[]).length

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: peerSlots > 1,
          maxWorkers: Math.max(1, peerSlots),
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['tests/keychain/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
