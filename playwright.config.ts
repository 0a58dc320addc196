import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (these machines can't fetch one). One
// worker per peer slot that tests/runAll.mjs started (its own moto and keyring, see
// tests/support/peerSlots.mjs), else one.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const peerSlots = (JSON.parse(process.env.CUBETA_TEST_SLOTS ?? '[]') as unknown[]).length

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  workers: Math.max(1, peerSlots),
  // Two minutes a journey: with two workers each journey gets half the machine.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1200, height: 760 },
  },
})
