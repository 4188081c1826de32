import { describe, expect, it, vi } from 'vitest';
import type { TestRunOptions } from '../../engine/engine.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeTestRecord, makeTestResult } from '../../testing/makeTestResult.ts';
import { invokeTool } from './defineTool.ts';
import { runTestsTool } from './runTests.ts';
import type { TestRunSummary } from './testSummary.ts';

const FILES = [
  { path: 'calculator.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'test_calculator.py', content: 'from calculator import add\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
  { path: 'tests/test_more.py', content: 'def test_more():\n    assert True\n' },
];

const RESULT = makeTestResult({
  records: [
    makeTestRecord({ nodeId: 'test_calculator.py::test_add' }),
    makeTestRecord({
      nodeId: 'test_calculator.py::test_sub',
      outcome: 'failed',
      message: 'AssertionError: assert -1 == 1\nmore',
      file: 'test_calculator.py',
      line: 7,
    }),
  ],
  coverage: {
    totalPercent: 87.5,
    perFile: {
      'calculator.py': { statements: 8, missingLines: [5, 6, 7, 12], partialLines: [], branches: 0, missingBranches: 0, percent: 50 },
    },
    suggestions: [{ path: 'calculator.py', function: 'power', lines: [5, 6, 7] }],
    problems: [],
  },
  thresholdMet: true,
});

function setup(result = RESULT) {
  const runTests = vi.fn(async (_options: TestRunOptions) => result);
  const ctx = createFakeToolContext({ engine: { runTests }, files: FILES });
  return { ctx, runTests };
}

describe('run_tests', () => {
  it("runs pytest through the engine on the project's files with the user's settings and limits", async () => {
    const { ctx, runTests } = setup();
    await invokeTool(runTestsTool, { paths: ['test_calculator.py'], pytest_args: ['-k', 'add'] }, ctx);
    expect(runTests).toHaveBeenCalledTimes(1);
    expect(runTests.mock.calls[0]?.[0]).toEqual({
      files: FILES,
      paths: ['test_calculator.py'],
      args: ['-v', '--tb=short', '-k', 'add'],
      coverage: true,
      threshold: 80,
      timeoutMs: 7000,
      maxMemoryMB: 256,
      maxOutputChars: 5000,
    });
    // The run is handed on, so the Tests panel and the editor's markers show it too.
    expect(ctx.recordedTests).toEqual([RESULT]);
  });

  it('returns the counts, each failure with file:line and message, and coverage per file with the missing lines', async () => {
    const { ctx } = setup();
    const outcome = await invokeTool(runTestsTool, { paths: ['test_calculator.py'], coverage: true }, ctx);
    expect(outcome.ok).toBe(false); // a test failed
    expect(outcome.summary).toBe('1 failed, 1 passed in 0.42s; coverage 88% (threshold 80%).');
    const data = outcome.data as TestRunSummary;
    expect(data.counts).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(data.failures).toEqual([
      {
        nodeId: 'test_calculator.py::test_sub',
        outcome: 'failed',
        where: 'test_calculator.py:7',
        message: 'AssertionError: assert -1 == 1\nmore',
      },
    ]);
    expect(data.coverage?.files).toEqual([{ path: 'calculator.py', percent: 50, statements: 8, missing: '5-7, 12', partial: '' }]);
    expect(data.coverage?.untested).toEqual(['calculator.py: power (5-7)']);
  });

  it('passes node ids, folders and the coverage switch; no paths means every test', async () => {
    const { ctx, runTests } = setup(makeTestResult());
    const outcome = await invokeTool(runTestsTool, { paths: ['test_calculator.py::test_add', 'tests/'], coverage: false }, ctx);
    expect(outcome).toMatchObject({ ok: true, summary: '1 passed in 0.42s.' });
    expect(runTests.mock.calls[0]?.[0]).toMatchObject({ paths: ['test_calculator.py::test_add', 'tests'], coverage: false });
    await invokeTool(runTestsTool, {}, ctx);
    expect(runTests.mock.calls[1]?.[0]).toMatchObject({ paths: [], coverage: true });
  });

  it('refuses paths outside the project and names the files for one that is not there, without running anything', async () => {
    const { ctx, runTests } = setup();
    const up = await invokeTool(runTestsTool, { paths: ['../secret/test_x.py'] }, ctx);
    expect(up.ok).toBe(false);
    expect(up.summary).toContain('may not leave the project');
    const absolute = await invokeTool(runTestsTool, { paths: ['/etc/test_x.py'] }, ctx);
    expect(absolute.summary).toContain('absolute path');
    const missing = await invokeTool(runTestsTool, { paths: ['test_nothing.py'] }, ctx);
    expect(missing.summary).toBe(
      'test_nothing.py is not in the project. Its files: calculator.py, test_calculator.py, tests/test_more.py.',
    );
    expect(runTests).not.toHaveBeenCalled();
  });

  it('says what went wrong when the run did not finish normally', async () => {
    const { ctx } = setup(
      makeTestResult({
        records: [],
        status: 'timeout',
        message: 'The tests ran out of time (7 s).',
        stoppedTest: 'test_calculator.py::test_slow',
      }),
    );
    const outcome = await invokeTool(runTestsTool, {}, ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toBe(
      'no tests ran in 0.42s. Run ended: timeout during test_calculator.py::test_slow. The tests ran out of time (7 s).',
    );
  });
});
