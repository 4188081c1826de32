import { PREPARE_ALLOWANCE_MS } from '../protocol/runAllowances.ts';
import type { FrameDeps } from './frameDeps.ts';

/** One run's time limit, which can be paused (input, a debugger pause), and the run's other timers. */
export interface RunClock {
  /**
   * The run was sent: its budget is its time limit plus the allowance for preparing (writing files, loading
   * packages), until {@link userCodeStarted}.
   */
  begin(): void;
  /** The user's code starts now: the budget becomes the time limit, from now (unless the clock is paused). */
  userCodeStarted(): void;
  /** Stops counting, keeping what is left (a no-op when paused). */
  pause(): void;
  /** Counts again with what was left (a no-op when running). */
  resume(): void;
  /** A timer that ends with the run. */
  later: (fn: () => void, ms: number) => void;
  /** Clears every timer of the run. */
  clear(): void;
}

/** Creates a run's clock; `onTimeout` is called once the budget is spent. */
export function createRunClock(
  deps: Pick<FrameDeps, 'now' | 'setTimer' | 'clearTimer'>,
  timeoutMs: number,
  onTimeout: () => void,
): RunClock {
  let timers: unknown[] = [];
  // The timeout's timer while it counts; null while paused (or before the run is sent).
  let timeoutTimer: unknown = null;
  let budgetMs = 0;
  let armedAt = 0;
  const arm = (): void => {
    armedAt = deps.now();
    timeoutTimer = deps.setTimer(onTimeout, Math.max(0, budgetMs));
  };
  const disarm = (): void => {
    if (timeoutTimer !== null) deps.clearTimer(timeoutTimer);
    timeoutTimer = null;
  };
  return {
    begin() {
      disarm();
      budgetMs = timeoutMs + PREPARE_ALLOWANCE_MS;
      arm();
    },
    userCodeStarted() {
      if (timeoutTimer === null) return;
      disarm();
      budgetMs = timeoutMs;
      arm();
    },
    pause() {
      if (timeoutTimer === null) return;
      disarm();
      budgetMs -= deps.now() - armedAt;
    },
    resume() {
      if (timeoutTimer === null) arm();
    },
    later(fn, ms) {
      timers.push(deps.setTimer(fn, ms));
    },
    clear() {
      disarm();
      for (const t of timers) deps.clearTimer(t);
      timers = [];
    },
  };
}
