import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download cannot reach its CDN from these machines. */
export const CHROMIUM = {
  executablePath: process.env.BRIDGEKEEPER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'test',
  // A private Secret Service (gnome-keyring on its own D-Bus) for the keychain the app writes to.
  globalSetup: './test/helpers/playwright-global-setup.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  projects: [
    {
      name: 'harness',
      testMatch: 'e2e/**/*.spec.ts',
      use: { browserName: 'chromium', launchOptions: CHROMIUM, viewport: { width: 1400, height: 900 } },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
