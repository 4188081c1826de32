import { createIdbProjectStorage, type ProjectStorage } from '../project/projectStorage.ts';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createAppStore } from './createAppStore.ts';
import { createIdbHistoryStorage } from '../runs/createIdbHistoryStorage.ts';
import { createIdbSessionDb } from '../session/sessionDb.ts';
import type { SessionRecord } from './sessionTypes.ts';
import { createSessionLock } from '../session/createSessionLock.ts';
import type { AppState } from './types.ts';
import { browserStorageAccess } from './browserStorageAccess.ts';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Where the app page keeps the project's files (IndexedDB; null where there is none). */
export const projectStorage: ProjectStorage | null = typeof indexedDB === 'undefined' ? null : createIdbProjectStorage();

/** The app's store instance. */
export const appStore: StoreApi<AppState> = createAppStore({
  storage: typeof window === 'undefined' ? null : safeLocalStorage(),
  chatStorage: typeof window === 'undefined' ? null : safeSessionStorage(),
  projectStorage,
  historyStorage: typeof indexedDB === 'undefined' ? null : createIdbHistoryStorage(),
  sessionDb: typeof indexedDB === 'undefined' ? null : createIdbSessionDb<SessionRecord>(),
  sessionLock: typeof navigator === 'undefined' || !navigator.locks ? null : (beforeRelease) => createSessionLock(beforeRelease),
  storageAccess: typeof indexedDB === 'undefined' ? null : browserStorageAccess(),
});

/** React hook over {@link appStore}. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
