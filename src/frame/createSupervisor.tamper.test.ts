import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import { createFakeSupervisor, FAKE_RUN_OPTIONS } from '../testing/createFakeSupervisor.ts';
import { ACCEPT_MS } from './createSupervisor.ts';

const policy = { sandboxMode: true, allowedModules: [], forbiddenFunctions: [] };
const safe = { ...FAKE_RUN_OPTIONS, policy };
const unsafe = { ...FAKE_RUN_OPTIONS, policy: { ...policy, sandboxMode: false } };

function booted() {
  const s = createFakeSupervisor();
  s.workers[0]?.say({ type: 'ready', bootMs: 5 });
  s.workers[1]?.say({ type: 'ready', bootMs: 5 });
  return s;
}

describe('createSupervisor: what a run leaves for later runs', () => {
  it('serves a safe-mode run from a fresh interpreter once a run without safe mode used the current one', () => {
    const { sup, workers, sent } = booted();
    sup.handle({ type: 'run', id: 1, code: 'import _executor.policy as p; p.activate = print', options: unsafe });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    sup.handle({ type: 'run', id: 2, code: 'import js', options: safe });
    expect(workers[0]?.runs.map((r) => r.id)).toEqual([1]);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.runs.map((r) => r.id)).toEqual([2]);
    expect(sent).toContainEqual(
      expect.objectContaining({ type: 'notice', text: expect.stringMatching(/ran without it.*fresh interpreter/) }),
    );
  });

  it('keeps the interpreter while every run is in safe mode', () => {
    const { sup, workers } = booted();
    for (const id of [1, 2, 3]) {
      sup.handle({ type: 'run', id, code: 'x = 1', options: safe });
      workers[0]?.say({ type: 'result', id, result: makeResult() });
    }
    expect(workers[0]?.runs).toHaveLength(3);
    expect(workers[0]?.terminated).toBe(false);
  });

  it('restarts a run the worker never took (an earlier run keeps it busy) in a fresh interpreter', () => {
    const { sup, workers, advance, sent, results } = booted();
    if (workers[0]) workers[0].busy = true;
    sup.handle({ type: 'run', id: 7, code: 'print(7)', options: safe });
    advance(ACCEPT_MS - 1);
    expect(workers[0]?.terminated).toBe(false);
    advance(1);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.runs).toEqual([{ id: 7, code: 'print(7)' }]);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'notice', text: expect.stringMatching(/still busy/) }));
    workers[1]?.say({ type: 'started', id: 7 });
    workers[1]?.say({ type: 'result', id: 7, result: makeResult() });
    expect(results().map((r) => r.result.status)).toEqual(['ok']);
  });

  it('replaces an interpreter that says it failed fatally after a run, before the next one', () => {
    const { sup, workers } = booted();
    sup.handle({ type: 'run', id: 1, code: 'x', options: safe });
    workers[0]?.say({ type: 'result', id: 1, result: makeResult() });
    workers[0]?.say({ type: 'fatal', id: null, message: 'Pyodide failed fatally during the last run.' });
    sup.handle({ type: 'run', id: 2, code: 'print(2)', options: safe });
    expect(workers[1]?.runs.map((r) => r.id)).toEqual([2]);
  });
});
