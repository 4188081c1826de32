import { describe, expect, it } from 'vitest';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';
import { createAppStore } from './createAppStore.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('the tests panel', () => {
  it("runs and collects with the settings' PYTEST_ARGS and COVERAGE_THRESHOLD", async () => {
    const store = createAppStore({ storage: memoryStorage() });
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
    expect(store.getState().testRuns).toBe(0);
    await store.getState().runTests();
    expect(store.getState().testRuns).toBe(1); // counted, for whoever waits for the next run
    await store.getState().collectTests();
    expect(calls).toEqual([
      expect.objectContaining({ args: ['-q', '-x'], threshold: 90 }),
      expect.objectContaining({ args: ['-q', '-x'] }),
    ]);
  });

  it('shows finished tests while the run goes on, then the result', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const { engine } = createRecordingEngine();
    let seenDuringRun: string[] = [];
    engine.runTests = async (options) => {
      options.onRecords?.([makeTestRecord({ nodeId: 'a.py::test_1' })]);
      options.onRecords?.([makeTestRecord({ nodeId: 'a.py::test_2' })]);
      seenDuringRun = store.getState().liveTestRecords.map((r) => r.nodeId);
      return makeTestResult();
    };
    store.getState().attachEngine(engine);
    await store.getState().runTests();
    expect(seenDuringRun).toEqual(['a.py::test_1', 'a.py::test_2']);
    expect(store.getState().liveTestRecords).toEqual([]);
    expect(store.getState().testResult?.summary).toBe('1 passed in 0.42s');
  });

  it('splits runs "auto" by default; a chosen count is kept in the browser, a bad one refused with the range', async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage });
    const { engine } = createRecordingEngine();
    const asked: unknown[] = [];
    engine.runTests = async (options) => {
      asked.push(options.parallel);
      return makeTestResult();
    };
    store.getState().attachEngine(engine);
    expect(store.getState().testWorkers).toBe('auto');
    await store.getState().runTests();
    store.getState().setTestWorkers(3);
    await store.getState().runTests();
    store.getState().setTestWorkers(0);
    expect(store.getState().testsError).toContain('"auto" or a whole number from 1 to');
    expect(asked).toEqual(['auto', 3]);
    expect(createAppStore({ storage }).getState().testWorkers).toBe(3);
    storage.setItem('executor.tests.v1', '{"workers":"lots"}');
    expect(createAppStore({ storage }).getState().testWorkers).toBe('auto');
  });
});
