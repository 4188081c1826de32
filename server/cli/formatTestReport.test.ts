import { describe, expect, it } from 'vitest';
import { makeTestRecord, makeTestResult } from '../../src/testing/makeTestResult.ts';
import { formatTestReport } from './formatTestReport.ts';

describe('formatTestReport', () => {
  it("prints failures, the coverage table, the short summary and pytest's line", () => {
    const result = makeTestResult({
      records: [
        makeTestRecord({ nodeId: 'tests/test_calc.py::test_add' }),
        makeTestRecord({
          nodeId: 'tests/test_calc.py::test_wrong',
          outcome: 'failed',
          message: 'AssertionError: assert 4 == 5',
          traceback: 'tests/test_calc.py:25: in test_wrong\nE   assert 4 == 5',
          file: 'tests/test_calc.py',
          line: 25,
          stdout: 'debug\n',
        }),
      ],
      summary: '1 failed, 1 passed in 0.10s',
      coverage: {
        totalPercent: 80,
        testFiles: ['tests/test_calc.py'],
        perFile: {
          'calc.py': { statements: 20, missingLines: [27, 28, 29, 30], partialLines: [], branches: 0, missingBranches: 0, percent: 80 },
          'tests/test_calc.py': { statements: 10, missingLines: [], partialLines: [], branches: 0, missingBranches: 0, percent: 100 },
        },
        suggestions: [],
        problems: [],
      },
      thresholdMet: false,
      threshold: 90,
    });
    const text = formatTestReport(result);
    expect(text).toContain('E   assert 4 == 5');
    expect(text).toContain('debug');
    expect(text).toMatch(/calc\.py\s+20\s+4\s+80%\s+27-30/);
    expect(text).toMatch(/TOTAL \(without tests\)\s+20\s+4\s+80%/);
    expect(text).toContain('FAIL Required test coverage of 90% not reached.');
    expect(text).toContain('FAILED tests/test_calc.py::test_wrong (tests/test_calc.py:25) - AssertionError: assert 4 == 5');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^=+ 1 failed, 1 passed in 0\.10s =+$/);
  });

  it('says why nothing ran', () => {
    const text = formatTestReport(
      makeTestResult({ records: [], exitCode: 5, message: 'No tests were found.', summary: 'no tests ran in 0.01s' }),
    );
    expect(text).toContain('executor: No tests were found.');
  });
});
