import type { TestResult } from '../protocol/testProtocol.ts';
import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { testCountsLine } from '../engine/describeTestResult.ts';
import { TestList } from './TestList.tsx';
import { fileOf } from './testListItems.ts';

/** "1 failed, 11 passed, 2 skipped, 1 xfailed in 0.41s": pytest's own summary line. */
export function summaryText(r: TestResult): string {
  return r.status === 'security' ? 'Refused by safe mode: no test ran' : testCountsLine(r);
}

/** Discovery, runs (all, by file, one test) and results of the project's tests, with coverage. */
export function TestsPanel() {
  const result = useAppStore((s) => s.testResult);
  const testRuns = useAppStore((s) => s.testRuns);
  const live = useAppStore((s) => s.liveTestRecords);
  const collected = useAppStore((s) => s.collectedTests);
  const busy = useAppStore((s) => s.testsBusy);
  const error = useAppStore((s) => s.testsError);
  const coverage = useAppStore((s) => s.coverageEnabled);
  const workers = useAppStore((s) => s.testWorkers);
  const canRun = useAppStore((s) => s.engine !== null && !s.running && s.projectLoaded);
  const s = appStore.getState();
  const files = [...new Set((collected ?? []).map(fileOf))];
  const running = busy === 'running';
  const rows = running ? live : (result?.records ?? []);
  return (
    <section className="panel tests" data-testid="tests-panel" aria-label="Tests" data-runs={testRuns}>
      <div className="deps-actions">
        <button type="button" className="btn" data-testid="tests-discover" disabled={!canRun} onClick={() => void s.collectTests()}>
          {busy === 'collecting' ? 'Discovering…' : 'Discover'}
        </button>
        <button type="button" className="btn" data-testid="tests-run-all" disabled={!canRun} onClick={() => void s.runTests()}>
          {busy === 'running' ? 'Running…' : 'Run all'}
        </button>
        <label className="deps-auto">
          <input type="checkbox" data-testid="tests-coverage" checked={coverage} onChange={(e) => s.setCoverageEnabled(e.target.checked)} />
          Coverage
        </label>
        <label
          className="deps-auto"
          title="Split the suite across this many interpreters. Auto: one, unless the suite's last run was long enough for more to pay off, and at most this machine's cores but one."
        >
          Interpreters
          <select
            className="tests-workers"
            data-testid="tests-workers"
            value={String(workers)}
            onChange={(e) => s.setTestWorkers(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}
          >
            <option value="auto">auto</option>
            {Array.from({ length: MAX_TEST_WORKERS }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      </div>
      {running ? (
        <p className="tests-live" data-testid="tests-live" aria-live="polite">
          <progress className="deps-progress" aria-label="Running tests" />
          {live.length} {live.length === 1 ? 'test' : 'tests'} finished so far
        </p>
      ) : null}
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      {collected && !result && !running ? (
        <ul className="test-files">
          {files.map((file) => (
            <li key={file}>
              <button type="button" className="btn btn-small" disabled={!canRun} onClick={() => void s.runTests([file])}>
                Run
              </button>{' '}
              <code>{file}</code>
              <ul>
                {collected
                  .filter((id) => id.startsWith(`${file}::`))
                  .map((id) => (
                    <li key={id} data-testid="collected-test">
                      <code>{id.slice(file.length + 2)}</code>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {result && !running ? (
        <>
          <p className={`tests-summary tests-${result.status}`} data-testid="tests-summary" data-status={result.status}>
            {summaryText(result)}
            {result.workers > 1
              ? ` · ${result.workers} interpreters${result.speedup ? `, ${result.speedup.toFixed(1)}× the speed of one (sum of their times ÷ wall time)` : ''}`
              : ''}
          </p>
          {result.message ? (
            <p className="field-message tests-message" role="alert" data-testid="tests-message">
              {result.message}
            </p>
          ) : null}
          {result.stoppedTest ? (
            <p className="warn" data-testid="tests-stopped">
              Stopped while running {result.stoppedTest}.
            </p>
          ) : null}
        </>
      ) : null}
      {rows.length > 0 ? <TestList records={rows} /> : null}
      {!result && !collected && !busy ? (
        <p className="panel-empty">No test run yet. Run tests runs pytest on the project's test files; Discover lists them.</p>
      ) : null}
    </section>
  );
}
