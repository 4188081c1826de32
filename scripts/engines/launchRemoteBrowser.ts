import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { launchFirefox } from './launchFirefox.ts';
import { launchWebKit } from './launchWebKit.ts';
import { playwrightRemote } from './playwrightRemote.ts';
import type { RemoteBrowser, RemoteEngine } from './RemoteBrowser.ts';

/**
 * Starts the named engine with a fresh profile (Chromium through Playwright, the others over WebDriver);
 * `webkitSharedArrayBuffer` gives WebKitGTK SharedArrayBuffer in isolated pages, as Safari has it.
 */
export async function launchRemoteBrowser(
  engine: RemoteEngine | 'chromium',
  options: { webkitSharedArrayBuffer?: boolean } = {},
): Promise<RemoteBrowser> {
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit({ sharedArrayBuffer: options.webkitSharedArrayBuffer });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const remote = playwrightRemote(await browser.newPage({ viewport: { width: 1280, height: 800 } }));
  return { ...remote, close: () => browser.close() };
}
