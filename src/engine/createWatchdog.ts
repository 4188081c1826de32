/** What the watchdog needs from the engine (injected so tests can drive time). */
export interface WatchdogDeps {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Asks the frame for a sign of life (any message from it counts, see {@link Watchdog.heard}). */
  ping(): void;
  /** The frame said nothing for too long while work was pending. */
  onSilent(silentMs: number): void;
  /** A run's end did not arrive by its deadline. */
  onOverdue(runId: number): void;
}

/** Watches the sandbox frame while runs are pending. */
export interface Watchdog {
  /** A run was sent; its end must arrive within `deadlineMs`. */
  watch(runId: number, deadlineMs: number): void;
  /** The run ended (or was given up). */
  unwatch(runId: number): void;
  /** The run waits for its user (that time does not count toward its deadline) ... */
  pause(runId: number): void;
  /** ... until it has its input. */
  resume(runId: number): void;
  /** Any message from the frame: it is alive. */
  heard(): void;
}

/** How often the watchdog looks, and pings, while runs are pending. */
export const PING_MS = 2000;
/** Silence from the frame, while runs are pending, after which it is taken to be hung. */
export const SILENT_MS = 12_000;

interface Watched {
  deadline: number;
  pausedAt: number | null;
}

/**
 * The page's last line of defence: the frame enforces every limit, but if the frame itself
 * hangs or loses a run, no result would ever arrive. While runs are pending the watchdog
 * pings the frame; silence for {@link SILENT_MS}, or a run past its deadline, is reported
 * once, so the engine can end the run and replace the frame. Time the page itself was
 * blocked (its own timers ran late) is not held against the frame.
 */
export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const runs = new Map<number, Watched>();
  let handle: unknown = null;
  let lastHeard = 0;
  let lastTick = 0;

  const tick = (): void => {
    const now = deps.now();
    if (now - lastTick > PING_MS * 2) lastHeard = Math.max(lastHeard, now - PING_MS); // we were the ones blocked
    lastTick = now;
    if (now - lastHeard > SILENT_MS) {
      stop();
      deps.onSilent(now - lastHeard);
      return;
    }
    for (const [id, run] of runs) if (run.pausedAt === null && now > run.deadline) deps.onOverdue(id);
    if (runs.size > 0) deps.ping();
  };
  const stop = (): void => {
    if (handle !== null) deps.clearInterval(handle);
    handle = null;
    runs.clear();
  };

  return {
    watch(runId, deadlineMs) {
      const now = deps.now();
      runs.set(runId, { deadline: now + deadlineMs, pausedAt: null });
      if (handle === null) {
        lastHeard = now;
        lastTick = now;
        handle = deps.setInterval(tick, PING_MS);
      }
    },
    unwatch(runId) {
      runs.delete(runId);
      if (runs.size === 0 && handle !== null) {
        deps.clearInterval(handle);
        handle = null;
      }
    },
    pause(runId) {
      const run = runs.get(runId);
      if (run && run.pausedAt === null) run.pausedAt = deps.now();
    },
    resume(runId) {
      const run = runs.get(runId);
      if (!run || run.pausedAt === null) return;
      run.deadline += deps.now() - run.pausedAt;
      run.pausedAt = null;
    },
    heard() {
      lastHeard = deps.now();
    },
  };
}
