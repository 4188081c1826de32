import { displayPercent } from '../format/displayPercent.ts';
import { lineRanges, linesPhrase } from '../engine/describeTestResult.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

/** Most "suggest tests for" entries listed; a large project's thousands are counted, not drawn. */
export const MAX_LISTED_SUGGESTIONS = 100;

/** Per-file coverage of the last test run, the total of the code under test against COVERAGE_THRESHOLD, and where tests are missing. */
export function CoveragePanel() {
  const result = useAppStore((s) => s.testResult);
  const coverage = result?.coverage;
  if (!result || !coverage) {
    return (
      <p className="panel panel-empty" data-testid="coverage-empty">
        {result
          ? 'The last test run measured no coverage (Coverage is off in the Tests tab).'
          : 'No coverage yet: run the tests with Coverage on.'}
      </p>
    );
  }
  const open = (path: string) => appStore.getState().files.some((f) => f.path === path) && appStore.getState().openFile(path);
  const testFiles = new Set(coverage.testFiles ?? []);
  const below = Object.entries(coverage.perFile)
    .filter(([path, f]) => !testFiles.has(path) && f.percent < result.threshold)
    .map(([path]) => path);
  return (
    <section className="panel coverage" data-testid="coverage-panel" data-total={coverage.totalPercent.toFixed(2)} aria-label="Coverage">
      <p>
        Coverage <strong data-testid="coverage-total">{displayPercent(coverage.totalPercent)}%</strong> of the code under test,{' '}
        <span className={result.thresholdMet ? 'cov-ok' : 'warn'} data-testid="coverage-threshold">
          {result.thresholdMet ? `meets the ${result.threshold}% threshold` : `below the ${result.threshold}% threshold`}
        </span>
        {testFiles.size ? <span className="muted"> (test files are listed but not counted)</span> : null}
      </p>
      {below.length ? (
        <p className="warn" data-testid="coverage-below">
          Below {result.threshold}%: {below.map((p) => `${p} (${displayPercent(coverage.perFile[p]?.percent ?? 0)}%)`).join(', ')}
        </p>
      ) : null}
      <table className="deps-table">
        <thead>
          <tr>
            <th>File</th>
            <th>Stmts</th>
            <th>Miss</th>
            <th>Branch</th>
            <th>BrPart</th>
            <th>Cover</th>
            <th>Missing</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(coverage.perFile).map(([path, f]) => (
            <tr key={path} data-testid="coverage-row" data-path={path} className={testFiles.has(path) ? 'coverage-test-file' : undefined}>
              <td>
                <button type="button" className="test-id" onClick={() => open(path)}>
                  {path}
                </button>
                {testFiles.has(path) ? <span className="muted"> test file</span> : null}
              </td>
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
            {coverage.suggestions.slice(0, MAX_LISTED_SUGGESTIONS).map((sg) => (
              <li key={`${sg.path}:${sg.function}`}>
                <button type="button" className="test-id" onClick={() => open(sg.path)}>
                  {sg.path}: {sg.function}
                </button>{' '}
                ({linesPhrase(sg.lines)} never ran)
              </li>
            ))}
          </ul>
          {coverage.suggestions.length > MAX_LISTED_SUGGESTIONS ? (
            <p className="muted" data-testid="test-suggestions-more">
              and {(coverage.suggestions.length - MAX_LISTED_SUGGESTIONS).toLocaleString('en')} more functions (the Missing column lists
              every line)
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
