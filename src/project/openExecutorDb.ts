/** The app page's database: "project" (the pre-sessions project, key "current") and "sessions" (one record per session, keyPath "id"). */
export const EXECUTOR_DB = 'executor';
/** Version 2 added the "sessions" store; "project" is kept as it was (the first session is made from it). */
export const EXECUTOR_DB_VERSION = 2;
/** The store of the single project kept before sessions existed. */
export const PROJECT_STORE = 'project';
/** The store of sessions. */
export const SESSIONS_STORE = 'sessions';

let opened: Promise<IDBDatabase> | null = null;

/**
 * Opens (once per page) the database, creating what is missing. Another tab still holding the old
 * version blocks the upgrade: that rejects with a message saying to close it, rather than waiting forever.
 */
export function openExecutorDb(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(EXECUTOR_DB, EXECUTOR_DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(PROJECT_STORE)) db.createObjectStore(PROJECT_STORE);
      if (!db.objectStoreNames.contains(SESSIONS_STORE)) db.createObjectStore(SESSIONS_STORE, { keyPath: 'id' });
    };
    req.onblocked = () =>
      reject(
        new Error('Another Executor tab (an older version) holds the saved sessions: close the other Executor tabs, then reload this one.'),
      );
    req.onsuccess = () => {
      const db = req.result;
      // A newer version of the page in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
  opened.catch(() => (opened = null));
  return opened;
}
