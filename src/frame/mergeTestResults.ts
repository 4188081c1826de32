import type { TestRecord, TestResult, TestRunStatus, WorkerTestsDone } from '../protocol/testProtocol.ts';
import { mergeCoverage } from './mergeCoverage.ts';
import { pytestCollectLine, pytestSummaryLine } from '../format/pytestSummary.ts';

/** What one interpreter contributed to a test run. */
export interface TestPart {
  records: TestRecord[];
  done: WorkerTestsDone | null;
  /**
   * `collect`: only collected for a run split across interpreters (its collection counts: module skips,
   * collection errors, deselected, import-time warnings); `share`: ran a share of the collected tests (its
   * counts less what its own collection found again); absent: the whole run.
   */
  role?: 'collect' | 'share';
}

/** How the run as a whole ended, as the pool saw it. */
export interface TestRunEnd {
  /** Set when the pool stopped the run (time limit, Stop) or lost an interpreter. */
  reason: 'timeout' | 'stopped' | 'crashed' | null;
  /** The test each interpreter was running when the run was stopped. */
  running: string[];
  /** The run only listed the tests (`--collect-only`). */
  collectOnly?: boolean;
  message: string | null;
  collected: string[];
  threshold: number;
  wallMs: number;
  timeoutMs: number;
}

type Counted = 'passed' | 'failed' | 'error' | 'skipped' | 'xfailed' | 'xpassed';

/**
 * Merges the parts of a test run (one per interpreter) into one TestResult:
 * records in collection order, pytest's counts summed, coverage merged. A run
 * on one interpreter and the same run split across several give the same content.
 */
export function mergeTestResults(parts: TestPart[], end: TestRunEnd): TestResult {
  const order = collectionOrder(
    end.collected,
    parts.flatMap((p) => p.records.map((r) => r.nodeId)),
  );
  const records = parts
    .flatMap((p) => p.records)
    .map((r) => (end.reason && end.running.includes(r.nodeId) ? stoppedRecord(r, end) : r))
    .sort((a, b) => (order.get(a.nodeId) ?? Infinity) - (order.get(b.nodeId) ?? Infinity));
  for (const nodeId of end.running) {
    if (!records.some((r) => r.nodeId === nodeId)) records.push(stoppedRecord(blankRecord(nodeId), end));
  }
  const counts: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(contribution(p))) counts[k] = (counts[k] ?? 0) + v;
  // A test stopped mid-run has no pytest report; count it as an error, as its record says.
  if (end.reason) for (const r of records) if (r.message?.startsWith('Stopped')) counts.error = (counts.error ?? 0) + 1;
  const dones = parts.map((p) => p.done).filter((d): d is WorkerTestsDone => d !== null);
  // The collecting interpreter measures no coverage and runs a share too: it is not one more interpreter.
  const runs = parts.filter((p) => p.role !== 'collect');
  const runDones = runs.map((p) => p.done).filter((d): d is WorkerTestsDone => d !== null);
  const facts = runDones.map((d) => d.coverage).filter((c) => c !== null);
  const complete = dones.length === parts.length && !end.reason;
  const coverage = complete && facts.length === runDones.length && facts.length > 0 ? mergeCoverage(facts) : null;
  const workers = Math.max(1, runs.length);
  const c = (k: Counted) => counts[k] ?? 0;
  const workerTime = dones.reduce((sum, d) => sum + d.durationMs, 0);
  return {
    status: statusOf(end, dones, c('failed') + c('error')),
    exitCode: dones.length === 1 ? (dones[0]?.exitCode ?? null) : parts.length > 1 ? mergedExit(dones) : null,
    message: end.message ?? dones.find((d) => d.refused)?.refused ?? dones.find((d) => d.problem)?.problem ?? usageMessage(dones),
    total: records.length,
    passed: c('passed'),
    failed: c('failed'),
    errors: c('error'),
    skipped: c('skipped'),
    xfailed: c('xfailed'),
    xpassed: c('xpassed'),
    deselected: counts.deselected ?? 0,
    warnings: counts.warnings ?? 0,
    summary: end.collectOnly
      ? pytestCollectLine(end.collected.length, counts.deselected ?? 0, c('error'), end.wallMs / 1000)
      : pytestSummaryLine(counts, end.wallMs / 1000),
    durationMs: end.wallMs,
    records,
    collected: end.collected,
    coverage,
    thresholdMet: coverage ? coverage.totalPercent >= end.threshold : null,
    threshold: end.threshold,
    workers,
    speedup: workers > 1 && end.wallMs > 0 ? workerTime / end.wallMs : null,
    stoppedTest: end.reason ? (end.running[0] ?? null) : null,
  };
}

