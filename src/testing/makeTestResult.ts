import type { TestRecord, TestResult } from '../protocol/testProtocol.ts';
import { pytestSummaryLine } from '../format/pytestSummary.ts';

/** A passing test record for tests, with any fields overridden. */
export function makeTestRecord(partial: Partial<TestRecord> = {}): TestRecord {
  return {
    nodeId: 'test_x.py::test_x',
    outcome: 'passed',
    durationMs: 1,
    message: null,
    traceback: null,
    file: null,
    line: null,
    stdout: '',
    stderr: '',
    platform: null,
    ...partial,
  };
}

/** A TestResult for tests: counts follow `records` unless overridden; no coverage unless given. */
export function makeTestResult(partial: Partial<TestResult> = {}): TestResult {
  const records = partial.records ?? [makeTestRecord()];
  const count = (o: TestRecord['outcome']) => records.filter((r) => r.outcome === o).length;
  const failed = count('failed') + count('error');
  const result: TestResult = {
    status: failed ? 'failed' : 'passed',
    exitCode: failed ? 1 : 0,
    message: null,
    total: records.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    skipped: count('skipped'),
    xfailed: count('xfailed'),
    xpassed: count('xpassed'),
    deselected: 0,
    warnings: 0,
    summary: '',
    durationMs: 420,
    records,
    collected: records.map((r) => r.nodeId),
    coverage: null,
    thresholdMet: null,
    threshold: 80,
    workers: 1,
    speedup: null,
    stoppedTest: null,
    ...partial,
  };
  const { failed: f, passed, skipped, deselected, xfailed, xpassed, warnings, errors: error } = result;
  const counts = { failed: f, passed, skipped, deselected, xfailed, xpassed, warnings, error };
  return { ...result, summary: partial.summary ?? pytestSummaryLine(counts, result.durationMs / 1000) };
}
