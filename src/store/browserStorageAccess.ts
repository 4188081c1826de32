import { clearPackageCache, measurePackageCache } from '../engine/createPackageCache.ts';
import { clearSnapshots, measureSnapshots } from '../engine/createSnapshotStore.ts';
import type { StorageAccess } from './storageTypes.ts';

/** The page's storage: `navigator.storage` (where it exists), the snapshots' database and the package cache. */
export function browserStorageAccess(manager: StorageManager | undefined = globalThis.navigator?.storage): StorageAccess {
  return {
    async estimate() {
      const found = await manager?.estimate?.();
      return { usage: found?.usage ?? null, quota: found?.quota ?? null };
    },
    ...(manager?.persist ? { persist: () => manager.persist(), persisted: () => manager.persisted() } : {}),
    measureSnapshots: () => measureSnapshots(),
    clearSnapshots: () => clearSnapshots(),
    measurePackageCache: () => measurePackageCache(),
    clearPackageCache: () => clearPackageCache(),
  };
}
