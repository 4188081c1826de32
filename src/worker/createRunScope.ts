/** The parts of a worker's global scope a run can leave work behind in. */
export interface ScopedGlobal {
  setTimeout: (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
  clearTimeout: (id: number | undefined) => void;
  setInterval: (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
  clearInterval: (id: number | undefined) => void;
  Worker?: typeof Worker;
}

/** What a run left behind and {@link RunScope.end} stopped. */
export interface LeftBehind {
  timers: number;
  workers: number;
}

/** Tracks the timers, intervals and nested workers created while a run is open. */
export interface RunScope {
  begin(): void;
  /** Clears the run's pending timers and intervals and terminates its workers. */
  end(): LeftBehind;
}

/**
 * Wraps the global's timer functions and Worker constructor (read-only afterwards, so a
 * program cannot put the originals back) to remember what a run creates through `js`;
 * at the run's end whatever is still pending is cancelled, so no callback of the run's
 * can compute, print or allocate after its limits stopped applying.
 */
export function createRunScope(global: ScopedGlobal): RunScope {
  const {
    setTimeout: realSetTimeout,
    clearTimeout: realClearTimeout,
    setInterval: realSetInterval,
    clearInterval: realClearInterval,
  } = global;
  const RealWorker = global.Worker;
  let open = false;
  const timers = new Set<number>();
  const intervals = new Set<number>();
  const workers = new Set<Worker>();

  const lock = (name: keyof ScopedGlobal, value: unknown): void => {
    Object.defineProperty(global, name, { value, writable: false, configurable: false, enumerable: true });
  };
  lock('setTimeout', (handler: TimerHandler, timeout?: number, ...args: unknown[]): number => {
    if (!open || typeof handler !== 'function') return realSetTimeout(handler, timeout, ...args);
    const id = realSetTimeout(
      (...a: unknown[]) => {
        timers.delete(id);
        (handler as (...x: unknown[]) => void)(...a);
      },
      timeout,
      ...args,
    );
    timers.add(id);
    return id;
  });
  lock('clearTimeout', (id: number | undefined): void => {
    if (id !== undefined) timers.delete(id);
    realClearTimeout(id);
  });
  lock('setInterval', (handler: TimerHandler, timeout?: number, ...args: unknown[]): number => {
    const id = realSetInterval(handler, timeout, ...args);
    if (open) intervals.add(id);
    return id;
  });
  lock('clearInterval', (id: number | undefined): void => {
    if (id !== undefined) intervals.delete(id);
    realClearInterval(id);
  });
  if (RealWorker) {
    // A subclass keeps `instanceof Worker` and the prototype working for the program.
    class ScopedWorker extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (open) workers.add(this);
      }
    }
    lock('Worker', ScopedWorker);
  }

  return {
    begin() {
      open = true;
    },
    end() {
      open = false;
      const left = { timers: timers.size + intervals.size, workers: workers.size };
      for (const id of timers) realClearTimeout(id);
      for (const id of intervals) realClearInterval(id);
      for (const w of workers) w.terminate();
      timers.clear();
      intervals.clear();
      workers.clear();
      return left;
    },
  };
}
