import { describe, expect, it } from 'vitest';
import { LONG_SOAK, SHORT_SOAK, soakPlan } from './soakPlan.ts';

describe('soakPlan', () => {
  it('has each operation as many times as asked', () => {
    const plan = soakPlan(LONG_SOAK);
    expect(plan).toHaveLength(5320);
    for (const [op, n] of Object.entries(LONG_SOAK)) expect(plan.filter((o) => o === op)).toHaveLength(n);
  });

  it('brings every kind within the first hundred operations, and keeps each going to the end', () => {
    for (const counts of [LONG_SOAK, SHORT_SOAK]) {
      const plan = soakPlan(counts);
      const first = new Set(plan.slice(0, 100));
      expect([...first].sort()).toEqual(Object.keys(counts).sort());
      const last = new Set(plan.slice(-Math.ceil(plan.length / 5)));
      expect([...last].sort()).toEqual(Object.keys(counts).sort());
    }
  });
});
