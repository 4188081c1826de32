import type { SessionDb, StoredSession } from './sessionDb.ts';

/** How a save of the open session went. */
export type SaveOutcome<R> = { kind: 'unchanged' } | { kind: 'saved'; record: R } | { kind: 'failed'; error: unknown };

/**
 * The sessions' persistence: one queue of writes (each after the one before, a failed one does not stop the
 * next), and the open session with what was last saved of it, so a save writes only a changed content.
 */
export interface SessionWriter<R extends StoredSession, C> {
  /** Runs storage work after every write queued before it. */
  queue<T>(work: () => Promise<T>): Promise<T>;
  /** The session being edited (as last saved or loaded), or null. */
  readonly open: R | null;
  /** A session was opened: `record` as stored, `content` its content as saved. Null: none is open (it was deleted). */
  opened(record: R | null, content?: C): void;
  /** Changes the open record without saving (a rename saved on its own). */
  patchOpen(patch: Partial<R>): void;
  /** Saves the open session with `content` when it differs from what was last saved; queued like every write. */
  saveOpen(content: () => C | null): Promise<SaveOutcome<R>>;
  /** The database (to read and write other sessions through the queue). */
  readonly db: SessionDb<R>;
  /** Uses another database from now on (the browser's could not be read: memory instead). */
  replaceDb(db: SessionDb<R>): void;
}

const byteIds = new WeakMap<Uint8Array, number>();
let nextByteId = 1;

/**
 * A string that changes when the content does: its JSON, with each binary file's bytes standing in by identity
 * (the store never changes bytes in place; a program's new bytes are a new array), so 40 MB are not written out
 * to compare.
 */
export function contentKey(content: unknown): string {
  return JSON.stringify(content, (_key, value: unknown) => {
    if (!(value instanceof Uint8Array)) return value;
    let id = byteIds.get(value);
    if (id === undefined) byteIds.set(value, (id = nextByteId++));
    return `bytes#${id}:${value.length}`;
  });
}

/** Creates the writer over `db`; `now` stamps saves (tests pass a clock). */
export function createSessionWriter<R extends StoredSession, C extends object>(
  db: SessionDb<R>,
  now: () => number = Date.now,
): SessionWriter<R, C> {
  let store = db;
  let writes: Promise<unknown> = Promise.resolve();
  let open: R | null = null;
  let savedJson = '';
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work, work);
    writes = next.catch(() => undefined);
    return next;
  };
  return {
    queue,
    get open() {
      return open;
    },
    get db() {
      return store;
    },
    replaceDb(next) {
      store = next;
    },
    opened(record, content) {
      open = record;
      savedJson = content === undefined ? '' : contentKey(content);
    },
    patchOpen(patch) {
      if (open) open = { ...open, ...patch };
    },
    saveOpen(content) {
      return queue(async (): Promise<SaveOutcome<R>> => {
        const current = content();
        if (!open || current === null) return { kind: 'unchanged' };
        const json = contentKey(current);
        if (json === savedJson) return { kind: 'unchanged' };
        const record: R = { ...open, ...current, updatedAt: now() };
        try {
          await store.put(record);
        } catch (error) {
          return { kind: 'failed', error };
        }
        // A switch while it was written: the record saved is no longer the open one.
        if (open?.id !== record.id) return { kind: 'unchanged' };
        open = record;
        savedJson = json;
        return { kind: 'saved', record };
      });
    },
  };
}
