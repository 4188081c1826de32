import type { HistoryEntry, HistoryStorage } from './historyStorage.ts';

/** How long a finished run waits before it is written, with the runs that finish meanwhile. */
export const HISTORY_BATCH_MS = 300;

/** What the batcher needs: where to write, a timer, and where the written entries (or a failure) go. */
export interface HistoryBatcherDeps {
  storage: HistoryStorage;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** The entries one write stored, with their ids, in the order they were pushed. */
  onSaved(entries: HistoryEntry[]): void;
  onFailed(error: unknown): void;
}

/** Writes finished runs to the history in batches, off the way of the run's result. */
export interface HistoryBatcher {
  /** Queues a run for the next write (at most {@link HISTORY_BATCH_MS} later). */
  push(entry: Omit<HistoryEntry, 'id'>, limit: number): void;
  /** Writes what is queued now (the page is being hidden, or a caller needs it stored). */
  flush(): Promise<void>;
  /** Drops what is queued for `session` (its history is being cleared). */
  drop(session: string): void;
}

/**
 * Each run's history entry used to be one IndexedDB transaction with two counts, on the way to the next run. Here a
 * run only queues its entry; one transaction writes every entry queued in {@link HISTORY_BATCH_MS}, trimming once.
 */
export function createHistoryBatcher(deps: HistoryBatcherDeps): HistoryBatcher {
  let queue: Array<Omit<HistoryEntry, 'id'>> = [];
  let limit = 0;
  let timer: unknown = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return writing;
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
      timer ??= deps.setTimer(() => {
        timer = null;
        void flush();
      }, HISTORY_BATCH_MS);
    },
    flush,
    drop(session) {
      queue = queue.filter((e) => e.session !== session);
    },
  };
}
