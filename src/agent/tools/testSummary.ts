import { displayPercent } from '../../format/displayPercent.ts';
import { lineRanges, testCountsLine } from '../../engine/describeTestResult.ts';
import type { TestResult } from '../../protocol/testProtocol.ts';

/** Most failures a run_tests result lists (the rest are counted). */
export const MAX_LISTED_FAILURES = 20;

/** One failing (or erroring, or xpassed-strict) test, as run_tests reports it. */
export interface TestFailure {
  nodeId: string;
  outcome: string;
  /** `tests/test_calc.py:25`: where it failed, when known. */
  where: string | null;
  message: string;
  /** What the browser's Python lacks that made it fail ("needs threads: not available in the browser"), if that is why. */
  platform?: string;
}

/** Coverage of one file, compact: percent and the lines no test ran as ranges ("27-30, 41"). */
export interface FileCoverageSummary {
  path: string;
  percent: number;
  statements: number;
  missing: string;
  partial: string;
}

/** What run_tests returns: counts, failures with file:line and message, coverage per file. */
export interface TestRunSummary {
  status: TestResult['status'];
  /** What went wrong beyond failing tests (no tests found, a timeout, ...), and what to do. */
  message: string | null;
  counts: Pick<TestResult, 'total' | 'passed' | 'failed' | 'errors' | 'skipped' | 'xfailed' | 'xpassed' | 'deselected' | 'warnings'>;
  /** "1 failed, 11 passed, 2 skipped in 0.41s": pytest's own summary line. */
  line: string;
  durationMs: number;
  failures: TestFailure[];
  /** Failures beyond {@link MAX_LISTED_FAILURES}, left out. */
  moreFailures: number;
  coverage: {
    totalPercent: number;
    threshold: number;
    thresholdMet: boolean | null;
    files: FileCoverageSummary[];
    /** Functions with lines no test ran: "calc.py: power (27-30)". */
    untested: string[];
  } | null;
  stoppedTest: string | null;
}

const clipText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A test result as a tool reports it (compact enough for the model's context). */
export function summarizeTests(r: TestResult): TestRunSummary {
  const bad = r.records.filter((t) => t.outcome === 'failed' || t.outcome === 'error');
  const coverage = r.coverage;
  return {
    status: r.status,
    message: r.message,
    counts: {
      total: r.total,
      passed: r.passed,
      failed: r.failed,
      errors: r.errors,
      skipped: r.skipped,
      xfailed: r.xfailed,
      xpassed: r.xpassed,
      deselected: r.deselected,
      warnings: r.warnings,
    },
    line: testCountsLine(r),
    durationMs: r.durationMs,
    failures: bad.slice(0, MAX_LISTED_FAILURES).map((t) => ({
      nodeId: t.nodeId,
      outcome: t.outcome,
      where: t.file ? (t.line ? `${t.file}:${t.line}` : t.file) : null,
      message: clipText(t.message ?? t.outcome, 500),
      ...(t.platform ? { platform: t.platform } : {}),
    })),
    moreFailures: Math.max(0, bad.length - MAX_LISTED_FAILURES),
    coverage: coverage
      ? {
          totalPercent: coverage.totalPercent,
          threshold: r.threshold,
          thresholdMet: r.thresholdMet,
          files: Object.entries(coverage.perFile)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([path, f]) => ({
              path,
              percent: f.percent,
              statements: f.statements,
              missing: lineRanges(f.missingLines),
              partial: lineRanges(f.partialLines),
            })),
          untested: coverage.suggestions.slice(0, 20).map((s) => `${s.path}: ${s.function} (${lineRanges(s.lines)})`),
        }
      : null,
    stoppedTest: r.stoppedTest,
  };
}

/** One line: how the run went, with coverage against the threshold. */
export function testsHeadline(r: TestResult): string {
  // coverage.py's rounding (99.6 shows as 99, never 100), as the Tests panel shows it.
  const cov = r.coverage
    ? `; coverage ${displayPercent(r.coverage.totalPercent)}% (threshold ${r.threshold}%${r.thresholdMet === false ? ', not met' : ''})`
    : '';
  const how =
    r.status === 'passed' || r.status === 'failed' ? '' : ` Run ended: ${r.status}${r.stoppedTest ? ` during ${r.stoppedTest}` : ''}.`;
  const msg = r.message && r.status !== 'passed' && r.status !== 'failed' ? ` ${r.message}` : '';
  return `${testCountsLine(r)}${cov}.${how}${msg}`.slice(0, 600);
}
