/** A clock for tests: timers run only when `advance` moves time past them. */
export function createFakeClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextTimer = 1;
  return {
    now: () => now,
    setTimer(fn: () => void, ms: number): unknown {
      const id = nextTimer++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer(id: unknown): void {
      timers = timers.filter((t) => t.id !== id);
    },
    /** Moves time on by `ms` and runs the timers that fall due. */
    advance(ms: number): void {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.fn());
    },
  };
}
