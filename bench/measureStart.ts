import type { Browser } from '@playwright/test';
import { BENCH_CONFIG } from './benchConfig.ts';
import { log } from './log.ts';
import { openBarePage } from './openBarePage.ts';
import { openExecutorPage } from './openExecutorPage.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** Raw start-up samples, ms since navigation. */
export interface StartSamples {
  executorColdUi: number[];
  executorColdEngine: number[];
  executorWarmUi: number[];
  executorWarmEngine: number[];
  bareCold: number[];
  bareWarm: number[];
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
  };
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    try {
      const cold = await openExecutorPage(ctx, origin);
      await cold.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      const warm = await openExecutorPage(ctx, origin);
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
      row('1. Start', 'Warm: second visit → status shows Ready', 'ms', summarize(s.executorWarmUi), bare, summarize(s.bareWarm)),
      row('1. Start', 'Warm: second visit → engine ready message', 'ms', summarize(s.executorWarmEngine), bare, summarize(s.bareWarm)),
    ],
  };
}
