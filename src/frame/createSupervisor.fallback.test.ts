import { describe, expect, it } from 'vitest';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';

/** A supervisor whose workers cannot be interrupted (no SharedArrayBuffer), its run 1 started. */
function setup() {
  const { sup, workers, sent, advance, results } = createFakeSupervisor({}, false);
  workers[0]!.say({ type: 'ready', bootMs: 1 });
  workers[1]!.say({ type: 'ready', bootMs: 1 }); // the spare
  sup.handle({ type: 'run', id: 1, code: 'while True: pass', options: FAKE_RUN_OPTIONS });
  workers[0]!.say({ type: 'started', id: 1 });
  return { sup, workers, sent, advance, results };
}

describe('supervisor without shared memory', () => {
  it('Stop replaces the interpreter at once, says why, and the spare serves the next run', () => {
    const { sup, workers, sent, results } = setup();
    sup.handle({ type: 'stop', id: 1 });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.interrupts).toBe(0);
    expect(results()[0]?.result).toMatchObject({ status: 'stopped', stateKept: false });
    expect(sent).toContainEqual(expect.objectContaining({ type: 'notice', text: expect.stringMatching(/no SharedArrayBuffer/) }));
    sup.handle({ type: 'run', id: 2, code: 'pass', options: FAKE_RUN_OPTIONS });
    expect(workers[1]!.runs).toEqual([{ id: 2, code: 'pass' }]);
  });

  it('the time limit does the same, with status timeout', () => {
    const { workers, advance, results, sent } = setup();
    advance(1000);
    expect(workers[0]!.terminated).toBe(true);
    expect(results()[0]?.result).toMatchObject({ status: 'timeout', stateKept: false });
    expect(sent).toContainEqual(expect.objectContaining({ type: 'notice', text: expect.stringMatching(/at its time limit/) }));
  });
});
