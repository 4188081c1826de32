import type { Browser } from '@playwright/test';
import { BENCH_CONFIG } from './benchConfig.ts';
import { log } from './log.ts';
import { openBarePage } from './openBarePage.ts';
import { openExecutorPage } from './openExecutorPage.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';
import type { Page } from '@playwright/test';
import { storedSnapshots } from '../e2e/support/storedSnapshots.ts';

/** Navigation → first trivial run done is dominated by Ready; this is the run itself, right after Ready. */
async function firstRunMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t = performance.now();
    await window.executor.engine.execute('pass');
    return performance.now() - t;
  });
}

/** Waits until the page has stored its memory snapshot (made a few seconds after the first Ready). */
async function waitForSnapshot(page: Page): Promise<void> {
  const until = Date.now() + 90_000;
  while ((await storedSnapshots(page)) === 0) {
    if (Date.now() > until) throw new Error('No memory snapshot was stored within 90 s of the first visit.');
    await sleep(250);
  }
}

/** Restart (engine.reset()) → the engine can run again, once the spare has settled. */
async function restartMs(page: Page): Promise<number> {
  await sleep(BENCH_CONFIG.spareSettleMs);
  return page.evaluate(async () => {
    const t = performance.now();
    await window.executor.engine.reset();
    await window.executor.engine.whenReady();
    return performance.now() - t;
  });
}

/** Raw start-up samples, ms since navigation. */
export interface StartSamples {
  executorColdUi: number[];
  executorColdEngine: number[];
  executorWarmUi: number[];
  executorWarmEngine: number[];
  bareCold: number[];
  bareWarm: number[];
  coldFirstRun: number[];
  warmFirstRun: number[];
  warmFromSnapshot: number;
  restart: number[];
}

/**
 * Figure 1: navigation → Ready, cold (fresh context, empty cache) and warm
 * (second visit in the same context), for the app and for the bare page. Each
 * sample uses its own contexts, so the two never share a cache.
 */
export async function measureStart(browser: Browser, origin: string, runs: number): Promise<{ rows: BenchRow[]; samples: StartSamples }> {
  const s: StartSamples = {
    executorColdUi: [],
    executorColdEngine: [],
    executorWarmUi: [],
    executorWarmEngine: [],
    bareCold: [],
    bareWarm: [],
    coldFirstRun: [],
    warmFirstRun: [],
    warmFromSnapshot: 0,
    restart: [],
  };
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    try {
      const cold = await openExecutorPage(ctx, origin);
      s.coldFirstRun.push(await firstRunMs(cold.page));
      await waitForSnapshot(cold.page);
      await cold.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      const warm = await openExecutorPage(ctx, origin);
      s.warmFirstRun.push(await firstRunMs(warm.page));
      if ((await warm.page.getByTestId('status').getAttribute('data-boot')) === 'snapshot') s.warmFromSnapshot += 1;
      s.restart.push(await restartMs(warm.page));
      await warm.page.close();
      s.executorColdUi.push(cold.uiReadyMs);
      s.executorColdEngine.push(cold.engineReadyMs);
      s.executorWarmUi.push(warm.uiReadyMs);
      s.executorWarmEngine.push(warm.engineReadyMs);
    } finally {
      await ctx.close();
    }
    const bareCtx = await browser.newContext();
    try {
      const cold = await openBarePage(bareCtx, origin);
      await cold.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      const warm = await openBarePage(bareCtx, origin);
      await warm.page.close();
      s.bareCold.push(cold.readyMs);
      s.bareWarm.push(warm.readyMs);
    } finally {
      await bareCtx.close();
    }
    log(
      `start ${i + 1}/${runs}: Executor cold ${s.executorColdUi.at(-1)?.toFixed(0)} ms, warm ${s.executorWarmUi.at(-1)?.toFixed(0)} ms; ` +
        `bare cold ${s.bareCold.at(-1)?.toFixed(0)} ms, warm ${s.bareWarm.at(-1)?.toFixed(0)} ms`,
    );
  }
  const bare = 'bare Pyodide worker boot';
  return {
    samples: s,
    rows: [
      row(
        '1. Start',
        'Cold: navigation → status shows Ready (empty cache)',
        'ms',
        summarize(s.executorColdUi),
        bare,
        summarize(s.bareCold),
      ),
      row('1. Start', 'Cold: navigation → engine ready message', 'ms', summarize(s.executorColdEngine), bare, summarize(s.bareCold)),
      row(
        '1. Start',
        'Warm: second visit → status shows Ready',
        'ms',
        summarize(s.executorWarmUi),
        bare,
        summarize(s.bareWarm),
        `${s.warmFromSnapshot} of ${runs} warm visits booted from the memory snapshot`,
      ),
      row('1. Start', 'Warm: second visit → engine ready message', 'ms', summarize(s.executorWarmEngine), bare, summarize(s.bareWarm)),
      row(
        '1. Start',
        'First trivial run right after Ready, warm (snapshot)',
        'ms',
        summarize(s.warmFirstRun),
        'the same after a cold (normal) boot',
        summarize(s.coldFirstRun),
      ),
      row(
        '1. Start',
        'Restart (engine.reset()) → ready again',
        'ms',
        summarize(s.restart),
        bare,
        summarize(s.bareWarm),
        'a booted spare takes over; the next spare restores from the snapshot',
      ),
    ],
  };
}
