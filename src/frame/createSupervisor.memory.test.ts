import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';
import type { WorkerMemory } from './measureWorkerMemory.ts';
import { MEASURE_INTERVAL_MS, MEASURE_TIMEOUT_MS } from './createMemoryWatch.ts';

const MB = 2 ** 20;

// A measurement the test completes by hand, as the browser would at its next garbage collection.
function measurements() {
  const pending: Array<(m: WorkerMemory) => void> = [];
  return {
    measure: () => new Promise<WorkerMemory>((resolve) => pending.push(resolve)),
    complete: async (sizes: Record<string, number>) => {
      pending.shift()?.(new Map(Object.entries(sizes)));
      await Promise.resolve();
      await Promise.resolve();
    },
    count: () => pending.length,
  };
}

function booted(m: ReturnType<typeof measurements>) {
  const s = createFakeSupervisor({ measureWorkerMemory: m.measure });
  s.workers[0]?.say({ type: 'ready', bootMs: 5 });
  s.workers[1]?.say({ type: 'ready', bootMs: 5 });
  return s;
}

describe('createSupervisor: JavaScript memory', () => {
  it('ends a run whose worker holds more JavaScript memory than the limit, with status memory, in a fresh interpreter', async () => {
    const m = measurements();
    const { sup, workers, results, advance } = booted(m);
    sup.handle({ type: 'run', id: 1, code: 'hog()', options: { ...FAKE_RUN_OPTIONS, maxMemoryMB: 256 } });
    await m.complete({ 'blob:fake/0': 100 * MB });
    expect(results()).toHaveLength(0);
    expect(m.count()).toBe(0); // not back to back ...
    advance(MEASURE_INTERVAL_MS);
    expect(m.count()).toBe(1); // ... but again while the run goes on
    await m.complete({ 'blob:fake/0': 900 * MB, 'blob:fake/1': 1 });
    expect(results()[0]?.result).toMatchObject({ status: 'memory', stateKept: false, error: { type: 'MemoryError' } });
    expect(results()[0]?.result.error?.message).toMatch(/JavaScript memory of 900 MB.*limit of 256 MB/);
    expect(workers[0]?.terminated).toBe(true);
    sup.handle({ type: 'run', id: 2, code: 'print(2)', options: FAKE_RUN_OPTIONS });
    expect(workers[1]?.runs.map((r) => r.id)).toEqual([2]);
  });

  it('replaces an idle interpreter that kept the memory after its run ended, and says so', async () => {
    const m = measurements();
    const { sup, workers, sent } = booted(m);
    sup.handle({ type: 'run', id: 1, code: 'keep = hog()', options: { ...FAKE_RUN_OPTIONS, maxMemoryMB: 256 } });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    await m.complete({ 'blob:fake/0': 700 * MB });
    expect(workers[0]?.terminated).toBe(true);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'notice', text: expect.stringMatching(/JavaScript memory of 700 MB/) }));
  });

  it('measures the run going on when a measurement begun for a replaced interpreter comes back', async () => {
    const m = measurements();
    const { sup, workers, results, advance } = booted(m);
    sup.handle({ type: 'run', id: 1, code: 'x', options: FAKE_RUN_OPTIONS });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() }); // the measurement after the run is in flight
    sup.handle({ type: 'reset', id: 2 }); // Restart: the spare takes over
    sup.handle({ type: 'run', id: 3, code: 'hog()', options: { ...FAKE_RUN_OPTIONS, maxMemoryMB: 256 } });
    await m.complete({ 'blob:fake/0': 1 }); // for the old interpreter
    advance(MEASURE_INTERVAL_MS);
    expect(m.count()).toBe(1); // a new one, for the run on the new interpreter
    await m.complete({ 'blob:fake/1': 900 * MB });
    expect(results().at(-1)?.result).toMatchObject({ status: 'memory' });
  });

  it('measures once more after a run when the measurement in flight began before the run ended', async () => {
    const m = measurements();
    const { sup, workers, sent, advance } = booted(m);
    sup.handle({ type: 'run', id: 1, code: 'keep = hog()', options: { ...FAKE_RUN_OPTIONS, maxMemoryMB: 256 } });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    await m.complete({ 'blob:fake/0': 5 * MB }); // began before the program allocated
    advance(MEASURE_INTERVAL_MS);
    expect(m.count()).toBe(1);
    await m.complete({ 'blob:fake/0': 700 * MB });
    expect(workers[0]?.terminated).toBe(true);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'notice', text: expect.stringMatching(/JavaScript memory of 700 MB/) }));
  });

  it('gives up on a measurement that never comes back and measures again', async () => {
    const m = measurements();
    const { sup, workers, results, advance } = booted(m);
    sup.handle({ type: 'run', id: 1, code: 'hog()', options: { ...FAKE_RUN_OPTIONS, timeoutMs: 600_000, maxMemoryMB: 256 } });
    workers[0]?.say({ type: 'started', id: 1 });
    expect(m.count()).toBe(1);
    advance(MEASURE_TIMEOUT_MS);
    expect(m.count()).toBe(2); // the first never answered
    await m.complete({ 'blob:fake/0': 1 }); // the lost one answers late: ignored
    expect(m.count()).toBe(1);
    await m.complete({ 'blob:fake/0': 900 * MB });
    expect(results()[0]?.result).toMatchObject({ status: 'memory' });
  });

  it('measures nothing while no run has happened, and stops after the measurement that follows a run', async () => {
    const m = measurements();
    const { sup, workers, advance } = booted(m);
    expect(m.count()).toBe(0);
    sup.handle({ type: 'run', id: 1, code: 'x', options: FAKE_RUN_OPTIONS });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    await m.complete({ 'blob:fake/0': 10 * MB }); // began while the run went on
    advance(MEASURE_INTERVAL_MS);
    await m.complete({ 'blob:fake/0': 10 * MB }); // the one after the run's end
    advance(MEASURE_INTERVAL_MS * 10);
    expect(m.count()).toBe(0);
    expect(workers[0]?.terminated).toBe(false);
  });
});
