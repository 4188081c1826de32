import { runLimits } from '../config/runLimits.ts';
import { isTestParallelism, MAX_TEST_WORKERS, type TestParallelism } from '../protocol/testProtocol.ts';
import type { SliceCreator, TestsSlice } from './types.ts';

const PREFS_KEY = 'executor.tests.v1';

interface TestPrefs {
  coverage: boolean;
  workers: TestParallelism;
}

function loadPrefs(storage: Pick<Storage, 'getItem'> | null): TestPrefs {
  const fallback: TestPrefs = { coverage: true, workers: 'auto' };
  try {
    const raw = JSON.parse(storage?.getItem(PREFS_KEY) ?? 'null') as Partial<TestPrefs> | null;
    return {
      coverage: typeof raw?.coverage === 'boolean' ? raw.coverage : fallback.coverage,
      workers: isTestParallelism(raw?.workers) ? raw.workers : fallback.workers,
    };
  } catch {
    return fallback;
  }
}

/** Tests slice: discovery, runs and the last TestResult (with coverage) of the project. */
export const createTestsSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<TestsSlice> =>
  (set, get) => {
    const prefs = loadPrefs(storage);
    const save = () => {
      try {
        storage?.setItem(PREFS_KEY, JSON.stringify({ coverage: get().coverageEnabled, workers: get().testWorkers }));
      } catch {
        // storage full or denied: the choice holds for this page
      }
    };
    const limits = () => runLimits(get().settings);
    return {
      testResult: null,
      testRuns: 0,
      liveTestRecords: [],
      testsBusy: null,
      collectedTests: null,
      testsError: null,
      coverageEnabled: prefs.coverage,
      testWorkers: prefs.workers,
      async runTests(paths = [], parallel) {
        const { engine, running } = get();
        if (!engine || running) return null;
        get().setRunning(true);
        set({ testsBusy: 'running', testsError: null, liveTestRecords: [] });
        get().showPanel('tests');
        try {
          const result = await engine.runTests({
            onRecords: (records) => set({ liveTestRecords: [...get().liveTestRecords, ...records] }),
            files: get().files,
            paths,
            // PYTEST_ARGS and COVERAGE_THRESHOLD from the settings, as the agent's run_tests uses them.
            args: [...get().settings.pytestArgs],
            coverage: get().coverageEnabled,
            parallel: parallel ?? get().testWorkers,
            threshold: get().settings.coverageThreshold,
            ...limits(),
          });
          get().showTestResult(result);
          return result;
        } catch (err) {
          set({ testsError: err instanceof Error ? err.message : String(err) });
          return null;
        } finally {
          set({ testsBusy: null, liveTestRecords: [] });
          get().setRunning(false);
        }
      },
      showTestResult(testResult) {
        set({
          testResult,
          testRuns: get().testRuns + 1,
          collectedTests: testResult.collected.length ? testResult.collected : get().collectedTests,
        });
      },
      resetTestsForSession() {
        set({ testResult: null, collectedTests: null, testsError: null });
      },
      async collectTests() {
        const { engine, running } = get();
        if (!engine || running) return;
        get().setRunning(true);
        set({ testsBusy: 'collecting', testsError: null });
        get().showPanel('tests');
        try {
          const ids = await engine.collectTests([], {
            files: get().files,
            args: [...get().settings.pytestArgs],
            timeoutMs: limits().timeoutMs,
          });
          set({ collectedTests: ids });
        } catch (err) {
          set({ testsError: err instanceof Error ? err.message : String(err) });
        } finally {
          set({ testsBusy: null });
          get().setRunning(false);
        }
      },
      setCoverageEnabled(on) {
        set({ coverageEnabled: on });
        save();
      },
      setTestWorkers(n) {
        if (!isTestParallelism(n)) {
          set({ testsError: `Interpreters for parallel runs: "auto" or a whole number from 1 to ${MAX_TEST_WORKERS}.` });
          return;
        }
        set({ testWorkers: n, testsError: null });
        save();
      },
    };
  };
