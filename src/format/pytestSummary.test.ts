import { describe, expect, it } from 'vitest';
import { formatSessionDuration, pytestCollectLine, pytestSummaryLine } from './pytestSummary.ts';

describe('pytestSummaryLine (pytest 8.3 terminal.py rules)', () => {
  it("puts pytest's categories in its order and pluralizes only error, warning and test", () => {
    const counts = { error: 2, passed: 11, warnings: 1, xpassed: 1, failed: 1, deselected: 3, skipped: 2, xfailed: 1 };
    expect(pytestSummaryLine(counts, 0.414)).toBe(
      '1 failed, 11 passed, 2 skipped, 3 deselected, 1 xfailed, 1 xpassed, 1 warning, 2 errors in 0.41s',
    );
    expect(pytestSummaryLine({ error: 1, warnings: 2 }, 1)).toBe('2 warnings, 1 error in 1.00s');
  });

  it('puts categories it does not know after its own, and says when nothing ran', () => {
    expect(pytestSummaryLine({ rerun: 2, passed: 1 }, 0)).toBe('1 passed, 2 rerun in 0.00s');
    expect(pytestSummaryLine({ passed: 0 }, 0.01)).toBe('no tests ran in 0.01s');
  });

  it('adds h:mm:ss from a minute on', () => {
    expect(formatSessionDuration(59.994)).toBe('59.99s');
    expect(formatSessionDuration(75.02)).toBe('75.02s (0:01:15)');
    expect(formatSessionDuration(3725.5)).toBe('3725.50s (1:02:05)');
  });

  it('words --collect-only as pytest does', () => {
    expect(pytestCollectLine(12, 0, 0, 0.05)).toBe('12 tests collected in 0.05s');
    expect(pytestCollectLine(1, 0, 0, 0.05)).toBe('1 test collected in 0.05s');
    expect(pytestCollectLine(10, 2, 1, 0.05)).toBe('10/12 tests collected (2 deselected), 1 error in 0.05s');
    expect(pytestCollectLine(0, 3, 0, 0.05)).toBe('no tests collected (3 deselected) in 0.05s');
    expect(pytestCollectLine(0, 0, 2, 0.05)).toBe('no tests collected, 2 errors in 0.05s');
  });
});