/**
 * Each node id's place: collected tests in collection order; a module that has no collected test (skipped
 * or broken at collection) among the files by its path, where pytest met it.
 */
function collectionOrder(collected: string[], recorded: string[]): Map<string, number> {
  const fileOf = (id: string) => id.split('::')[0] ?? id;
  const order = new Map(collected.map((id, i) => [id, i]));
  for (const id of recorded) {
    if (order.has(id)) continue;
    const after = collected.findIndex((c) => fileOf(c).localeCompare(fileOf(id)) > 0);
    order.set(id, (after < 0 ? collected.length : after) - 0.5);
  }
  return order;
}

/** What a part adds to the run's counts (see {@link TestPart.role}). */
function contribution(p: TestPart): Record<string, number> {
  const done = p.done;
  if (!done) return {};
  if (p.role === 'collect') return done.collectCounts;
  if (p.role !== 'share') return done.counts;
  const own: Record<string, number> = {};
  for (const [k, v] of Object.entries(done.counts)) own[k] = v - (done.collectCounts[k] ?? 0);
  return own;
}

function statusOf(end: TestRunEnd, dones: WorkerTestsDone[], failures: number): TestRunStatus {
  if (end.reason) return end.reason;
  if (dones.some((d) => d.refused)) return 'security';
  if (dones.some((d) => d.memory)) return 'memory';
  if (dones.some((d) => d.problem) || end.message) return 'error';
  if (dones.some((d) => d.exitCode !== 0 && d.exitCode !== 1 && d.exitCode !== 5)) return 'error';
  return failures > 0 ? 'failed' : 'passed';
}

function mergedExit(dones: WorkerTestsDone[]): number | null {
  const codes = dones.map((d) => d.exitCode);
  if (codes.length === 0) return null;
  if (codes.every((c) => c === 5)) return 5;
  return Math.max(...codes.filter((c) => c !== 5));
}

function usageMessage(dones: WorkerTestsDone[]): string | null {
  if (dones.some((d) => d.exitCode === 4))
    return 'pytest did not accept its arguments (see the console); check the test paths and the pytest arguments.';
  if (dones.some((d) => d.exitCode === 3)) return 'pytest itself failed (internal error; see the console).';
  if (dones.length > 0 && dones.every((d) => d.exitCode === 5))
    return 'No tests were found. Test files are named test_*.py or *_test.py, test functions start with "test".';
  return null;
}

function blankRecord(nodeId: string): TestRecord {
  return {
    nodeId,
    outcome: 'error',
    durationMs: 0,
    message: null,
    traceback: null,
    file: null,
    line: null,
    stdout: '',
    stderr: '',
    platform: null,
  };
}

function stoppedRecord(record: TestRecord, end: TestRunEnd): TestRecord {
  const why =
    end.reason === 'timeout'
      ? `Stopped: the run hit the time limit (${end.timeoutMs / 1000} s) while this test was running.`
      : end.reason === 'crashed'
        ? 'Stopped: the interpreter crashed while this test was running.'
        : 'Stopped by the user while this test was running.';
  return { ...record, outcome: 'error', message: why };
}
