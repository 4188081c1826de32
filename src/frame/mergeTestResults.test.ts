import { describe, expect, it } from 'vitest';
import type { FileCoverageFacts, TestRecord, WorkerTestsDone } from '../protocol/testProtocol.ts';
import { displayPercent } from '../format/displayPercent.ts';
import { mergeCoverage } from './mergeCoverage.ts';
import { mergeTestResults } from './mergeTestResults.ts';
import { splitTests } from './splitTests.ts';
import { makeTestRecord } from '../testing/makeTestResult.ts';

const rec = (nodeId: string, outcome: TestRecord['outcome'] = 'passed'): TestRecord => makeTestRecord({ nodeId, outcome });
const facts = (missing: number[], missed: number[]): FileCoverageFacts => ({
  statements: [1, 2, 3, 4, 5],
  missing,
  branches: [{ line: 2, exits: 2, missed }],
  functions: [{ name: 'f', start: 1, end: 5 }],
  percent: 0,
});
const done = (counts: Record<string, number>, coverage: Record<string, FileCoverageFacts> | null): WorkerTestsDone => ({
  exitCode: counts.failed ? 1 : 0,
  counts,
  collectCounts: {},
  collected: [],
  durationMs: 10,
  coverage,
  problem: null,
  memory: false,
  outputTruncated: false,
});
const end = { reason: null, running: [], message: null, threshold: 80, wallMs: 20, timeoutMs: 1000 };

describe('splitting and merging a parallel run', () => {
  it('splits by file when there are enough files, else by node id, keeping order', () => {
    expect(splitTests(['a.py::1', 'a.py::2', 'b.py::1'], 2)).toEqual([['a.py::1', 'a.py::2'], ['b.py::1']]);
    expect(splitTests(['a.py::1', 'a.py::2', 'a.py::3'], 2)).toEqual([['a.py::1', 'a.py::2'], ['a.py::3']]);
    expect(splitTests([], 3)).toEqual([]);
  });

  it('reports a project refused by safe mode as status security, with the reasons as the message', () => {
    const refused = 'Safe mode refused to run the tests (1 problem):\n  t.py:1: ...';
    const merged = mergeTestResults([{ records: [], done: { ...done({}, null), exitCode: -1, refused } }], { ...end, collected: [] });
    expect(merged).toMatchObject({ status: 'security', message: refused, total: 0 });
  });

  it('merges records in collection order and counts and coverage as one run would', () => {
    const collected = ['a.py::1', 'b.py::1', 'a.py::2'];
    const merged = mergeTestResults(
      [
        { records: [rec('b.py::1', 'failed')], done: done({ failed: 1 }, { 'm.py': facts([4, 5], [3]) }) },
        { records: [rec('a.py::1'), rec('a.py::2')], done: done({ passed: 2 }, { 'm.py': facts([3, 5], [3]) }) },
      ],
      { ...end, collected },
    );
    expect(merged.records.map((r) => r.nodeId)).toEqual(collected);
    expect(merged).toMatchObject({ total: 3, passed: 2, failed: 1, status: 'failed', workers: 2, speedup: 1 });
    // Line 5 was missed by both interpreters; branch 2→3 too: 5 statements + 2 exits, 1 + 1 missing.
    expect(merged.coverage?.perFile['m.py']).toMatchObject({
      missingLines: [5],
      missingBranches: 1,
      partialLines: [2],
      percent: (100 * 5) / 7,
    });
    expect(merged.coverage?.suggestions).toEqual([{ path: 'm.py', function: 'f', lines: [5] }]);
  });

  it('names the test that was running when the time limit hit', () => {
    const merged = mergeTestResults([{ records: [rec('a.py::1')], done: null }], {
      ...end,
      reason: 'timeout',
      running: ['a.py::2'],
      collected: ['a.py::1', 'a.py::2'],
    });
    expect(merged).toMatchObject({ status: 'timeout', stoppedTest: 'a.py::2', errors: 1, coverage: null });
    expect(merged.records[1]).toMatchObject({ nodeId: 'a.py::2', outcome: 'error' });
    expect(merged.records[1]?.message).toMatch(/time limit \(1 s\)/);
  });

  it('totals the code under test, listing test files but leaving them out of the total', () => {
    const report = mergeCoverage([{ 'calc.py': facts([4, 5], []), 'tests/test_calc.py': facts([], []), 'conftest.py': facts([], []) }]);
    // calc.py alone: 5 statements + 2 exits, 2 lines missing.
    expect(report.totalPercent).toBeCloseTo((100 * 5) / 7);
    expect(report.testFiles).toEqual(['conftest.py', 'tests/test_calc.py']);
    expect(Object.keys(report.perFile)).toHaveLength(3);
    // A project of test files only is totalled over them.
    const onlyTests = mergeCoverage([{ 'test_a.py': facts([5], []) }]);
    expect(onlyTests.totalPercent).toBeCloseTo((100 * 6) / 7);
    expect(onlyTests.testFiles).toEqual([]);
  });

  it('keeps a file of any name as its own entry, "__proto__" and "constructor" too, and never reads inherited keys', () => {
    const one = JSON.parse(
      '{"__proto__": {"statements": [1, 2, 3, 4, 5], "missing": [5], "branches": [], "functions": [], "percent": 0}}',
    ) as Record<string, FileCoverageFacts>;
    const report = mergeCoverage([one, { constructor: facts([], []) }]);
    expect(Object.keys(report.perFile).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(report.perFile)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(report.perFile, '__proto__')?.value).toMatchObject({ statements: 5, missingLines: [5] });
    // "constructor" is missing from the first part: only the second's facts count, none are invented.
    expect(report.perFile.constructor).toMatchObject({ statements: 5, missingLines: [] });
  });

  it('prints percentages as coverage.py does', () => {
    expect(displayPercent(99.9)).toBe('99');
    expect(displayPercent(0.2)).toBe('1');
    expect(displayPercent(92.5)).toBe('92');
    expect(mergeCoverage([]).totalPercent).toBe(100);
  });
});

describe('the order of records', () => {
  it('puts a module skipped at collection among the files by its path, the rest in collection order', () => {
    const r = mergeTestResults(
      [
        {
          records: [rec('test_b.py::test_1'), rec('test_a.py', 'skipped'), rec('test_c.py::test_1'), rec('test_b.py::test_0')],
          done: null,
        },
      ],
      {
        reason: null,
        running: [],
        message: null,
        collected: ['test_b.py::test_0', 'test_b.py::test_1', 'test_c.py::test_1'],
        threshold: 80,
        wallMs: 10,
        timeoutMs: 1000,
      },
    );
    expect(r.records.map((x) => x.nodeId)).toEqual(['test_a.py', 'test_b.py::test_0', 'test_b.py::test_1', 'test_c.py::test_1']);
  });
});
