import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';

const options = FAKE_RUN_OPTIONS;

/** A supervisor over fake workers and a fake clock, its interpreter ready. */
function setup() {
  const { sup, workers, sent, advance } = createFakeSupervisor();
  const worker = workers[0]!;
  worker.say({ type: 'ready', bootMs: 1 });
  return { sup, worker, sent, advance };
}

describe('supervisor: input and displays', () => {
  it('forwards an input request and hands the page line to the worker', () => {
    const { sup, worker, sent } = setup();
    sup.handle({ type: 'run', id: 1, code: 'input()', options });
    worker.say({ type: 'started', id: 1 });
    worker.say({ type: 'input-request', id: 1 });
    expect(sent).toContainEqual({ type: 'input-request', id: 1 });
    expect(sent).toContainEqual({ type: 'state', state: 'running', detail: 'Waiting for input', progress: null });
    sup.handle({ type: 'stdin', id: 1, text: 'hello' });
    sup.handle({ type: 'stdin', id: 1, text: 'not asked for' }); // ignored: nobody waits
    sup.handle({ type: 'stdin', id: 9, text: 'wrong run' });
    expect(worker.stdin).toEqual(['hello']);
  });

  it('does not count waiting for input toward the timeout by default', () => {
    const { sup, worker, advance } = setup();
    sup.handle({ type: 'run', id: 1, code: 'input()', options });
    worker.say({ type: 'started', id: 1 });
    advance(600);
    worker.say({ type: 'input-request', id: 1 });
    advance(10_000);
    expect(worker.interrupts).toBe(0);
    sup.handle({ type: 'stdin', id: 1, text: null });
    advance(399);
    expect(worker.interrupts).toBe(0);
    advance(1);
    expect(worker.interrupts).toBe(1);
  });

  it('counts waiting toward the timeout when the run says so', () => {
    const { sup, worker, advance } = setup();
    sup.handle({ type: 'run', id: 1, code: 'input()', options: { ...options, inputCountsTowardTimeout: true } });
    worker.say({ type: 'started', id: 1 });
    worker.say({ type: 'input-request', id: 1 });
    advance(1000);
    expect(worker.interrupts).toBe(1);
  });

  it('stops a run that waits for input', () => {
    const { sup, worker, sent } = setup();
    sup.handle({ type: 'run', id: 1, code: 'input()', options });
    worker.say({ type: 'started', id: 1 });
    worker.say({ type: 'input-request', id: 1 });
    sup.handle({ type: 'stop', id: 1 });
    expect(worker.interrupts).toBe(1);
    sup.handle({ type: 'stdin', id: 1, text: 'too late' });
    expect(worker.stdin).toEqual([]);
    worker.say({
      type: 'result',
      id: 1,
      result: makeResult({ success: false, status: 'stopped', error: { type: 'KeyboardInterrupt', message: '', traceback: '', line: 1 } }),
    });
    expect(sent.at(-2)).toMatchObject({ type: 'result', id: 1, result: { status: 'stopped' } });
  });

  it('forwards displays and counts their size as output', () => {
    const { sup, worker, sent, advance } = setup();
    sup.handle({ type: 'run', id: 1, code: 'x', options });
    worker.say({ type: 'started', id: 1 });
    const display = { kind: 'display' as const, data: { 'text/plain': 'abc', 'text/html': '<b>x</b>' } };
    worker.say({ type: 'display', id: 1, display });
    worker.say({ type: 'display', id: 7, display }); // another run's: dropped
    expect(sent.filter((m) => m.type === 'display')).toEqual([{ type: 'display', id: 1, display }]);
    advance(1000); // timeout, then the kill after the grace period: the result counts what was shown
    advance(500);
    const result = sent.find((m) => m.type === 'result');
    expect(result?.type === 'result' && result.result.metrics.outputChars).toBe(11);
  });
});
