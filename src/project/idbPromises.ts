/** IndexedDB's callbacks as promises, with errors that say what could not be read or saved. */

/** The request's result; rejects with "<subject> could not be read" when it fails without an error of its own. */
export function requestResult<T>(req: IDBRequest<T>, subject: string): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`${subject} could not be read`));
  });
}

/** Resolves when the transaction commits; rejects when it fails or is aborted (a full disk, say). */
export function transactionDone(tx: IDBTransaction, subject: string): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error(`${subject} could not be saved`));
    tx.onabort = () => reject(tx.error ?? new Error(`${subject} could not be saved (the disk may be full)`));
  });
}
