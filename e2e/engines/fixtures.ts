import { test as base } from '@playwright/test';
import { launchRemoteBrowser } from '../../scripts/engines/launchRemoteBrowser.ts';
import type { RemoteEngine } from '../../scripts/engines/RemoteBrowser.ts';
import { RemoteExecutor } from './RemoteExecutor.ts';

/** Per project (playwright.config.ts): which engine, which server, and what the engine should get there. */
export interface EngineOptions {
  remoteEngine: RemoteEngine | 'chromium';
  /** The app server's URL (the isolated one, or the one without COOP/COEP). */
  appUrl: string;
  /** The sandbox should have SharedArrayBuffer here (soft Stop, interactive input, the debugger). */
  expectSharedMemory: boolean;
  /** WebKitGTK with SharedArrayBuffer turned on in isolated pages (`JSC_useSharedArrayBuffer=1`), as Safari. */
  webkitSharedArrayBuffer: boolean;
}

interface WorkerFixtures extends EngineOptions {
  /** The app, opened once per worker in its engine (booting Python is most of a test's time). */
  openedApp: RemoteExecutor;
}

/** The cross-engine smoke suite's test: `app` is the app, started over, ready to run Python. */
export const test = base.extend<{ app: RemoteExecutor }, WorkerFixtures>({
  remoteEngine: ['chromium', { option: true, scope: 'worker' }],
  appUrl: ['', { option: true, scope: 'worker' }],
  expectSharedMemory: [true, { option: true, scope: 'worker' }],
  webkitSharedArrayBuffer: [false, { option: true, scope: 'worker' }],
  openedApp: [
    async ({ remoteEngine, appUrl, webkitSharedArrayBuffer }, use) => {
      const browser = await launchRemoteBrowser(remoteEngine, { webkitSharedArrayBuffer });
      try {
        const app = new RemoteExecutor(browser, appUrl);
        await app.open();
        await use(app);
      } finally {
        await browser.close();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  app: async ({ openedApp }, use) => {
    // A test that navigated away (a share link) or broke the page gets it opened again.
    await openedApp.startOver().catch(() => openedApp.open());
    await use(openedApp);
  },
});

export { expect } from '@playwright/test';
