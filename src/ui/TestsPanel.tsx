import type { TestRecord, TestResult } from '../protocol/testProtocol.ts';
import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { testCountsLine } from '../engine/describeTestResult.ts';
import { debuggerUnavailable } from '../commands/commands.ts';

/** "11 passed, 1 failed, 2 skipped, 1 xfailed in 0.4 s", as pytest words it. */
export function summaryText(r: TestResult): string {
  return r.status === 'security' ? 'Refused by safe mode: no test ran' : testCountsLine(r);
}

function Row({ record }: { record: TestRecord }) {
  const busy = useAppStore((s) => s.running);
  const noDebugger = useAppStore(debuggerUnavailable);
  return (
    <li className={`test-row test-${record.outcome}`} data-testid="test-row" data-outcome={record.outcome} data-node-id={record.nodeId}>
      <span className={`badge badge-test-${record.outcome}`}>{record.outcome}</span>
      <button
        type="button"
        className="test-id"
        title="Open the failing line"
        onClick={() =>
          record.file && appStore.getState().files.some((f) => f.path === record.file) && appStore.getState().openFile(record.file)
        }
      >
        {record.nodeId}
      </button>
      <span className="test-time">{record.durationMs.toFixed(0)} ms</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        title="Run this test alone"
        onClick={() => void appStore.getState().runTests([record.nodeId], 1)}
      >
        Run
      </button>
      <button
        type="button"
        className="btn btn-small"
        data-testid="test-debug"
        disabled={busy || noDebugger !== null}
        title={noDebugger ?? 'Run this test under the debugger: it stops at the breakpoints in the test and in the code it tests'}
        onClick={() => void appStore.getState().debugTest(record.nodeId)}
      >
        Debug
      </button>
      {record.message && record.outcome !== 'passed' ? (
        <div className="test-message">
          {record.message}
          {record.file && record.line ? ` (${record.file}:${record.line})` : ''}
        </div>
      ) : null}
      {record.traceback ? (
        <details className="test-trace">
          <summary>Traceback{record.stdout || record.stderr ? ' and output' : ''}</summary>
          <pre>{record.traceback}</pre>
          {record.stdout ? <pre>{record.stdout}</pre> : null}
          {record.stderr ? <pre className="entry-stderr">{record.stderr}</pre> : null}
        </details>
      ) : null}
    </li>
  );
}

/** Discovery, runs (all, by file, one test) and results of the project's tests, with coverage. */
export function TestsPanel() {
  const result = useAppStore((s) => s.testResult);
  const collected = useAppStore((s) => s.collectedTests);
  const busy = useAppStore((s) => s.testsBusy);
  const error = useAppStore((s) => s.testsError);
  const coverage = useAppStore((s) => s.coverageEnabled);
  const workers = useAppStore((s) => s.testWorkers);
  const canRun = useAppStore((s) => s.engine !== null && !s.running && s.projectLoaded);
  const s = appStore.getState();
  const files = [...new Set((collected ?? []).map((id) => id.split('::')[0] ?? id))];
  return (
    <section className="panel tests" data-testid="tests-panel" aria-label="Tests">
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
        <label className="deps-auto" title="Split the suite across this many interpreters (1: one at a time)">
          Interpreters
          <input
            type="number"
            className="tests-workers"
            data-testid="tests-workers"
            min={1}
            max={MAX_TEST_WORKERS}
            value={workers}
            onChange={(e) => s.setTestWorkers(Number(e.target.value))}
          />
        </label>
      </div>
      {busy === 'running' ? <progress className="deps-progress" aria-label="Running tests" /> : null}
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      {collected && !result ? (
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
      {result ? (
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
          {files.length > 1 ? (
            <div className="deps-actions">
              {files.map((file) => (
                <button
                  key={file}
                  type="button"
                  className="btn btn-small"
                  disabled={!canRun}
                  title={`Run ${file}`}
                  onClick={() => void s.runTests([file])}
                >
                  Run {file}
                </button>
              ))}
            </div>
          ) : null}
          <ul className="test-rows">
            {result.records.map((r) => (
              <Row key={r.nodeId} record={r} />
            ))}
          </ul>
        </>
      ) : null}
      {!result && !collected && !busy ? (
        <p className="panel-empty">No test run yet. Run tests runs pytest on the project's test files; Discover lists them.</p>
      ) : null}
    </section>
  );
}
