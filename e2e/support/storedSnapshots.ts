import type { Page } from '@playwright/test';

/** How many memory snapshots the page has stored (its own IndexedDB database; see src/engine/createSnapshotStore.ts). */
export function storedSnapshots(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('executor-snapshots', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('snapshots', { keyPath: 'key' });
        req.onsuccess = () => {
          const count = req.result.transaction('snapshots').objectStore('snapshots').count();
          count.onsuccess = () => {
            req.result.close();
            resolve(count.result);
          };
        };
        req.onerror = () => resolve(0);
      }),
  );
}
