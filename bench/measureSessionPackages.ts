import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { BENCH_CONFIG } from './benchConfig.ts';
import { log } from './log.ts';
import { openExecutorPage } from './openExecutorPage.ts';
import { sleep } from './sleep.ts';
import type { BenchServer } from './startBenchServer.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

const MB = 2 ** 20;
const RESTORED = "Restored this session's packages";

const sessionId = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('session') ?? '');

/** Installs packages by hand (the Packages tab), as a person would, so they become the session's (safe mode off: they are not on its allowlist). */
async function installByHand(page: Page, names: string): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('setting-sandbox').setChecked(false);
  await page.getByTestId('settings-close').click();
  await page.getByTestId('panel-tab-packages').click();
  await page.getByTestId('install-names').fill(names);
  await page.getByTestId('install-submit').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="session-package"]').length === 2, undefined, {
    timeout: 120_000,
  });
  await sleep(1500); // the session is saved a moment after it changes
}

/**
 * Figure 1, packages that stay (#34): a warm reopen of a session that installed sympy and networkx,
 * navigation → both restored and importable, against a warm reopen of a session with no packages, with
 * the bytes each reopen took (the wheels come from the page's Cache Storage, so only the frame's document
 * and script, which an opaque origin cannot cache, should cross the wire).
 */
export async function measureSessionPackages(server: BenchServer, runs: number): Promise<BenchRow[]> {
  const withPackages: number[] = [];
  const without: number[] = [];
  const withMB: number[] = [];
  const withoutMB: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'executor-bench-'));
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    try {
      const first = await openExecutorPage(ctx, server.origin);
      await first.page.evaluate(() => window.executor.startOver());
      await first.page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor();
      const empty = await sessionId(first.page);
      await first.page.getByTestId('session-new').click();
      await first.page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor();
      await installByHand(first.page, 'sympy networkx');
      const withId = await sessionId(first.page);
      await first.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);

      server.takeTraffic();
      const reopened = await openExecutorPage(ctx, server.origin, `/?session=${withId}`);
      const restoredAt = await reopened.page.waitForFunction(
        (text) => (document.querySelector('[data-testid="output"]')?.textContent?.includes(text) ? performance.now() : false),
        RESTORED,
        { timeout: 120_000, polling: 20 },
      );
      withPackages.push(Number(await restoredAt.jsonValue()));
      const traffic = server.takeTraffic();
      withMB.push((traffic.pageBytes + traffic.sandboxBytes) / MB);
      const ok = await reopened.page.evaluate(() => window.executor.engine.execute('import sympy, networkx\nprint("ok")'));
      if (ok.stdout !== 'ok\n') throw new Error(`sympy and networkx were not importable after the reopen: ${JSON.stringify(ok.error)}`);
      await reopened.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);

      server.takeTraffic();
      const plain = await openExecutorPage(ctx, server.origin, `/?session=${empty}`);
      without.push(plain.uiReadyMs);
      const plainTraffic = server.takeTraffic();
      withoutMB.push((plainTraffic.pageBytes + plainTraffic.sandboxBytes) / MB);
      await plain.page.close();
    } finally {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    }
    log(
      `session packages ${i + 1}/${runs}: reopen with sympy + networkx ${withPackages.at(-1)?.toFixed(0)} ms (${withMB.at(-1)?.toFixed(2)} MB), ` +
        `without packages ${without.at(-1)?.toFixed(0)} ms (${withoutMB.at(-1)?.toFixed(2)} MB)`,
    );
  }
  const none = 'a session with no packages';
  return [
    row(
      '1. Start',
      'Warm reopen of a session that installed sympy and networkx → both restored',
      'ms',
      summarize(withPackages),
      none,
      summarize(without),
    ),
    row(
      '1. Start',
      'Warm reopen of that session: bytes sent by the server',
      'MB',
      summarize(withMB),
      none,
      summarize(withoutMB),
      'the wheels come from the page’s Cache Storage; the frame document and its script are never cached (opaque origin)',
    ),
  ];
}
