import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine, STARTUP_LIMIT_MS } from './createEngine.ts';
import { createFakeFrameHost, type FakeFrameHost } from '../testing/createFakeFrameHost.ts';
import { makeResult } from '../testing/makeResult.ts';
import { DEFAULT_RUN_POLICY } from './defaultPolicy.ts';
import { SILENT_MS } from './createWatchdog.ts';
import { startupProblem } from './startupProblem.ts';
import type { Engine } from './engine.ts';

let frame: FakeFrameHost;
let engine: Engine;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  frame = createFakeFrameHost();
  engine = createEngine({ host: frame.host });
});
afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
});

/** Lets the engine's awaits (the run lock) go on. */
const settle = () => vi.advanceTimersByTimeAsync(0);
const lastRun = () => {
  const run = frame.postedOf('run').at(-1);
  if (!run) throw new Error('no run was posted');
  return run;
};

describe('createEngine: runs', () => {
  it('posts a run with the default limits and the policy, and resolves with the output streamed before its result', async () => {
    const results: string[] = [];
    engine.on('result', ({ result }) => results.push(result.stdout));
    const pending = engine.execute('print(1)');
    await settle();
    const run = lastRun();
    expect(run.code).toBe('print(1)');
    expect(run.options).toMatchObject({ timeoutMs: 30_000, maxMemoryMB: 512, maxOutputChars: 10_000, policy: DEFAULT_RUN_POLICY });
    frame.send({ type: 'output', id: run.id, chunks: [{ stream: 'stdout', text: '1' }] });
    frame.send({
      type: 'output',
      id: run.id,
      chunks: [
        { stream: 'stdout', text: '\n' },
        { stream: 'stderr', text: 'w' },
      ],
    });
    frame.send({ type: 'result', id: run.id, result: makeResult({ stdout: 'ignored' }) });
    const result = await pending;
    expect(result.stdout).toBe('1\n');
    expect(result.stderr).toBe('w');
    expect(result.output).toEqual([
      { stream: 'stdout', text: '1\n' },
      { stream: 'stderr', text: 'w' },
    ]);
    expect(results).toEqual(['1\n']);
    expect(engine.getLastExecutionMetrics()?.execution_time).toBeCloseTo(0.005);
  });

  it('hands output on in one batch per tick, and before the result', async () => {
    const seen: string[] = [];
    engine.on('output', (chunks) => seen.push(chunks.map((c) => c.text).join('')));
    const pending = engine.execute('x');
    await settle();
    const { id } = lastRun();
    frame.send({ type: 'output', id, chunks: [{ stream: 'stdout', text: 'a' }] });
    frame.send({ type: 'output', id, chunks: [{ stream: 'stdout', text: 'b' }] });
    expect(seen).toEqual([]);
    frame.send({ type: 'result', id, result: makeResult() });
    expect(seen).toEqual(['ab']);
    await pending;
  });

  it('runs one at a time, in the order asked', async () => {
    const first = engine.execute('1');
    const second = engine.execute('2');
    await settle();
    expect(frame.postedOf('run').map((r) => r.code)).toEqual(['1']);
    frame.send({ type: 'result', id: lastRun().id, result: makeResult({ value: '1' }) });
    await expect(first).resolves.toMatchObject({ value: '1' });
    await settle();
    expect(frame.postedOf('run').map((r) => r.code)).toEqual(['1', '2']);
    frame.send({ type: 'result', id: lastRun().id, result: makeResult({ value: '2' }) });
    await expect(second).resolves.toMatchObject({ value: '2' });
  });

  it('stop and input go to the run in progress, and nowhere when none is', async () => {
    engine.stop();
    engine.sendInput('x');
    expect(frame.posted).toEqual([]);
    const pending = engine.execute('input()');
    await settle();
    const { id } = lastRun();
    engine.sendInput('line');
    engine.stop();
    expect(frame.postedOf('stdin')).toEqual([{ type: 'stdin', id, text: 'line' }]);
    expect(frame.postedOf('stop')).toEqual([{ type: 'stop', id }]);
    frame.send({ type: 'result', id, result: makeResult({ status: 'stopped', success: false }) });
    await pending;
  });

  it('a run whose result the page refused ends with the reason, keeps its output and restarts Python', async () => {
    const pending = engine.execute('big()');
    await settle();
    const { id } = lastRun();
    frame.send({ type: 'output', id, chunks: [{ stream: 'stdout', text: 'before\n' }] });
    frame.sendRefused({ type: 'result', id, reason: 'it is too large' });
    const result = await pending;
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('ResultRefused');
    expect(result.error?.message).toContain('it is too large');
    expect(result.stdout).toBe('before\n');
    expect(frame.postedOf('reset')).toHaveLength(1);
  });

  it('refused output leaves a marker and marks the result truncated', async () => {
    const pending = engine.execute('flood()');
    await settle();
    const { id } = lastRun();
    frame.sendRefused({ type: 'output', id, reason: 'chunks: too many' });
    frame.send({ type: 'result', id, result: makeResult() });
    const result = await pending;
    expect(result.stderr).toContain('[Some output could not be shown: chunks: too many.]');
    expect(result.metrics.truncated).toBe(true);
  });

  it('a frame that stays silent while a run is pending is replaced, and the run ends with the reason', async () => {
    const notices: string[] = [];
    engine.on('notice', (text) => notices.push(text));
    const pending = engine.execute('while True: pass');
    await settle();
    await vi.advanceTimersByTimeAsync(SILENT_MS + 4000);
    const result = await pending;
    expect(result.status).toBe('crashed');
    expect(result.error?.type).toBe('SandboxUnresponsive');
    expect(result.stateKept).toBe(false);
    expect(frame.replacements).toBe(1);
    expect(engine.status.state).toBe('restarting');
    expect(notices.at(-1)).toContain('variables from earlier runs are gone');
    expect(frame.postedOf('ping').length).toBeGreaterThan(0);
  });

  it('executeBatch runs its blocks in order under one lock, each as __main__ named after the block', async () => {
    const batch = engine.executeBatch(
      [
        { name: 'a.py', code: 'a = 1' },
        { name: 'b.py', code: 'b = a' },
      ],
      { sharedState: true },
    );
    const other = engine.execute('other');
    for (const name of ['a.py', 'b.py']) {
      await settle();
      expect(lastRun().options.filename).toBe(name);
      frame.send({ type: 'result', id: lastRun().id, result: makeResult() });
    }
    const result = await batch;
    expect(result.summary).toMatchObject({ total: 2, succeeded: 2 });
    await settle();
    expect(lastRun().code).toBe('other');
    frame.send({ type: 'result', id: lastRun().id, result: makeResult() });
    await other;
  });

  it('profileCode is refused when profiling is off, and profiles with tracemalloc when on', async () => {
    engine.setMonitoring({ enableProfiling: false, collectMetrics: true });
    await expect(engine.profileCode('x')).rejects.toThrow('ENABLE_PROFILING');
    engine.setMonitoring({ enableProfiling: true, collectMetrics: true });
    const pending = engine.profileCode('x');
    await settle();
    expect(lastRun().options).toMatchObject({ profile: true, tracePythonMemory: true });
    frame.send({ type: 'result', id: lastRun().id, result: makeResult() });
    await expect(pending).resolves.toMatchObject({ profile: null });
  });

  it('debug is refused with the reason where the sandbox has no shared memory', async () => {
    frame.send({ type: 'capabilities', sharedMemory: false, reason: 'the page is not cross-origin isolated' });
    const result = await engine.debug('x', { breakpoints: [] });
    expect(result.error?.type).toBe('DebuggerUnavailable');
    expect(result.error?.message).toContain('the page is not cross-origin isolated');
    expect(frame.postedOf('run')).toEqual([]);
  });
});

