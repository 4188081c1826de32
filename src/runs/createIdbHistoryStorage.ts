import { requestResult, transactionDone } from '../project/idbPromises.ts';
import { HISTORY_SESSIONS_FACTOR, type HistoryEntry, type HistoryStorage } from './historyStorage.ts';

const DB = 'executor-history';
const STORE = 'runs';

/** Deletes the first `count` records a cursor walks over (oldest first). */
function deleteFirst(source: IDBObjectStore | IDBIndex, count: number, query?: IDBValidKey): void {
  if (count <= 0) return;
  let left = count;
  const req = source.openCursor(query);
  req.onsuccess = () => {
    const cursor = req.result;
    if (!cursor || left <= 0) return;
    cursor.delete();
    left -= 1;
    cursor.continue();
  };
}

/** The history in IndexedDB (database "executor-history", store "runs", indexed by session). */
export function createIdbHistoryStorage(): HistoryStorage {
  let db: Promise<IDBDatabase> | null = null;
  const database = () =>
    (db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () =>
        req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true }).createIndex('session', 'session');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    }));
  const addMany: HistoryStorage['addMany'] = async (entries, limit) => {
    const d = await database();
    const tx = d.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const ids = await Promise.all(entries.map((entry) => requestResult(store.add(entry), 'The history') as Promise<number>));
    // Bounded: each session's oldest runs go first, and all sessions together stay under a cap (counted once a write).
    for (const session of new Set(entries.map((e) => e.session))) {
      const mine = await requestResult(store.index('session').count(session), 'The history');
      deleteFirst(store.index('session'), mine - limit, session);
    }
    const total = await requestResult(store.count(), 'The history');
    deleteFirst(store, total - limit * HISTORY_SESSIONS_FACTOR);
    await transactionDone(tx, 'The history');
    return entries.map((entry, i) => ({ ...entry, id: ids[i] as number }));
  };
  return {
    async list(session) {
      const d = await database();
      const all = await requestResult(d.transaction(STORE, 'readonly').objectStore(STORE).index('session').getAll(session), 'The history');
      return (all as HistoryEntry[]).sort((a, b) => a.id - b.id);
    },
    add: async (entry, limit) => (await addMany([entry], limit))[0] as HistoryEntry,
    addMany,
    async clear(session) {
      const d = await database();
      const tx = d.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const keys = await requestResult(store.index('session').getAllKeys(session), 'The history');
      for (const key of keys) store.delete(key);
      await transactionDone(tx, 'The history');
    },
  };
}
