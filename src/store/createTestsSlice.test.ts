import { describe, expect, it } from 'vitest';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeTestResult } from '../testing/makeTestResult.ts';
import { createAppStore } from './createAppStore.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('the tests panel', () => {
  it("runs and collects with the settings' PYTEST_ARGS and COVERAGE_THRESHOLD", async () => {
    const store = createAppStore(memoryStorage());
    const { engine } = createRecordingEngine();
    const calls: unknown[] = [];
    engine.runTests = async (options) => {
      calls.push(options);
      return makeTestResult();
    };
    engine.collectTests = async (paths, options) => {
      calls.push(options);
      return [];
    };
    store.getState().attachEngine(engine);
    expect(store.getState().updateSettings({ pytestArgs: '-q -x', coverageThreshold: '90' }).ok).toBe(true);
    await store.getState().runTests();
    await store.getState().collectTests();
    expect(calls).toEqual([
      expect.objectContaining({ args: ['-q', '-x'], threshold: 90 }),
      expect.objectContaining({ args: ['-q', '-x'] }),
    ]);
  });
});
