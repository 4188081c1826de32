import { requestResult, transactionDone } from './idbPromises.ts';
import { openExecutorDb, PROJECT_STORE } from './openExecutorDb.ts';
import type { ProjectSnapshot } from './projectModel.ts';

/** Where the app page keeps the project (the sandbox frame has no storage). */
export interface ProjectStorage {
  load(): Promise<ProjectSnapshot | null>;
  save(snapshot: ProjectSnapshot): Promise<void>;
  /** Removes the saved project (once the sessions hold it). */
  clear(): Promise<void>;
}

const STORE = PROJECT_STORE;
const KEY = 'current';

/** The project in IndexedDB (database "executor", store "project", key "current"). */
export function createIdbProjectStorage(): ProjectStorage {
  const database = openExecutorDb; // opened once per page, shared with the sessions
  return {
    async load() {
      const d = await database();
      const saved: unknown = await requestResult(d.transaction(STORE, 'readonly').objectStore(STORE).get(KEY), 'The project');
      return (saved as ProjectSnapshot | undefined) ?? null;
    },
    async save(snapshot) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(snapshot, KEY);
      await transactionDone(tx, 'The project');
    },
    async clear() {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(KEY);
      await transactionDone(tx, 'The project');
    },
  };
}

/** A project storage in memory (tests, and browsers without IndexedDB). */
export function createMemoryProjectStorage(initial: ProjectSnapshot | null = null): ProjectStorage & { saved: ProjectSnapshot | null } {
  const store = {
    saved: initial,
    load: async () => (store.saved ? structuredClone(store.saved) : null),
    save: async (snapshot: ProjectSnapshot) => {
      store.saved = structuredClone(snapshot);
    },
    clear: async () => {
      store.saved = null;
    },
  };
  return store;
}
