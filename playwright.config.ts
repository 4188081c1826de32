import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const cdnPort = Number(process.env.E2E_CDN_PORT ?? 4183);
/** The package CDN the app under test uses: a local stand-in (e2e/support/fakeCdn.ts), never the internet. */
export const fakeCdnUrl = `http://127.0.0.1:${cdnPort}/cdn/`;

/** Debian's Chromium (`npx playwright install` cannot download browsers on these machines). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Each page boots its own Python; two cores carry one page at a time reliably.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'npx tsx e2e/support/fakeCdn.ts',
      url: `http://127.0.0.1:${cdnPort}/`,
      env: { E2E_CDN_PORT: String(cdnPort) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'npx tsx server/main.ts',
      url: `http://127.0.0.1:${port}/`,
      env: { PORT: String(port), HOST: '127.0.0.1', EXECUTOR_PACKAGE_CDN: fakeCdnUrl, EXECUTOR_DIST_DIR: process.env.EXECUTOR_DIST_DIR ?? '' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
