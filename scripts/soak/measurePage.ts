import type { CDPSession, Page } from '@playwright/test';

/** What the soak watches for leaks, after a garbage collection. */
export interface PageFigures {
  /** The page's JavaScript heap in use (bytes; its isolate, which the sandbox frame shares in Chromium). */
  heapBytes: number;
  /** DOM nodes and JavaScript event listeners Chromium counts for the page. */
  domNodes: number;
  listeners: number;
  /** Dedicated workers alive in the browser (the sandbox's interpreters, Ruff's and the editor's). */
  workers: number;
  /** Records in every IndexedDB store of the origin (sessions, history, snapshots). */
  idbRecords: number;
}

/** Collects garbage, then reads the figures. `page` a CDP session of the page, `browser` one of the browser. */
export async function measurePage(page: Page, cdp: CDPSession, browser: CDPSession): Promise<PageFigures> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const { targetInfos } = await browser.send('Target.getTargets');
  // No named function inside: tsx would wrap it in a helper the page does not have.
  const idbRecords = await page.evaluate(async () => {
    let total = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        total += await new Promise<number>((resolve, reject) => {
          const counted = db.transaction(store).objectStore(store).count();
          counted.onsuccess = () => resolve(counted.result);
          counted.onerror = () => reject(counted.error ?? new Error('IndexedDB count failed'));
        });
      }
      db.close();
    }
    return total;
  });
  return {
    heapBytes: heap.usedSize,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    workers: targetInfos.filter((t) => t.type === 'worker').length,
    idbRecords,
  };
}
