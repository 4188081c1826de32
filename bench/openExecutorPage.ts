import type { BrowserContext, Page } from '@playwright/test';
import { installReadyProbe, type ProbeWindow } from './installReadyProbe.ts';

/** The app page once Python is ready, with its start-up times (ms since navigation). */
export interface OpenedExecutor {
  page: Page;
  /** Navigation → the engine heard "ready" (Python can run code). */
  engineReadyMs: number;
  /** Navigation → the status line shows "Ready". */
  uiReadyMs: number;
}

/** Opens the app (at `path`, e.g. `/?session=<id>`) in a new tab of `context` and waits until the status line shows Ready. */
export async function openExecutorPage(context: BrowserContext, origin: string, path = '/'): Promise<OpenedExecutor> {
  const page = await context.newPage();
  await page.addInitScript(installReadyProbe);
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(
    () => {
      const p = (window as ProbeWindow).__benchProbe;
      return p !== undefined && (p.uiReadyAt !== null || p.failed !== null);
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const probe = await page.evaluate(() => (window as ProbeWindow).__benchProbe);
  if (!probe || probe.failed !== null || probe.uiReadyAt === null) {
    throw new Error(`Executor did not start: ${probe?.failed ?? 'no ready probe'}`);
  }
  return { page, engineReadyMs: probe.engineReadyAt ?? probe.uiReadyAt, uiReadyMs: probe.uiReadyAt };
}
