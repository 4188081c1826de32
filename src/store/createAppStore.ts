import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice } from './createEditorSlice.ts';
import { createEngineSlice } from './createEngineSlice.ts';
import { createOutputSlice } from './createOutputSlice.ts';
import { createPackagesSlice } from './createPackagesSlice.ts';
import { createRunSlice } from './createRunSlice.ts';
import { createSettingsSlice } from './createSettingsSlice.ts';
import { createPolicySlice } from './createPolicySlice.ts';
import { createInputSlice } from './createInputSlice.ts';
import { createChatSlice } from './createChatSlice.ts';
import { createFilesSlice } from './createFilesSlice.ts';
import { createTestsSlice } from './createTestsSlice.ts';
import { createMonitorSlice } from './createMonitorSlice.ts';
import { createSessionsSlice } from './createSessionsSlice.ts';
import { createLayoutSlice } from './createLayoutSlice.ts';
import { createStorageSlice } from './createStorageSlice.ts';
import type { StorageAccess } from './storageTypes.ts';
import { createVariablesSlice } from './createVariablesSlice.ts';
import { createDebugSlice } from './createDebugSlice.ts';
import type { SessionDb } from '../session/sessionDb.ts';
import type { SessionRecord } from './sessionTypes.ts';
import type { HistoryStorage } from '../runs/historyStorage.ts';
import type { ProjectStorage } from '../project/projectStorage.ts';
import type { AppState } from './types.ts';
import type { SessionLock } from '../session/createSessionLock.ts';

/** Where the store keeps things; each is optional (nothing is kept where it is absent, or memory for sessions). */
export interface AppStoreOptions {
  /** localStorage in the app: preferences (layout, settings, input, tests' choices), and the buffer kept before projects. */
  storage?: (Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>) | null;
  /** sessionStorage in the app: the chat lasts as long as the tab. */
  chatStorage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** IndexedDB in the app: the project saved before sessions existed (the first session is made from it). */
  projectStorage?: ProjectStorage | null;
  /** IndexedDB in the app: the execution history. */
  historyStorage?: HistoryStorage | null;
  /** IndexedDB in the app: the sessions (memory when null). */
  sessionDb?: SessionDb<SessionRecord> | null;
  /** Web Locks in the app: which tab writes a session (every session is the store's own when absent). */
  sessionLock?: ((beforeRelease: () => Promise<void>) => SessionLock) | null;
  /** The browser's storage manager, snapshots and package cache: measured and freed from Settings. */
  storageAccess?: StorageAccess | null;
}

/** Creates the one app store from its slices; fakes or nothing in tests. */
export function createAppStore(options: AppStoreOptions = {}): StoreApi<AppState> {
  const {
    storage = null,
    chatStorage = null,
    projectStorage = null,
    historyStorage = null,
    sessionDb = null,
    sessionLock = null,
    storageAccess = null,
  } = options;
  const store = createStore<AppState>()((set, get) => ({
    ...createEngineSlice(set, get),
    ...createEditorSlice()(set, get),
    ...createVariablesSlice(set, get),
    ...createDebugSlice(set, get),
    ...createOutputSlice(set, get),
    ...createRunSlice(set, get),
    ...createSettingsSlice(storage)(set, get),
    ...createPolicySlice(set, get),
    ...createPackagesSlice(storage)(set, get),
    ...createInputSlice(storage)(set, get),
    ...createChatSlice(chatStorage)(set, get),
    ...createFilesSlice(projectStorage, storage)(set, get),
    ...createTestsSlice(storage)(set, get),
    ...createMonitorSlice(historyStorage, chatStorage, storage)(set, get),
    ...createSessionsSlice(sessionDb, historyStorage, storage, sessionLock ?? undefined)(set, get),
    ...createStorageSlice(storageAccess, storage)(set, get),
    ...createLayoutSlice(storage)(set, get),
  }));
  // ENABLE_PROFILING and COLLECT_METRICS follow the settings, however they change.
  store.subscribe((s, prev) => {
    if (s.settings !== prev.settings)
      s.engine?.setMonitoring?.({ enableProfiling: s.settings.enableProfiling, collectMetrics: s.settings.collectMetrics });
  });
  return store;
}
