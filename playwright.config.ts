import { defineConfig, type Project } from '@playwright/test';
import type { EngineOptions } from './e2e/engines/fixtures.ts';
import { CHROMIUM_TEST_ARGS, CHROMIUM_PATH } from './scripts/chromium.ts';
import { FAKE_AZURE_DEPLOYMENT, FAKE_AZURE_KEY } from './e2e/support/fakeAzureConfig.ts';

const port = Number(process.env.E2E_PORT ?? 4173);
const cdnPort = Number(process.env.E2E_CDN_PORT ?? 4183);
/** The package CDN the app under test uses: a local stand-in (e2e/support/fakeCdn.ts), never the internet. */
export const fakeCdnUrl = `http://127.0.0.1:${cdnPort}/cdn/`;

/** A second app server configured with Azure OpenAI pointing at a local fake (e2e/support/fakeAzureServer.ts), for LLM-mode tests. */
export const llmBaseUrl = `http://127.0.0.1:${port + 1}`;
/** The fake Azure OpenAI's own URL (its control API scripts the replies). */
export const fakeAzureUrl = `http://127.0.0.1:${port + 2}`;
/** A third app server without COOP/COEP (as a static host serves it): the sandbox gets no SharedArrayBuffer. */
export const noIsolationBaseUrl = `http://127.0.0.1:${port + 3}`;

/** A project running e2e/engines/*.spec.ts in `engine` against the server on `appPort` (see e2e/engines/fixtures.ts). */
function engineProject(
  name: string,
  engine: EngineOptions['remoteEngine'],
  appPort: number,
  expectSharedMemory: boolean,
  webkitSharedArrayBuffer = false,
) {
  if (process.env.E2E_ENGINES === 'off') return [];
  return [
    {
      name,
      testMatch: 'engines/**/*.spec.ts',
      // WebKitGTK under Xvfb on two cores takes about a minute for the smoke test run (each test interpreter boots there).
      timeout: 180_000,
      use: { remoteEngine: engine, appUrl: `http://127.0.0.1:${appPort}`, expectSharedMemory, webkitSharedArrayBuffer },
    } satisfies Project<object, EngineOptions>,
  ];
}

export default defineConfig<object, EngineOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Two cores carry one page and its interpreters at a time: two workers measured no faster here (4.0 min against
  // about 4.3 for 30 tests) and made timing tests fail.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // A broken environment (no Python boots) should fail in minutes with its first errors, not
  // run every test to its timeout twice.
  maxFailures: process.env.CI ? 10 : 0,
  // The suite (about 125 tests, one booted page per worker started over between tests) takes about 18 minutes on a
  // 2-core machine; it took 38 when every test booted its own page.
  globalTimeout: process.env.CI ? 70 * 60_000 : 0,
  reporter: [['list'], ['./e2e/support/durationReporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_TEST_ARGS],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: ['engines/**', 'mcp/**'] },
    // The MCP server and the CLI (e2e/mcp): each test starts `executor` processes with their own headless Chromium.
    { name: 'mcp', testMatch: 'mcp/**/*.spec.ts', timeout: 240_000 },
    // The cross-engine smoke suite (e2e/engines): Firefox ESR over WebDriver BiDi, with shared memory and
    // without (served without COOP/COEP); WebKitGTK over WebDriver, as it comes (no SharedArrayBuffer: the page
    // drops isolation itself) and with SharedArrayBuffer as Safari has it; Chromium without isolation.
    ...engineProject('firefox', 'firefox', port, true),
    ...engineProject('firefox-no-isolation', 'firefox', port + 3, false),
    ...engineProject('webkit', 'webkit', port, false),
    // Safari's case: WebKit with SharedArrayBuffer in the isolated page (its sandbox starts data: workers).
    ...engineProject('webkit-shared-memory', 'webkit', port, true, true),
    ...engineProject('chromium-no-isolation', 'chromium', port + 3, false),
  ],
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
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        EXECUTOR_PACKAGE_CDN: fakeCdnUrl,
        EXECUTOR_DIST_DIR: process.env.EXECUTOR_DIST_DIR ?? '',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'npx tsx e2e/support/fakeAzureServer.ts',
      url: `${fakeAzureUrl}/`,
      env: { E2E_FAKE_AZURE_PORT: String(port + 2) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'npx tsx server/main.ts',
      url: `${llmBaseUrl}/`,
      env: {
        PORT: String(port + 1),
        HOST: '127.0.0.1',
        EXECUTOR_PACKAGE_CDN: fakeCdnUrl,
        EXECUTOR_DIST_DIR: process.env.EXECUTOR_DIST_DIR ?? '',
        AZURE_OPENAI_ENDPOINT: fakeAzureUrl,
        AZURE_OPENAI_API_KEY: FAKE_AZURE_KEY,
        AZURE_OPENAI_DEPLOYMENT: FAKE_AZURE_DEPLOYMENT,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'npx tsx server/main.ts',
      url: `${noIsolationBaseUrl}/`,
      env: {
        PORT: String(port + 3),
        HOST: '127.0.0.1',
        EXECUTOR_PACKAGE_CDN: fakeCdnUrl,
        EXECUTOR_DIST_DIR: process.env.EXECUTOR_DIST_DIR ?? '',
        EXECUTOR_CROSS_ORIGIN_ISOLATION: 'off',
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
