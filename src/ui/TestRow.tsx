import type { TestRecord } from '../protocol/testProtocol.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { debuggerUnavailable } from '../commands/commands.ts';

/** One test of the Tests panel: outcome, id (opens the failing line), time, Run and Debug, and why it did not pass. */
export function TestRow({ record }: { record: TestRecord }) {
  const busy = useAppStore((s) => s.running);
  const noDebugger = useAppStore(debuggerUnavailable);
  // A module skipped or broken at collection has no test to run alone or debug.
  const isTest = record.nodeId.includes('::');
  return (
    <div className={`test-row test-${record.outcome}`} data-testid="test-row" data-outcome={record.outcome} data-node-id={record.nodeId}>
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
      {record.platform ? (
        <span className="test-platform" data-testid="test-platform" title="A limit of Python in the browser, not a bug in the code">
          {record.platform}
        </span>
      ) : null}
      <span className="test-time">{record.durationMs.toFixed(0)} ms</span>
      {isTest ? (
        <>
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
        </>
      ) : null}
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
    </div>
  );
}
