/**
 * Stops busy interpreters the way the frame always does: an interrupt (KeyboardInterrupt) at once, a second one
 * half-way through the grace (a program that caught the first, or was between checks, gets another chance to stop
 * softly), and after `graceMs` `kill` for what is still busy. `stillBusy` is asked before each later step;
 * `later` sets a timer that ends with the work it stops.
 */
export function interruptThenKill(
  later: (fn: () => void, ms: number) => void,
  graceMs: number,
  step: { interrupt(): void; stillBusy(): boolean; kill(): void },
): void {
  step.interrupt();
  later(() => step.stillBusy() && step.interrupt(), graceMs / 2);
  later(() => step.stillBusy() && step.kill(), graceMs);
}
