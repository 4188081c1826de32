/** Releases a lock taken with {@link Lock.acquire}. */
export type Release = () => void;

/** A FIFO async mutex (after Pyodide's common/lock.ts). */
export interface Lock {
  acquire(): Promise<Release>;
  /** Runs `fn` holding the lock, and releases it however `fn` ends. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** Creates a lock: callers get it one at a time, in the order they asked. */
export function createLock(): Lock {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<Release> => {
    let release!: Release;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
  return {
    acquire,
    async run(fn) {
      const release = await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
