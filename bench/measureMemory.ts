import type { Browser } from '@playwright/test';
import type { BareWindow } from './bare/bareApi.ts';
import { BENCH_CONFIG } from './benchConfig.ts';
import { log } from './log.ts';
import { openBarePage } from './openBarePage.ts';
import { openExecutorPage } from './openExecutorPage.ts';
import { readHeapMB } from './readHeapMB.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/**
 * Figure 6: the page's JS heap and the interpreter's heap (peakMemoryMB of a
 * trivial run) right after start, and after a run that breaks the memory cap.
 * Each sample is a freshly opened page (same context, so a warm cache).
 */
export async function measureMemory(browser: Browser, origin: string, runs: number): Promise<BenchRow[]> {
  const ctx = await browser.newContext();
  const exHeap: number[] = [];
  const exPy: number[] = [];
  const capHeap: number[] = [];
  const capPy: number[] = [];
  const baHeap: number[] = [];
  const baPy: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { page } = await openExecutorPage(ctx, origin);
      await sleep(BENCH_CONFIG.spareSettleMs);
      const trivialPeak = (): Promise<number> =>
        page.evaluate(async () => (await window.executor.engine.execute('pass')).metrics.peakMemoryMB);
      exPy.push(await trivialPeak());
      exHeap.push(await readHeapMB(page));
      const cap = await page.evaluate(
        async ({ code, maxMemoryMB }) => (await window.executor.engine.execute(code, { maxMemoryMB })).status,
        { code: BENCH_CONFIG.memoryCapProgram, maxMemoryMB: BENCH_CONFIG.memoryCapMB },
      );
      if (cap !== 'memory') throw new Error(`The memory-cap run ended with ${cap}, not memory.`);
      capPy.push(await trivialPeak());
      capHeap.push(await readHeapMB(page));
      await page.close();

      const bare = await openBarePage(ctx, origin);
      baPy.push(await bare.page.evaluate(async () => (await (window as unknown as BareWindow).bare.run('pass')).peakMemoryMB));
      baHeap.push(await readHeapMB(bare.page));
      await bare.page.close();
      log(
        `memory ${i + 1}/${runs}: Executor page ${exHeap.at(-1)?.toFixed(1)} MB, Python ${exPy.at(-1)?.toFixed(1)} MB; ` +
          `after cap run page ${capHeap.at(-1)?.toFixed(1)} MB, Python ${capPy.at(-1)?.toFixed(1)} MB; ` +
          `bare page ${baHeap.at(-1)?.toFixed(1)} MB, Python ${baPy.at(-1)?.toFixed(1)} MB`,
      );
    }
  } finally {
    await ctx.close();
  }
  const f = '6. Memory';
  const capName = `after \`${BENCH_CONFIG.memoryCapProgram}\` with maxMemoryMB ${BENCH_CONFIG.memoryCapMB}`;
  return [
    row(f, 'Page JS heap after start (after GC)', 'MB', summarize(exHeap), 'bare page', summarize(baHeap)),
    row(f, 'Interpreter heap after start (peakMemoryMB of pass)', 'MB', summarize(exPy), 'bare worker', summarize(baPy)),
    row(f, `Page JS heap ${capName}`, 'MB', summarize(capHeap), 'Executor after start', summarize(exHeap)),
    row(
      f,
      `Interpreter heap ${capName}`,
      'MB',
      summarize(capPy),
      'Executor after start',
      summarize(exPy),
      'peakMemoryMB is a high-water mark',
    ),
  ];
}
