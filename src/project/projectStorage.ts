import { openExecutorDb, PROJECT_STORE } from './openExecutorDb.ts';
import type { ProjectSnapshot } from './projectModel.ts';

/** Where the app page keeps the project (the sandbox frame has no storage). */
export interface ProjectStorage {
  load(): Promise<ProjectSnapshot | null>;
  save(snapshot: ProjectSnapshot): Promise<void>;
}

const STORE = PROJECT_STORE;
const KEY = 'current';

/** The project in IndexedDB (database "executor", store "project", key "current"). */
export function createIdbProjectStorage(): ProjectStorage {
  const database = openExecutorDb; // opened once per page, shared with the sessions
  return {
    async load() {
      const d = await database();
      return new Promise((resolve, reject) => {
        const req = d.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        req.onsuccess = () => resolve((req.result as ProjectSnapshot | undefined) ?? null);
        req.onerror = () => reject(req.error ?? new Error('The project could not be read'));
      });
    },
    async save(snapshot) {
      const d = await database();
      return new Promise((resolve, reject) => {
        const tx = d.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(snapshot, KEY);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('The project could not be saved'));
      });
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
  };
  return store;
}
