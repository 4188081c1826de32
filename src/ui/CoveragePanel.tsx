import { displayPercent } from '../frame/mergeCoverage.ts';
import type { TestResult } from '../protocol/testProtocol.ts';
import { lineRanges } from '../engine/describeTestResult.ts';
import { appStore } from '../store/useAppStore.ts';

/** Per-file coverage, the total against COVERAGE_THRESHOLD, and where tests are missing. */
export function CoveragePanel({ result }: { result: TestResult }) {
  const coverage = result.coverage;
  if (!coverage) return null;
  const open = (path: string) => appStore.getState().files.some((f) => f.path === path) && appStore.getState().openFile(path);
  return (
    <section className="coverage" data-testid="coverage-panel" data-total={coverage.totalPercent.toFixed(2)}>
      <p>
        Coverage <strong data-testid="coverage-total">{displayPercent(coverage.totalPercent)}%</strong>{' '}
        <span className={result.thresholdMet ? 'cov-ok' : 'warn'} data-testid="coverage-threshold">
          {result.thresholdMet ? `meets the ${result.threshold}% threshold` : `below the ${result.threshold}% threshold`}
        </span>
      </p>
      <table className="deps-table">
        <thead>
          <tr><th>File</th><th>Stmts</th><th>Miss</th><th>Branch</th><th>BrPart</th><th>Cover</th><th>Missing</th></tr>
        </thead>
        <tbody>
          {Object.entries(coverage.perFile).map(([path, f]) => (
            <tr key={path} data-testid="coverage-row" data-path={path}>
              <td><button type="button" className="test-id" onClick={() => open(path)}>{path}</button></td>
              <td>{f.statements}</td>
              <td>{f.missingLines.length}</td>
              <td>{f.branches}</td>
              <td>{f.missingBranches}</td>
              <td>{displayPercent(f.percent)}%</td>
              <td data-testid="coverage-missing">{lineRanges(f.missingLines)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {coverage.problems.length ? <p className="warn">Not analyzed: {coverage.problems.join('; ')}</p> : null}
      {coverage.suggestions.length ? (
        <div data-testid="test-suggestions">
          <p>Suggest tests for:</p>
          <ul>
            {coverage.suggestions.map((sg) => (
              <li key={`${sg.path}:${sg.function}`}>
                <button type="button" className="test-id" onClick={() => open(sg.path)}>{sg.path}: {sg.function}</button> (lines {lineRanges(sg.lines)} never ran)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
