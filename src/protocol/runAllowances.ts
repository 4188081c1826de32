/** Extra time a run may spend writing project files and loading packages before its code starts. */
export const PREPARE_ALLOWANCE_MS = 60_000;

/** How long a soft interrupt may take before the worker is killed. */
export const DEFAULT_GRACE_MS = 1500;

/** How long a worker may take to say it took a run before it is taken to be stuck and replaced. */
export const ACCEPT_MS = 5000;

/**
 * The latest a run's end may reach the page after it was sent, by the frame's own limits: its time
 * limit, the preparation allowance, the grace of a kill and a margin for a loaded machine. Past it,
 * the page's watchdog ends the run itself.
 */
export function runDeadlineMs(timeoutMs: number): number {
  return timeoutMs + PREPARE_ALLOWANCE_MS + ACCEPT_MS + DEFAULT_GRACE_MS + 10_000;
}
