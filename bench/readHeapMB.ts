import type { Page } from '@playwright/test';

/**
 * The page's main-thread JS heap in use (CDP Performance.getMetrics
 * JSHeapUsedSize), in MB, after a forced garbage collection: what the page
 * retains. Workers and out-of-process frames are not included.
 */
export async function readHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
    if (!used) throw new Error('CDP reported no JSHeapUsedSize.');
    return used.value / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}
