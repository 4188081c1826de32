import { describe, expect, it } from 'vitest';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';
import type { DebugPause } from '../protocol/debug.ts';

const options = { ...FAKE_RUN_OPTIONS, debug: { breakpoints: [{ file: 'main.py', line: 3 }] } };
const pause: DebugPause = {
  reason: 'breakpoint',
  message: null,
  file: 'main.py',
  line: 3,
  frames: [{ name: '<module>', file: 'main.py', line: 3 }],
  locals: { rows: [], total: 0, offset: 0 },
};
const evaluate = (requestId: number) => ({ kind: 'evaluate' as const, requestId, frame: 0, expression: 'i * 2' });
const resume = { kind: 'resume' as const, action: 'continue' as const, breakpoints: [] };

/** A supervisor whose debug run 1 has started. */
function setup() {
  const { sup, workers, sent, advance } = createFakeSupervisor();
  const worker = workers[0]!;
  worker.say({ type: 'ready', bootMs: 1 });
  sup.handle({ type: 'run', id: 1, code: 'for i in range(3):\n    pass\n    x = i', options });
  worker.say({ type: 'started', id: 1 });
  return { sup, worker, sent, advance };
}

describe('supervisor: the debugger', () => {
  it('forwards a pause, says where in the status, and does not count the pause toward the time limit', () => {
    const { worker, sent, advance, sup } = setup();
    advance(600);
    worker.say({ type: 'debug-paused', id: 1, pause });
    expect(sent).toContainEqual({ type: 'debug-paused', id: 1, pause });
    expect(sent).toContainEqual({ type: 'state', state: 'running', detail: 'Paused at main.py:3', progress: null });
    advance(60_000);
    expect(worker.interrupts).toBe(0);
    sup.handle({ type: 'debug', id: 1, command: resume });
    expect(worker.debugCommands).toEqual([resume]);
    advance(399);
    expect(worker.interrupts).toBe(0);
    advance(1);
    expect(worker.interrupts).toBe(1); // the 400 ms left of the 1 s limit
  });

  it('hands requests to the mailbox one at a time, each after the answer to the one before', () => {
    const { sup, worker, sent } = setup();
    worker.say({ type: 'debug-paused', id: 1, pause });
    sup.handle({ type: 'debug', id: 1, command: evaluate(1) });
    sup.handle({ type: 'debug', id: 1, command: evaluate(2) });
    sup.handle({ type: 'debug', id: 1, command: resume });
    expect(worker.debugCommands).toEqual([evaluate(1)]);
    const answer = {
      ok: true as const,
      value: { name: 'i * 2', type: 'int', kind: 'value' as const, size: null, repr: '0', expandable: false },
    };
    worker.say({ type: 'debug-answer', id: 1, requestId: 1, answer });
    expect(sent).toContainEqual({ type: 'debug-answer', id: 1, requestId: 1, answer });
    expect(worker.debugCommands).toEqual([evaluate(1), evaluate(2)]);
    worker.say({ type: 'debug-answer', id: 1, requestId: 2, answer });
    expect(worker.debugCommands).toEqual([evaluate(1), evaluate(2), resume]);
    expect(sent.at(-1)).toEqual({ type: 'state', state: 'running', detail: 'Running', progress: null });
  });

  it('answers requests for a run that is not paused, or not current, with the reason', () => {
    const { sup, worker, sent } = setup();
    sup.handle({ type: 'debug', id: 1, command: evaluate(5) });
    sup.handle({ type: 'debug', id: 7, command: evaluate(6) });
    sup.handle({ type: 'debug', id: 1, command: resume }); // nothing to resume: ignored
    expect(worker.debugCommands).toEqual([]);
    expect(sent).toContainEqual({ type: 'debug-answer', id: 1, requestId: 5, answer: { ok: false, error: 'The program is not paused.' } });
    expect(sent).toContainEqual({ type: 'debug-answer', id: 7, requestId: 6, answer: { ok: false, error: 'That run has ended.' } });
  });

  it('interrupts a guarded call into user objects once its deadline has passed', () => {
    const { worker, advance } = setup();
    worker.guardDeadline = 250;
    advance(200);
    expect(worker.debugTimeouts).toBe(0);
    advance(100);
    expect(worker.debugTimeouts).toBe(1);
    advance(1000);
    expect(worker.debugTimeouts).toBe(1);
  });

  it('Stop while paused interrupts the worker', () => {
    const { sup, worker } = setup();
    worker.say({ type: 'debug-paused', id: 1, pause });
    sup.handle({ type: 'stop', id: 1 });
    expect(worker.interrupts).toBe(1);
  });
});

describe('supervisor: the debugger, edges', () => {
  it('a command the mailbox cannot take is answered with the reason', () => {
    const { sup, worker, sent } = setup();
    worker.debug = () => false;
    worker.say({ type: 'debug-paused', id: 1, pause });
    sup.handle({ type: 'debug', id: 1, command: evaluate(3) });
    expect(sent).toContainEqual({
      type: 'debug-answer',
      id: 1,
      requestId: 3,
      answer: { ok: false, error: 'That command is too large for the debugger.' },
    });
  });

  it('requests queued behind a resume are answered: the program is running again', () => {
    const { sup, worker, sent } = setup();
    worker.say({ type: 'debug-paused', id: 1, pause });
    sup.handle({ type: 'debug', id: 1, command: evaluate(1) });
    sup.handle({ type: 'debug', id: 1, command: resume });
    sup.handle({ type: 'debug', id: 1, command: evaluate(2) });
    worker.say({ type: 'debug-answer', id: 1, requestId: 9, answer: { ok: false, error: 'stale' } }); // not the one asked: dropped
    expect(sent.filter((m) => m.type === 'debug-answer')).toEqual([]);
    worker.say({ type: 'debug-answer', id: 1, requestId: 1, answer: { ok: false, error: 'x' } });
    expect(sent).toContainEqual({
      type: 'debug-answer',
      id: 1,
      requestId: 2,
      answer: { ok: false, error: 'The program is running again.' },
    });
  });
});
