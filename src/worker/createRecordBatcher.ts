import type { TestRecord } from '../protocol/testProtocol.ts';

/** How long finished tests' records wait, at most, for the records that follow them (while tests keep finishing). */
export const RECORD_BATCH_MS = 50;
/** Most records one batch holds. */
export const RECORD_BATCH_SIZE = 500;

/** Collects test records and hands them on in batches. */
export interface RecordBatcher {
  add(record: TestRecord): void;
  /** A test starts: what is waiting goes out first if it has waited long enough (a slow test must not hold it). */
  starting(): void;
  /** Hands on whatever waits (the run ended or was stopped). */
  flush(): void;
}

/**
 * pytest runs synchronously inside the worker, so no timer fires while tests run: batches are cut by time and size
 * as records come in, and at each test's start. One message carries many records instead of one message per test.
 */
export function createRecordBatcher(send: (records: TestRecord[]) => void, now: () => number = () => performance.now()): RecordBatcher {
  let waiting: TestRecord[] = [];
  let since = 0;
  const flush = (): void => {
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    send(batch);
  };
  return {
    add(record) {
      if (waiting.length === 0) since = now();
      waiting.push(record);
      if (waiting.length >= RECORD_BATCH_SIZE || now() - since >= RECORD_BATCH_MS) flush();
    },
    starting() {
      if (waiting.length > 0 && now() - since >= RECORD_BATCH_MS) flush();
    },
    flush,
  };
}
