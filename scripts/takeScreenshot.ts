/**
 * Regenerates docs/screenshot.png for the README: serves the built app, runs the
 * seed's fibonacci example in Debian's Chromium and captures the page.
 * Usage: npm run build && npx tsx scripts/takeScreenshot.ts
 */
import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import lzString from 'lz-string';
import type { AddressInfo } from 'node:net';
import { createApp, DEFAULT_DIST_DIR } from '../server/createApp.ts';

const code = `def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

print([fibonacci(i) for i in range(10)])

import sys
print("fibonacci(20) =", fibonacci(20), file=sys.stderr)
{"calls": "many", "result": fibonacci(15)}
`;

const server = serve({ fetch: createApp({ distDir: DEFAULT_DIST_DIR }).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/#code/${lzString.compressToEncodedURIComponent(code)}`);
  await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('clear').click();
  await page.getByTestId('run').click();
  await page.getByTestId('metrics').locator('.badge').waitFor();
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.close();
}
