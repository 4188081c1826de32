import type { HistoryEntry, HistoryStorage } from './historyStorage.ts';

/** Writes are at least this far apart: runs that finish meanwhile wait and go in one write. */
export const HISTORY_BATCH_MS = 300;

/** What the batcher needs: where to write, a timer, and where the written entries (or a failure) go. */
export interface HistoryBatcherDeps {
  storage: HistoryStorage;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** The entries one write stored, with their ids, in the order they were pushed. */
  onSaved(entries: HistoryEntry[]): void;
  onFailed(error: unknown): void;
}

/** Writes finished runs to the history in batches, off the way of the run's result. */
export interface HistoryBatcher {
  /** Queues a run: written in the next task when nothing was written for {@link HISTORY_BATCH_MS}, else with the next batch. */
  push(entry: Omit<HistoryEntry, 'id'>, limit: number): void;
  /** Writes what is queued now (the page is being hidden, or a caller needs it stored). */
  flush(): Promise<void>;
  /** Drops what is queued for `session` (its history is being cleared). */
  drop(session: string): void;
}

/**
 * Each run's history entry used to be one IndexedDB transaction with two counts, on the way to the next run. Here a
 * run only queues its entry. A lone run is written in the next task (after its result, and before a reload that
 * follows it can lose it); runs in quick succession go in one transaction every {@link HISTORY_BATCH_MS}, trimmed once.
 */
export function createHistoryBatcher(deps: HistoryBatcherDeps): HistoryBatcher {
  let queue: Array<Omit<HistoryEntry, 'id'>> = [];
  let limit = 0;
  let timer: unknown = null;
  let writing: Promise<void> = Promise.resolve();
  let lastWriteAt = Number.NEGATIVE_INFINITY;

  const flush = (): Promise<void> => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return writing;
    lastWriteAt = deps.now();
    // One write at a time, in order: ids grow with the runs' order.
    writing = writing.then(async () => {
      try {
        deps.onSaved(await deps.storage.addMany(batch, limit));
      } catch (err) {
        deps.onFailed(err);
      }
    });
    return writing;
  };

  return {
    push(entry, entryLimit) {
      queue.push(entry);
      limit = entryLimit;
      timer ??= deps.setTimer(
        () => {
          timer = null;
          void flush();
        },
        Math.max(0, lastWriteAt + HISTORY_BATCH_MS - deps.now()),
      );
    },
    flush,
    drop(session) {
      queue = queue.filter((e) => e.session !== session);
    },
  };
}
