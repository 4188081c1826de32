import { makeResult } from '../testing/makeResult.ts';
import { describe, expect, it } from 'vitest';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';

const options = FAKE_RUN_OPTIONS;
const setup = createFakeSupervisor;

describe('createSupervisor', () => {
  it('waits for the interpreter, runs, and boots a spare once ready', () => {
    const { sup, workers, results, states } = setup();
    sup.handle({ type: 'run', id: 1, code: 'print(1)', options });
    expect(workers[0]?.runs).toEqual([]);
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    expect(workers[0]?.runs).toEqual([{ id: 1, code: 'print(1)' }]);
    expect(workers).toHaveLength(2); // the spare
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    expect(results()[0]?.result.status).toBe('ok');
    expect(states().at(-1)).toBe('ready');
  });

  it('ends a run whose result is not one (a broken interpreter) with an error, in a fresh interpreter', () => {
    const { sup, workers, results } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    workers[1]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 1, code: 'x', options });
    workers[0]?.say({ type: 'result', id: 1, result: 'FAKE' as unknown as ReturnType<typeof makeResult> });
    expect(results()[0]?.result).toMatchObject({ status: 'error', stateKept: false, error: { type: 'ResultRefused' } });
    expect(workers[0]?.terminated).toBe(true);
    sup.handle({ type: 'run', id: 2, code: 'print(1)', options });
    expect(workers[1]?.runs).toEqual([{ id: 2, code: 'print(1)' }]);
  });

  it('does not count preparation (files, packages) toward the time limit', () => {
    const { sup, workers, advance } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 9, code: 'import pytest', options });
    advance(5000); // still writing files / loading packages: no interrupt yet
    expect(workers[0]?.interrupts).toBe(0);
    workers[0]?.say({ type: 'started', id: 9 });
    advance(999);
    expect(workers[0]?.interrupts).toBe(0);
    advance(1);
    expect(workers[0]?.interrupts).toBe(1);
  });

  it('soft-interrupts at the timeout and reports timeout with state kept', () => {
    const { sup, workers, advance, results } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 2, code: 'while True: pass', options });
    workers[0]?.say({ type: 'started', id: 2 });
    advance(999);
    expect(workers[0]?.interrupts).toBe(0);
    advance(1);
    expect(workers[0]?.interrupts).toBe(1);
    const interrupted = makeResult({
      success: false,
      status: 'stopped',
      error: { type: 'KeyboardInterrupt', message: '', traceback: '', line: 1 },
    });
    workers[0]?.say({ type: 'result', id: 2, result: interrupted });
    advance(1000); // the grace timer must have been cleared
    expect(workers[0]?.terminated).toBe(false);
    expect(results()).toHaveLength(1);
    expect(results()[0]?.result).toMatchObject({ status: 'timeout', stateKept: true, success: false });
  });

  it('kills an interpreter that ignores the interrupt and swaps in the spare', () => {
    const { sup, workers, advance, results, sent } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    workers[1]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 3, code: 'swallow', options });
    workers[0]?.say({ type: 'started', id: 3 });
    workers[0]?.say({ type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'partial\n' }] });
    advance(1000);
    advance(500);
    expect(workers[0]?.terminated).toBe(true);
    expect(results()[0]?.result).toMatchObject({ status: 'timeout', stateKept: false });
    expect(results()[0]?.result.metrics.outputChars).toBe(8);
    expect(sent.some((m) => m.type === 'notice' && /replaced/.test(m.text))).toBe(true);
    // the spare is now active and a new spare is booting
    sup.handle({ type: 'run', id: 4, code: 'print(2)', options });
    expect(workers[1]?.runs).toEqual([{ id: 4, code: 'print(2)' }]);
    expect(workers).toHaveLength(3);
  });

  it('without a spare, a killed interpreter is replaced by one that boots then; the next run waits for it', () => {
    const { sup, workers, advance, results } = createFakeSupervisor({ spareInterpreter: false });
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    expect(workers).toHaveLength(1); // no spare booted beside the active interpreter
    sup.handle({ type: 'run', id: 3, code: 'swallow', options });
    workers[0]?.say({ type: 'started', id: 3 });
    advance(1000);
    advance(500);
    expect(workers[0]?.terminated).toBe(true);
    expect(results()[0]?.result).toMatchObject({ status: 'timeout', stateKept: false });
    expect(workers).toHaveLength(2);
    sup.handle({ type: 'run', id: 4, code: 'print(2)', options });
    expect(workers[1]?.runs).toEqual([]);
    workers[1]?.say({ type: 'ready', bootMs: 5 });
    expect(workers[1]?.runs).toEqual([{ id: 4, code: 'print(2)' }]);
    expect(workers).toHaveLength(2);
  });

  it('stop interrupts the current run and reports stopped', () => {
    const { sup, workers, results } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 5, code: 'loop', options });
    sup.handle({ type: 'stop', id: 5 });
    expect(workers[0]?.interrupts).toBe(1);
    workers[0]?.say({
      type: 'result',
      id: 5,
      result: makeResult({
        success: false,
        status: 'stopped',
        error: { type: 'KeyboardInterrupt', message: '', traceback: '', line: null },
      }),
    });
    expect(results()[0]?.result.status).toBe('stopped');
  });

  it('replaces a crashed interpreter and reports crashed', () => {
    const { sup, workers, results, states } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'run', id: 6, code: 'deep', options });
    workers[0]?.say({ type: 'fatal', id: 6, message: 'Maximum call stack size exceeded' });
    expect(workers[0]?.terminated).toBe(true);
    expect(results()[0]?.result).toMatchObject({ status: 'crashed', stateKept: false });
    expect(results()[0]?.result.error?.message).toMatch(/fresh interpreter/);
    expect(states()).toContain('restarting');
  });

  it('ignores messages from workers it no longer owns', () => {
    const { sup, workers, sent } = setup();
    workers[0]?.say({ type: 'ready', bootMs: 5 });
    sup.handle({ type: 'reset', id: 7 });
    const before = sent.length;
    workers[0]?.say({ type: 'output', id: 8, chunks: [{ stream: 'stdout', text: 'ghost' }] });
    expect(sent.length).toBe(before);
  });
});

describe('createSupervisor calls', () => {
  it('queues calls until ready, routes the answer, and fails them if the interpreter is replaced', () => {
    const { sup, workers, sent } = setup();
    const calls: Array<{ id: number }> = [];
    const w0 = workers[0];
    if (!w0) throw new Error('no worker');
    w0.call = (id) => void calls.push({ id });
    sup.handle({ type: 'call', id: 10, request: { method: 'analyzeImports', code: 'import pytest' } });
    expect(calls).toEqual([]);
    w0.say({ type: 'ready', bootMs: 1 });
    expect(calls).toEqual([{ id: 10 }]);
    w0.say({ type: 'call-result', id: 10, response: { ok: true, value: [] } });
    expect(sent.filter((m) => m.type === 'call-result')).toEqual([{ type: 'call-result', id: 10, response: { ok: true, value: [] } }]);
    sup.handle({ type: 'call', id: 11, request: { method: 'install', packages: ['pytest'] } });
    w0.say({ type: 'fatal', id: null, message: 'boom' });
    const last = sent.filter((m) => m.type === 'call-result').at(-1);
    expect(last).toMatchObject({ id: 11, response: { ok: false } });
  });
});
