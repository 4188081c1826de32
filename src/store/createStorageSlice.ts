import type { StorageAccess, StorageProblem, StorageSlice } from './storageTypes.ts';
import type { SliceCreator } from './types.ts';

type Prefs = Pick<Storage, 'getItem' | 'setItem'>;

const PERSIST_ASKED_KEY = 'executor.storage.persistAsked';

/** Whether an error is the browser refusing a write for space (IndexedDB's QuotaExceededError, by name or in words). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota|disk (is |may be )?full/i.test(message));
}

const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Storage slice. `access` is the browser's storage (null: none to measure or free); `prefs` remembers that
 * persistent storage was asked for, so the browser is asked once.
 */
export const createStorageSlice =
  (access: StorageAccess | null, prefs: Prefs | null): SliceCreator<StorageSlice> =>
  (set, get) => {
    const estimate = async () => {
      const found = await access?.estimate().catch(() => null);
      set({ storageEstimate: found ?? null });
    };
    const asked = (): boolean => {
      try {
        return prefs?.getItem(PERSIST_ASKED_KEY) === '1';
      } catch {
        return false;
      }
    };
    const askPersistence = async () => {
      if (!access?.persist) return set({ persistence: 'unsupported' });
      try {
        prefs?.setItem(PERSIST_ASKED_KEY, '1');
      } catch {
        // denied: asked again next visit
      }
      const granted = await access.persist().catch(() => false);
      set({ persistence: granted ? 'granted' : 'denied' });
    };
    /** Frees space with `work`, then tries the open session's save again. */
    const free = async (work: () => Promise<void>) => {
      await work().catch(() => undefined);
      await get().refreshStorageReport();
      await get().flushSession();
    };
    return {
      storageProblem: null,
      storageEstimate: null,
      storageReport: null,
      persistence: access?.persist ? 'unasked' : 'unsupported',

      reportStorageFailure(error, unavailable = false) {
        const problem: StorageProblem = {
          kind: unavailable ? 'unavailable' : isQuotaError(error) ? 'quota' : 'failed',
          detail: words(error),
        };
        set({ storageProblem: problem });
        void estimate();
      },

      storageSaved() {
        if (get().storageProblem?.kind !== 'unavailable') set({ storageProblem: null });
        if (get().persistence === 'unasked') {
          if (asked()) void access?.persisted?.().then((yes) => set({ persistence: yes ? 'granted' : 'denied' }));
          else void askPersistence();
        }
      },

      async refreshStorageReport() {
        const [found, sessions, snapshots, packageCache, persisted] = await Promise.all([
          access?.estimate().catch(() => null) ?? null,
          get().sessionSizes(),
          access?.measureSnapshots().catch(() => 0) ?? 0,
          access?.measurePackageCache().catch(() => 0) ?? 0,
          access?.persisted?.().catch(() => null) ?? null,
        ]);
        set({
          storageEstimate: found,
          storageReport: { usage: found?.usage ?? null, quota: found?.quota ?? null, sessions, snapshots, packageCache },
          ...(persisted === true ? { persistence: 'granted' as const } : {}),
          ...(persisted === false && get().persistence === 'granted' ? { persistence: 'denied' as const } : {}),
        });
      },

      deleteSnapshots: () => free(() => access?.clearSnapshots() ?? Promise.resolve()),
      deletePackageCache: () => free(() => access?.clearPackageCache() ?? Promise.resolve()),
    };
  };
