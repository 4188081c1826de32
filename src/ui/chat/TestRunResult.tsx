import type { TestRunSummary } from '../../agent/tools/testSummary.ts';
import { displayPercent } from '../../format/displayPercent.ts';

/** run_tests' card body: the counts, the failures with file:line, and coverage per file with its missing lines. */
export function TestRunResult({ data }: { data: TestRunSummary }) {
  const cov = data.coverage;
  return (
    <>
      <p
        className="tool-metrics"
        data-testid="tool-test-summary"
        data-status={data.status}
        data-passed={data.counts.passed}
        data-failed={data.counts.failed}
      >
        <span className={`badge badge-test-${data.status === 'passed' ? 'passed' : 'failed'}`}>{data.status}</span> {data.line}
      </p>
      {data.message && data.status !== 'passed' && data.status !== 'failed' ? <p className="tool-failed">{data.message}</p> : null}
      {data.failures.length ? (
        <ul className="tool-list">
          {data.failures.map((f) => (
            <li key={f.nodeId} className="tool-failed" data-testid="tool-test-failure" data-node-id={f.nodeId}>
              <code>{f.nodeId}</code>
              {f.where ? <span className="tool-args"> at {f.where}</span> : null}: {f.message.split('\n')[0]}
            </li>
          ))}
          {data.moreFailures ? <li>… and {data.moreFailures} more</li> : null}
        </ul>
      ) : null}
      {cov ? (
        <>
          <p className="tool-metrics">
            Coverage{' '}
            <strong data-testid="tool-coverage-total" data-percent={cov.totalPercent.toFixed(2)}>
              {displayPercent(cov.totalPercent)}%
            </strong>
            <span className={cov.thresholdMet === false ? 'tool-failed' : 'tool-state-ok'}>
              {cov.thresholdMet === false ? `below the ${cov.threshold}% threshold` : `meets the ${cov.threshold}% threshold`}
            </span>
          </p>
          <table className="deps-table">
            <thead>
              <tr>
                <th>File</th>
                <th>Stmts</th>
                <th>Cover</th>
                <th>Missing</th>
              </tr>
            </thead>
            <tbody>
              {cov.files.map((f) => (
                <tr key={f.path} data-testid="tool-coverage-file" data-path={f.path}>
                  <td>
                    <code>{f.path}</code>
                  </td>
                  <td>{f.statements}</td>
                  <td>{displayPercent(f.percent)}%</td>
                  <td>{f.missing || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
