import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import type { BenchServer } from './startBenchServer.ts';
import type { Traffic } from './meterTraffic.ts';
import { SLOW_LINK } from './throttleFetch.ts';
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

/** Raw start-up samples: ms since navigation, and MB sent per visit. */
export interface StartSamples {
  executorColdUi: number[];
  executorColdEngine: number[];
  executorWarmUi: number[];
  executorWarmEngine: number[];
  executorSlowCold: number[];
  executorSlowWarm: number[];
  bareCold: number[];
  bareWarm: number[];
  bareSlowCold: number[];
  bareSlowWarm: number[];
  coldFirstRun: number[];
  warmFirstRun: number[];
  warmFromSnapshot: number;
  restart: number[];
  /** Per visit: MB the server sent (page + sandbox), and of it what the sandbox asked for of Pyodide's and the index's files. */
  executorColdMB: number[];
  executorWarmMB: number[];
  sandboxPyodideColdMB: number[];
  sandboxPyodideWarmMB: number[];
  sandboxPyodideRequests: number[];
  bareColdMB: number[];
  bareWarmMB: number[];
}

const MB = 2 ** 20;
const total = (t: Traffic) => (t.pageBytes + t.sandboxBytes) / MB;

/** A browser profile on disk (as people browse: an incognito context's in-memory cache keeps no file over about 1 MB). */
async function withProfile<T>(use: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'executor-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    return await use(ctx);
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a page over the slow link (20 Mbit/s, 40 ms), then restores full speed. */
async function overSlowLink<T>(server: BenchServer, open: () => Promise<T>): Promise<T> {
  server.setLink(SLOW_LINK);
  try {
    return await open();
  } finally {
    server.setLink(null);
  }
}

/**
 * Figure 1: navigation → Ready, cold (new profile, empty cache) and warm (second visit in the
 * same profile, on disk as a real browser's), at full speed and over a slow link, for the app and
 * for the bare page, with the bytes each visit took. Each sample uses its own profiles, so the two
 * never share a cache.
 */
export async function measureStart(server: BenchServer, runs: number): Promise<{ rows: BenchRow[]; samples: StartSamples }> {
  const origin = server.origin;
  const s: StartSamples = {
    executorColdUi: [],
    executorColdEngine: [],
    executorWarmUi: [],
    executorWarmEngine: [],
    executorSlowCold: [],
    executorSlowWarm: [],
    bareCold: [],
    bareWarm: [],
    bareSlowCold: [],
    bareSlowWarm: [],
    coldFirstRun: [],
    warmFirstRun: [],
    warmFromSnapshot: 0,
    restart: [],
    executorColdMB: [],
    executorWarmMB: [],
    sandboxPyodideColdMB: [],
    sandboxPyodideWarmMB: [],
    sandboxPyodideRequests: [],
    bareColdMB: [],
    bareWarmMB: [],
  };
  for (let i = 0; i < runs; i++) {
    await withProfile(async (ctx) => {
      server.takeTraffic();
      const cold = await openExecutorPage(ctx, origin);
      const coldTraffic = server.takeTraffic();
      s.coldFirstRun.push(await firstRunMs(cold.page));
      await waitForSnapshot(cold.page);
      await cold.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      server.takeTraffic();
      const warm = await openExecutorPage(ctx, origin);
      const warmTraffic = server.takeTraffic();
      s.warmFirstRun.push(await firstRunMs(warm.page));
      if ((await warm.page.getByTestId('status').getAttribute('data-boot')) === 'snapshot') s.warmFromSnapshot += 1;
      s.restart.push(await restartMs(warm.page));
      await warm.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      const slowWarm = await overSlowLink(server, () => openExecutorPage(ctx, origin));
      await slowWarm.page.close();
      s.executorColdUi.push(cold.uiReadyMs);
      s.executorColdEngine.push(cold.engineReadyMs);
      s.executorWarmUi.push(warm.uiReadyMs);
      s.executorWarmEngine.push(warm.engineReadyMs);
      s.executorSlowWarm.push(slowWarm.uiReadyMs);
      s.executorColdMB.push(total(coldTraffic));
      s.executorWarmMB.push(total(warmTraffic));
      s.sandboxPyodideColdMB.push(coldTraffic.sandboxPyodideBytes / MB);
      s.sandboxPyodideWarmMB.push(warmTraffic.sandboxPyodideBytes / MB);
      s.sandboxPyodideRequests.push(coldTraffic.sandboxPyodideRequests + warmTraffic.sandboxPyodideRequests);
    });
    await withProfile(async (ctx) => {
      const slowCold = await overSlowLink(server, () => openExecutorPage(ctx, origin));
      s.executorSlowCold.push(slowCold.uiReadyMs);
    });
    await withProfile(async (ctx) => {
      server.takeTraffic();
      const cold = await openBarePage(ctx, origin);
      const coldTraffic = server.takeTraffic();
      await cold.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      server.takeTraffic();
      const warm = await openBarePage(ctx, origin);
      const warmTraffic = server.takeTraffic();
      await warm.page.close();
      await sleep(BENCH_CONFIG.pauseBetweenVisitsMs);
      const slowWarm = await overSlowLink(server, () => openBarePage(ctx, origin));
      await slowWarm.page.close();
      s.bareCold.push(cold.readyMs);
      s.bareWarm.push(warm.readyMs);
      s.bareSlowWarm.push(slowWarm.readyMs);
      s.bareColdMB.push(total(coldTraffic));
      s.bareWarmMB.push(total(warmTraffic));
    });
    await withProfile(async (ctx) => {
      const slowCold = await overSlowLink(server, () => openBarePage(ctx, origin));
      s.bareSlowCold.push(slowCold.readyMs);
    });
    log(
      `start ${i + 1}/${runs}: Executor cold ${s.executorColdUi.at(-1)?.toFixed(0)} ms (${s.executorColdMB.at(-1)?.toFixed(1)} MB), ` +
        `warm ${s.executorWarmUi.at(-1)?.toFixed(0)} ms (${s.executorWarmMB.at(-1)?.toFixed(2)} MB), slow cold ${s.executorSlowCold.at(-1)?.toFixed(0)} ms, ` +
        `slow warm ${s.executorSlowWarm.at(-1)?.toFixed(0)} ms; bare cold ${s.bareCold.at(-1)?.toFixed(0)} ms (${s.bareColdMB.at(-1)?.toFixed(1)} MB), ` +
        `warm ${s.bareWarm.at(-1)?.toFixed(0)} ms (${s.bareWarmMB.at(-1)?.toFixed(2)} MB), slow cold ${s.bareSlowCold.at(-1)?.toFixed(0)} ms, ` +
        `slow warm ${s.bareSlowWarm.at(-1)?.toFixed(0)} ms`,
    );
  }
  const bare = 'bare Pyodide worker boot';
  const slow = 'over a 20 Mbit/s, 40 ms link';
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
      row('1. Start', `Cold, ${slow}: navigation → Ready`, 'ms', summarize(s.executorSlowCold), bare, summarize(s.bareSlowCold)),
      row('1. Start', `Warm, ${slow}: navigation → Ready`, 'ms', summarize(s.executorSlowWarm), bare, summarize(s.bareSlowWarm)),
      row(
        '1. Start',
        'Cold visit: bytes sent by the server (page and sandbox)',
        'MB',
        summarize(s.executorColdMB),
        'bare page',
        summarize(s.bareColdMB),
      ),
      row(
        '1. Start',
        'Warm visit: bytes sent by the server (page and sandbox)',
        'MB',
        summarize(s.executorWarmMB),
        'bare page',
        summarize(s.bareWarmMB),
        'the rest comes from the browser cache; the frame document and its script are never cached (opaque origin)',
      ),
      row(
        '1. Start',
        "Pyodide's files and wheels the sandbox itself fetched, cold and warm",
        'MB',
        summarize([...s.sandboxPyodideColdMB, ...s.sandboxPyodideWarmMB]),
        null,
        null,
        `${s.sandboxPyodideRequests.reduce((a, b) => a + b, 0)} requests from the frame or its workers in ${runs * 2} visits: the page fetches them and hands them over`,
      ),
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
