/** What a soak does, and how many times. */
export interface SoakCounts {
  run: number;
  tests: number;
  restart: number;
  debug: number;
  switch: number;
}

/** One operation of the soak. */
export type SoakOp = keyof SoakCounts;

/** The long day: 5,000 runs, 200 test runs, 50 Restarts, 20 debug sessions and 50 session switches. */
export const LONG_SOAK: SoakCounts = { run: 5000, tests: 200, restart: 50, debug: 20, switch: 50 };
/** CI's short form: a tenth of it. */
export const SHORT_SOAK: SoakCounts = { run: 500, tests: 20, restart: 5, debug: 2, switch: 5 };

/**
 * The operations in order: one of each kind first, then each kind spread evenly over the whole soak, so the
 * baseline (after the first hundred operations) has seen every kind and every kind goes on to the end. Ties go in
 * the order of {@link SoakCounts}' keys.
 */
export function soakPlan(counts: SoakCounts): SoakOp[] {
  const slots: Array<{ at: number; op: SoakOp; order: number }> = [];
  (Object.keys(counts) as SoakOp[]).forEach((op, order) => {
    const n = counts[op];
    // The first of each kind comes at once (the baseline is taken after every kind has been done once).
    for (let k = 0; k < n; k++)
      slots.push({ at: k === 0 ? order / 1e6 : (k + (order + 1) / (Object.keys(counts).length + 1)) / n, op, order });
  });
  return slots.sort((a, b) => a.at - b.at || a.order - b.order).map((s) => s.op);
}
