import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunScope, type ScopedGlobal } from './createRunScope.ts';

function fakeGlobal(): ScopedGlobal {
  return {
    setTimeout: ((h: () => void, t?: number) => setTimeout(h, t) as unknown as number) as ScopedGlobal['setTimeout'],
    clearTimeout: (id) => clearTimeout(id),
    setInterval: ((h: () => void, t?: number) => setInterval(h, t) as unknown as number) as ScopedGlobal['setInterval'],
    clearInterval: (id) => clearInterval(id),
  };
}

describe('createRunScope', () => {
  afterEach(() => vi.useRealTimers());

  it('cancels the timers and intervals a run left pending, and only those', () => {
    vi.useFakeTimers();
    const g = fakeGlobal();
    const scope = createRunScope(g);
    const calls: string[] = [];
    g.setTimeout(() => calls.push('before'), 10);
    scope.begin();
    g.setTimeout(() => calls.push('fired in run'), 1);
    g.setTimeout(() => calls.push('left behind'), 1000);
    g.setInterval(() => calls.push('interval'), 500);
    vi.advanceTimersByTime(5);
    expect(scope.end()).toEqual({ timers: 2, workers: 0 });
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['fired in run', 'before']);
  });

  it('does not count a timer the run cleared itself', () => {
    const g = fakeGlobal();
    const scope = createRunScope(g);
    scope.begin();
    g.clearTimeout(g.setTimeout(() => undefined, 1000));
    expect(scope.end()).toEqual({ timers: 0, workers: 0 });
  });

  it('cannot be undone by assigning the originals back', () => {
    const g = fakeGlobal();
    const wrapped = (createRunScope(g), g.setTimeout);
    expect(() => {
      'use strict';
      g.setTimeout = () => 0;
    }).toThrow(TypeError);
    expect(g.setTimeout).toBe(wrapped);
  });

  it('terminates the workers a run created', () => {
    const terminated: string[] = [];
    class FakeWorker {
      constructor(public url: string) {}
      terminate() {
        terminated.push(this.url);
      }
    }
    const g = { ...fakeGlobal(), Worker: FakeWorker as unknown as typeof Worker };
    const scope = createRunScope(g);
    new g.Worker('before');
    scope.begin();
    new g.Worker('during');
    expect(scope.end()).toEqual({ timers: 0, workers: 1 });
    expect(terminated).toEqual(['during']);
  });
});