describe('createEngine: calls', () => {
  it("resolves a call with its method's value", async () => {
    const pending = engine.listVariables({ name: null, path: [], offset: 0 });
    const call = frame.postedOf('call')[0];
    expect(call?.request.method).toBe('variables');
    const page = { rows: [], total: 0, offset: 0 };
    frame.send({ type: 'call-result', id: call?.id ?? -1, response: { ok: true, value: page } });
    await expect(pending).resolves.toEqual(page);
  });

  it("refuses an answer that does not fit the method asked, and passes the frame's error on", async () => {
    const wrong = engine.install(['six']);
    await settle();
    const install = frame.postedOf('call')[0];
    frame.send({ type: 'call-result', id: install?.id ?? -1, response: { ok: true, value: [] } });
    await expect(wrong).rejects.toThrow('did not fit');
    const failing = engine.analyzeDependencies('import x');
    const analyze = frame.postedOf('call')[1];
    frame.send({ type: 'call-result', id: analyze?.id ?? -1, response: { ok: false, error: 'no interpreter' } });
    await expect(failing).rejects.toThrow('no interpreter');
  });

  it('a refused call answer ends the call with the reason', async () => {
    const pending = engine.validateCode('x');
    const call = frame.postedOf('call')[0];
    frame.sendRefused({ type: 'call-result', id: call?.id ?? -1, reason: 'value: invalid' });
    await expect(pending).rejects.toThrow("The sandbox's answer could not be read (value: invalid).");
  });
});

describe('createEngine: start-up and reset', () => {
  it('whenReady waits for the frame to say ready', async () => {
    let ready = false;
    void engine.whenReady().then(() => (ready = true));
    await settle();
    expect(ready).toBe(false);
    frame.ready();
    await settle();
    expect(ready).toBe(true);
    expect(engine.status.state).toBe('ready');
  });

  it('says what is wrong when Python is not ready in time', async () => {
    await vi.advanceTimersByTimeAsync(STARTUP_LIMIT_MS + 1);
    expect(engine.status.state).toBe('failed');
    expect(engine.status.detail).toBe(startupProblem(true, 'Starting Python', STARTUP_LIMIT_MS));
  });

  it('reset resolves when the frame says it is done', async () => {
    let done = false;
    void engine.reset().then(() => (done = true));
    const reset = frame.postedOf('reset')[0];
    await settle();
    expect(done).toBe(false);
    frame.send({ type: 'reset-done', id: reset?.id ?? -1 });
    await settle();
    expect(done).toBe(true);
  });
});
