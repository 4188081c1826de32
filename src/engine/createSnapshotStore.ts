/** Where the page keeps Python memory snapshots between visits. */
export interface SnapshotStore {
  /** The snapshot for this build and browser, or null: a Blob, which IndexedDB hands out without reading it. */
  load(): Promise<Blob | null>;
  /** Keeps `bytes` as this build's snapshot; older builds' snapshots beyond the newest two are deleted. */
  save(bytes: Uint8Array | Blob): Promise<void>;
  /** Deletes this build's snapshot (it could not be restored). */
  discard(): Promise<void>;
}

/** Snapshots kept at most, newest first (this build's and the one before it). */
export const SNAPSHOTS_KEPT = 2;

const DB_NAME = 'executor-snapshots';
const STORE = 'snapshots';

interface StoredSnapshot {
  key: string;
  /** A Blob (stored as a file: reading the record does not read the 30 MB); older records hold a Uint8Array. */
  bytes: Blob | Uint8Array;
  savedAt: number;
}

/**
 * A snapshot is only good for the Pyodide build, Executor's Python and package set it was made
 * with (`buildKey`, fixed when the app is built) and the browser engine and version that made it.
 */
export function snapshotKey(buildKey: string, userAgent: string): string {
  return `${buildKey}|${userAgent}`;
}

/** The keys to delete so that at most `keep` snapshots remain, the newest kept. */
export function keysToEvict(entries: ReadonlyArray<{ key: string; savedAt: number }>, keep = SNAPSHOTS_KEPT): string[] {
  return [...entries]
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(keep)
    .map((e) => e.key);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(idb: IDBFactory): Promise<IDBDatabase> {
  const req = idb.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
  return request(req);
}

/** Snapshots in their own IndexedDB database, one record per key. */
export function createSnapshotStore(key: string, idb: IDBFactory = indexedDB): SnapshotStore {
  const withStore = async <T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>): Promise<T> => {
    const db = await open(idb);
    try {
      return await use(db.transaction(STORE, mode).objectStore(STORE));
    } finally {
      db.close();
    }
  };
  return {
    load: () =>
      withStore('readonly', async (store) => {
        const found = (await request(store.get(key))) as StoredSnapshot | undefined;
        if (found?.bytes instanceof Blob) return found.bytes;
        return found?.bytes instanceof Uint8Array ? new Blob([found.bytes as Uint8Array<ArrayBuffer>]) : null;
      }),
    save: (bytes) =>
      withStore('readwrite', async (store) => {
        const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
        await request(store.put({ key, bytes: blob, savedAt: Date.now() } satisfies StoredSnapshot));
        const all = (await request(store.getAll())) as StoredSnapshot[];
        for (const old of keysToEvict(all)) await request(store.delete(old));
      }),
    discard: () => withStore('readwrite', async (store) => void (await request(store.delete(key)))),
  };
}

/** Bytes held by every build's snapshots in this browser (0 when there are none, or no IndexedDB). */
export async function measureSnapshots(idb: IDBFactory = indexedDB): Promise<number> {
  const db = await open(idb);
  try {
    const all = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll())) as StoredSnapshot[];
    return all.reduce((sum, s) => sum + (s.bytes instanceof Blob ? s.bytes.size : s.bytes.length), 0);
  } finally {
    db.close();
  }
}

/** Deletes every snapshot: the next start boots Python from scratch and makes a new one. */
export async function clearSnapshots(idb: IDBFactory = indexedDB): Promise<void> {
  const db = await open(idb);
  try {
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).clear());
  } finally {
    db.close();
  }
}
