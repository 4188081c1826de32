import { requestResult, transactionDone } from '../project/idbPromises.ts';
import { openExecutorDb, PROJECT_STORE, SESSIONS_STORE } from '../project/openExecutorDb.ts';
import { containsBytes, fromStorable, toStorable } from './blobCodec.ts';

/** What every stored session has; the store's own record type adds the rest. */
export interface StoredSession {
  id: string;
  name: string;
  updatedAt: number;
}

/** Where the app page keeps its sessions (IndexedDB in the app, memory in tests). */
export interface SessionDb<R extends StoredSession> {
  /** Every session. */
  list(): Promise<R[]>;
  get(id: string): Promise<R | null>;
  put(record: R): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Stores the first session, atomically: only when there is no session yet (two tabs opening the
   * new version at once make one session). Resolves to false when a session already existed.
   */
  putFirst(record: R): Promise<boolean>;
}

/** The sessions in IndexedDB (database "executor", store "sessions"); binary files' bytes are kept as Blobs. */
export function createIdbSessionDb<R extends StoredSession>(): SessionDb<R> {
  const store = async (mode: IDBTransactionMode) => (await openExecutorDb()).transaction(SESSIONS_STORE, mode).objectStore(SESSIONS_STORE);
  const write = async (work: (s: IDBObjectStore) => void): Promise<void> => {
    const s = await store('readwrite');
    work(s);
    await transactionDone(s.transaction, 'The session');
  };
  return {
    list: async () => fromStorable<R[]>(await requestResult((await store('readonly')).getAll(), 'The saved sessions')),
    get: async (id) =>
      (await fromStorable<R | undefined>(await requestResult((await store('readonly')).get(id), 'The saved sessions'))) ?? null,
    async put(record) {
      try {
        await write((s) => s.put(toStorable(record)));
      } catch (err) {
        // Some browsers cannot keep a Blob in IndexedDB (WebKit in an ephemeral session): the bytes as they are.
        if (!containsBytes(record)) throw err;
        await write((s) => s.put(record));
      }
    },
    delete: (id) => write((s) => s.delete(id)),
    async putFirst(record) {
      const db = await openExecutorDb();
      // One transaction over both stores: a second tab waits, then sees the session.
      const tx = db.transaction([SESSIONS_STORE, PROJECT_STORE], 'readwrite');
      const sessions = tx.objectStore(SESSIONS_STORE);
      const count = await requestResult(sessions.count(), 'The saved sessions');
      // A first session is made from the old project, which holds text only: no Blob to store.
      if (count === 0) sessions.put(record);
      await transactionDone(tx, 'The session');
      return count === 0;
    },
  };
}

/** Whether a record holds bytes anywhere (a binary file). */
/** Sessions in memory (tests, and browsers without IndexedDB). */
export function createMemorySessionDb<R extends StoredSession>(initial: R[] = []): SessionDb<R> & { records: Map<string, R> } {
  const records = new Map(initial.map((r) => [r.id, structuredClone(r)]));
  return {
    records,
    list: async () => [...records.values()].map((r) => structuredClone(r)),
    get: async (id) => (records.has(id) ? structuredClone(records.get(id) as R) : null),
    put: async (record) => void records.set(record.id, structuredClone(record)),
    delete: async (id) => void records.delete(id),
    async putFirst(record) {
      if (records.size > 0) return false;
      records.set(record.id, structuredClone(record));
      return true;
    },
  };
}
