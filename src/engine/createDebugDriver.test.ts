import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DebugPause, ResumeAction } from '../protocol/debug.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import { createDebugDriver, type DebugDriverEngine } from './createDebugDriver.ts';
import { makeDebugPause } from '../testing/makeDebugPause.ts';

const pauseAt = (line: number, reason: DebugPause['reason'] = 'breakpoint'): DebugPause => makeDebugPause({ line, reason });

const resultOf = (status: ExecutionResult['status']): ExecutionResult =>
  ({ status, success: status === 'ok', stdout: 'out\n', stderr: '' }) as ExecutionResult;

/** An engine whose debug run is played by the test: `pause` and `finish` stand for the worker. */
function fakeEngine() {
  const listeners: Record<string, Array<(...a: unknown[]) => void>> = {};
  let finish: (r: ExecutionResult) => void = () => undefined;
  const resumed: Array<{ action: ResumeAction; lines: number[] }> = [];
  let paused = false;
  const engine = {
    on(event: string, fn: (...a: unknown[]) => void) {
      (listeners[event] ??= []).push(fn);
      return () => (listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn));
    },
    debug: vi.fn(() => new Promise<ExecutionResult>((resolve) => (finish = resolve))),
    resumeDebug(action: ResumeAction, breakpoints: Array<{ line: number }>) {
      if (!paused) return false;
      paused = false;
      resumed.push({ action, lines: breakpoints.map((b) => b.line) });
      return true;
    },
    inspectFrame: vi.fn(async () => ({ name: 'x', type: 'int', kind: 'value', size: null, repr: '42', expandable: false })),
    stop: vi.fn(() => {
      paused = false;
      finish(resultOf('stopped'));
    }),
  };
  const emit = (event: string, ...args: unknown[]) => (listeners[event] ?? []).forEach((f) => f(...args));
  return {
    engine: engine as unknown as DebugDriverEngine,
    raw: engine,
    resumed,
    listeners,
    pause(p: DebugPause) {
      paused = true;
      emit('paused', p, 1);
    },
    print: (text: string) => emit('output', [{ stream: 'stdout', text }], 1),
    finish: (r: ExecutionResult) => finish(r),
  };
}

afterEach(() => vi.useRealTimers());

describe('createDebugDriver', () => {
  it('returns the first pause with what was printed before it, steps with the run breakpoints, then the result', async () => {
    const fake = fakeEngine();
    const driver = createDebugDriver(fake.engine);
    const first = driver.start('code', { breakpoints: [{ file: 'main.py', line: 3 }] });
    fake.print('before\n');
    fake.pause(pauseAt(3));
    expect(await first).toEqual({ state: 'paused', pause: pauseAt(3), output: 'before\n' });
    expect(driver.active).toBe(true);

    const second = driver.step('step-over');
    fake.pause(pauseAt(4, 'step'));
    expect(await second).toMatchObject({ state: 'paused', pause: { line: 4 }, output: '' });
    expect(fake.resumed).toEqual([{ action: 'step-over', lines: [3] }]);

    const last = driver.step('continue');
    fake.finish(resultOf('ok'));
    expect(await last).toEqual({ state: 'finished', result: resultOf('ok'), note: null });
    expect(driver.active).toBe(false);
    // Nothing listens to the engine after the run.
    expect(fake.listeners.paused).toHaveLength(0);
    expect(fake.listeners.output).toHaveLength(0);
  });

  it('returns the result when nothing stopped the run', async () => {
    const fake = fakeEngine();
    const driver = createDebugDriver(fake.engine);
    const stop = driver.start('print(1)', { breakpoints: [], stopOnFailure: true });
    expect(fake.raw.debug).toHaveBeenCalledWith('print(1)', { breakpoints: [], stopOnFailure: true });
    fake.finish(resultOf('ok'));
    expect(await stop).toMatchObject({ state: 'finished', note: null });
  });

  it('refuses a second run, and steps or evaluations with nothing going say what to do', async () => {
    const fake = fakeEngine();
    const driver = createDebugDriver(fake.engine);
    await expect(driver.step('continue')).rejects.toThrow(/start one with debug_python/);
    await expect(driver.evaluate('x')).rejects.toThrow(/start one with debug_python/);
    void driver.start('code', { breakpoints: [] });
    await expect(driver.start('code', { breakpoints: [] })).rejects.toThrow(/already going.*debug_stop/);
    await expect(driver.step('continue')).rejects.toThrow(/running, not paused/);
    expect(await driver.stop()).toMatchObject({ state: 'finished', note: 'Stopped with debug_stop.' });
    expect(await driver.stop()).toBeNull();
  });

  it('evaluates in a frame of the pause, and refuses a frame the stack does not have', async () => {
    const fake = fakeEngine();
    const driver = createDebugDriver(fake.engine);
    const first = driver.start('code', { breakpoints: [{ file: 'main.py', line: 1 }] });
    fake.pause(pauseAt(1));
    await first;
    expect(await driver.evaluate('x * 2')).toMatchObject({ repr: '42' });
    expect(fake.raw.inspectFrame).toHaveBeenCalledWith({ kind: 'evaluate', frame: 0, expression: 'x * 2' });
    await expect(driver.evaluate('x', 3)).rejects.toThrow(/1 frames.*frame 3 does not exist/);
  });

  it('stops a pause left alone, and the next call reports it with a note', async () => {
    vi.useFakeTimers();
    const fake = fakeEngine();
    const driver = createDebugDriver(fake.engine, { idleMs: 1000 });
    const first = driver.start('code', { breakpoints: [{ file: 'main.py', line: 2 }] });
    fake.pause(pauseAt(2));
    await first;
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.raw.stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.raw.stop).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(driver.active).toBe(false);
    await expect(driver.evaluate('x')).rejects.toThrow(/paused at main.py:2 for 1 s with nothing asked of it/);
    const after = await driver.step('continue');
    expect(after).toMatchObject({ state: 'finished', result: { status: 'stopped' }, note: expect.stringMatching(/so it was stopped/) });
  });

  it('a run that fails to start rejects the call waiting for it', async () => {
    const fake = fakeEngine();
    fake.raw.debug.mockImplementationOnce(() => Promise.reject(new Error('frame gone')));
    const driver = createDebugDriver(fake.engine);
    await expect(driver.start('code', { breakpoints: [] })).rejects.toThrow('frame gone');
    expect(driver.active).toBe(false);
  });
});
