import { describe, expect, it } from 'vitest';
import { makeTestRecord, makeTestResult } from '../../testing/makeTestResult.ts';
import { lineRanges } from '../../engine/describeTestResult.ts';
import { MAX_LISTED_FAILURES, summarizeTests, testsHeadline } from './testSummary.ts';

describe('testSummary', () => {
  it('collapses lines into ranges as coverage.py does', () => {
    expect(lineRanges([9, 3, 4, 5, 12, 13])).toBe('3-5, 9, 12-13');
    expect(lineRanges([])).toBe('');
  });

  it('words the counts as pytest does and rounds coverage as coverage.py does (99.6 is not 100)', () => {
    const r = makeTestResult({
      records: [makeTestRecord(), makeTestRecord({ outcome: 'skipped' }), makeTestRecord({ outcome: 'error' })],
      coverage: { totalPercent: 99.6, perFile: {}, suggestions: [], problems: [] },
      thresholdMet: true,
    });
    expect(testsHeadline(r)).toBe('1 passed, 1 skipped, 1 error in 0.42s; coverage 99% (threshold 80%).');
    expect(testsHeadline({ ...r, thresholdMet: false, threshold: 100 })).toContain('(threshold 100%, not met)');
  });

  it('lists at most a few failures and counts the rest', () => {
    const records = Array.from({ length: MAX_LISTED_FAILURES + 3 }, (_, i) =>
      makeTestRecord({ nodeId: `t.py::test_${i}`, outcome: 'failed', message: 'x'.repeat(900) }),
    );
    const s = summarizeTests(makeTestResult({ records }));
    expect(s.failures).toHaveLength(MAX_LISTED_FAILURES);
    expect(s.moreFailures).toBe(3);
    expect(s.failures[0]?.message.length).toBeLessThanOrEqual(500);
    expect(s.failures[0]?.where).toBeNull();
  });
});
