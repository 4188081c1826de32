import type { WorkerHandle } from './createWorkerHandle.ts';
import type { WorkerMemory } from './measureWorkerMemory.ts';
import type { FrameDeps } from './frameDeps.ts';

const MB = 2 ** 20;
/** The browser answers a memory measurement at its next garbage collection, within about 20 s. */
export const MEASURE_TIMEOUT_MS = 30_000;
/**
 * Measurements start at least this far apart. A browser that measures at once (Chromium with
 * `--enable-blink-features=ForceEagerMeasureMemory`, as the tests run it) would otherwise collect garbage
 * back to back for as long as a run goes on.
 */
export const MEASURE_INTERVAL_MS = 1000;

/** What the memory watch needs from the supervisor. */
export interface MemoryWatchDeps extends Pick<FrameDeps, 'now' | 'setTimer' | 'clearTimer'> {
  /** The browser's measurement of workers' JavaScript memory. */
  measure: () => Promise<WorkerMemory>;
  /** The interpreter that serves runs now. */
  active(): WorkerHandle;
  /** A run is going on (measure again after each answer while it does). */
  running(): boolean;
  /** `worker` holds `bytes` of JavaScript memory, over `limitMB`. */
  onOver(worker: WorkerHandle, bytes: number, limitMB: number): void;
}

/** Holds the JavaScript memory of the interpreter that serves runs against the run's memory limit. */
export interface MemoryWatch {
  /** The limit of the run starting now, in MB. */
  setLimit(limitMB: number): void;
  /** Measures now (or once more after the measurement in flight), and again after each answer while a run goes on. */
  watch(): void;
}

/**
 * The wasm heap has its own limit in the worker; memory a program holds through `js` (ArrayBuffers, arrays) is
 * outside it, so the browser's measurement of the worker is held against the same limit. One measurement at a
 * time, while runs go on and once after each.
 */
export function createMemoryWatch(deps: MemoryWatchDeps): MemoryWatch {
  let measuring = false;
  let again = false;
  let generation = 0;
  let limitMB: number | null = null;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  // The next measurement, when it waits for MEASURE_INTERVAL_MS: it starts after what is asked about now.
  let waitTimer: unknown = null;

  const watch = (): void => {
    if (waitTimer !== null) return;
    if (measuring) {
      again = true; // what the one in flight reports may predate what is asked about now
      return;
    }
    const wait = lastStartedAt + MEASURE_INTERVAL_MS - deps.now();
    if (wait > 0) {
      waitTimer = deps.setTimer(() => {
        waitTimer = null;
        watch();
      }, wait);
      return;
    }
    lastStartedAt = deps.now();
    measuring = true;
    again = false;
    const target = deps.active();
    const mine = ++generation;
    const settled = (): boolean => {
      if (mine !== generation || !measuring) return false; // given up on, or superseded
      deps.clearTimer(giveUp);
      measuring = false;
      return true;
    };
    // A measurement that covers a worker terminated meanwhile can stay pending for good: give up on it.
    const giveUp = deps.setTimer(() => {
      if (settled() && (deps.running() || again)) watch();
    }, MEASURE_TIMEOUT_MS);
    deps.measure().then(
      (sizes) => {
        if (!settled()) return;
        const bytes = sizes.get(target.url) ?? 0;
        // A measurement that began before the interpreter was replaced says nothing about the new one.
        if (deps.active() === target && limitMB !== null && bytes > limitMB * MB) deps.onOver(target, bytes, limitMB);
        else if (deps.running() || again) watch();
      },
      () => void settled(),
    );
  };

  return {
    setLimit(next) {
      limitMB = next;
    },
    watch,
  };
}
