import { describe, expect, it, vi } from 'vitest';
import type { ToolOutcome } from '../types.ts';
import { outcomeOfTool } from '../../testing/outcomeOfTool.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { makeTestRecord, makeTestResult } from '../../testing/makeTestResult.ts';
import {
  adviceMarkdown,
  replyForBatch,
  replyForDependencies,
  replyForExplain,
  replyForFiles,
  replyForMissing,
  replyForRead,
  replyForRun,
  replyForTests,
} from './replies.ts';
import type { RunSummary } from '../tools/runSummary.ts';
import type { TestRunSummary } from '../tools/testSummary.ts';

describe('the offline replies', () => {
  it('a run: with cards the reply only sums up; without, it carries the output, the value and the advice', async () => {
    const run = (await outcomeOfTool('execute_code', { code: 'print("hello")' })) as ToolOutcome<RunSummary>;
    expect(replyForRun(run, 'print("hello")', false)).toBe(run.summary);
    const bare = replyForRun(run, 'print("hello")', false, false);
    expect(bare).toContain('hello');
    expect(bare).toContain('Value: `42`');
    const failing = (await outcomeOfTool(
      'execute_code',
      { code: '1/0' },
      {
        execute: vi.fn(async () =>
          makeResult({
            success: false,
            status: 'error',
            error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: '', line: 1 },
          }),
        ),
        handleError: vi.fn(async () => ({
          errorType: 'ZeroDivisionError',
          summary: 'Division by zero.',
          snippet: '1/0',
          line: 1,
          suggestions: [{ title: 'Check the divisor', detail: 'It is 0.' }],
          actions: [],
        })),
      },
    )) as ToolOutcome<RunSummary>;
    expect(replyForRun(failing, '1/0', false, false)).toContain('**Check the divisor**: It is 0.');
  });

  it('a profile without the profiler: the time, and a hint for nested loops', async () => {
    const run = (await outcomeOfTool('execute_code', { code: 'x' })) as ToolOutcome<RunSummary>;
    const nested = 'for a in data:\n    for b in data:\n        pass\n';
    expect(replyForRun(run, nested, true)).toMatch(/Time: \d+ ms wall[\s\S]*Optimization hint/);
    expect(replyForRun(run, 'x = 1', true)).not.toContain('Optimization hint');
  });

  it('a batch: one line per step', async () => {
    const batch = await outcomeOfTool('execute_batch', { paths: ['calc.py', 'test_calc.py'] });
    expect(replyForBatch(batch as never)).toMatch(/1\. `calc.py`: ok[\s\S]*2\. `test_calc.py`: ok/);
    expect(replyForBatch({ ok: false, summary: 'No such file.', data: { error: 'x' } })).toBe('No such file.');
  });

  it("files the project does not have: the closest, or the project's files, and that nothing ran", () => {
    expect(replyForMissing([{ path: 'calc2.py', closest: ['calc.py'] }], ['calc.py'])).toContain('The closest: `calc.py`.');
    expect(replyForMissing([{ path: 'zzz.py', closest: [] }], ['calc.py'])).toContain('Its files: `calc.py`.');
    expect(replyForMissing([{ path: 'zzz.py', closest: [] }], [])).toContain('The project has no files yet.');
    expect(replyForMissing([{ path: 'zzz.py', closest: [] }], [])).toMatch(/Nothing was run\.$/);
  });

  it('dependencies: what is missing, what was installed and what failed, or that all is there', async () => {
    const analysis = await outcomeOfTool('analyze_dependencies', { code: 'import numpy' });
    expect(replyForDependencies(analysis, null, false)).toContain('Say "install them"');
    const installed = await outcomeOfTool('install_packages', { packages: ['numpy', 'nope'] });
    const reply = replyForDependencies(analysis, installed, true);
    expect(reply).toContain('Installed from the package index: numpy 2.0.');
    expect(reply).toContain('Could not install:');
    const none = await outcomeOfTool('analyze_dependencies', { code: 'import os' }, { analyzeDependencies: vi.fn(async () => []) });
    expect(replyForDependencies(none, null, false)).toContain('Everything it imports is already available.');
    const unknown = await outcomeOfTool(
      'analyze_dependencies',
      { code: 'import zzz' },
      {
        analyzeDependencies: vi.fn(async () => [{ module: 'zzz', verdict: 'unknown' as const, package: null, source: null }]),
      },
    );
    expect(replyForDependencies(unknown, null, false)).toContain('Not available here');
  });

  it('an explanation is the advice as a list, or the summary when there is none', () => {
    expect(replyForExplain({ ok: true, summary: 'Nothing failed.', data: { advice: null } })).toBe('Nothing failed.');
    const advice = {
      errorType: 'KeyError',
      summary: 'No such key.',
      snippet: 'd["x"]',
      line: 1,
      suggestions: [{ title: 'Keys', detail: 'a, b' }],
      actions: [],
    };
    expect(replyForExplain({ ok: true, summary: '', data: { advice } })).toContain('**No such key.**');
    expect(adviceMarkdown(null)).toBe('');
  });

  it('tests: a module gets every test with coverage; without cards the failures and coverage are in the reply', async () => {
    const tests = (await outcomeOfTool(
      'run_tests',
      {},
      {
        runTests: vi.fn(async () =>
          makeTestResult({
            records: [
              makeTestRecord({ nodeId: 'test_calc.py::test_add', outcome: 'failed', message: 'assert 4 == 3', file: 'calc.py', line: 2 }),
            ],
            coverage: {
              totalPercent: 50,
              perFile: {
                'calc.py': { statements: 4, missingLines: [3, 4], partialLines: [], branches: 0, missingBranches: 0, percent: 50 },
              },
              suggestions: [{ path: 'calc.py', function: 'sub', lines: [3, 4] }],
              problems: [],
            },
          }),
        ),
      },
    )) as ToolOutcome<TestRunSummary>;
    expect(replyForTests(tests, 'calc.py')).toMatch(/^`calc.py` is a module, not a test file/);
    expect(replyForTests(tests, null)).toContain('The card lists the failure with file:line');
    const bare = replyForTests(tests, null, false);
    expect(bare).toContain('`test_calc.py::test_add` failed at calc.py:2: assert 4 == 3');
    expect(bare).toContain('`calc.py` 50% (never run: 3-4)');
    expect(bare).toContain('Functions with lines no test ran');
    expect(replyForTests({ ok: false, summary: 'No tests here.', data: { error: 'x' } }, null)).toBe('No tests here.');
  });

  it('files and a file: a list with line counts, the open one marked; the file in a code block', async () => {
    const files = await outcomeOfTool('list_files', {});
    expect(replyForFiles(files as never)).toMatch(/The project has 2 files:[\s\S]*`calc.py` \(2 lines\)/);
    const read = await outcomeOfTool('read_file', { path: 'calc.py' });
    expect(replyForRead(read as never)).toMatch(/^`calc.py` \(2 lines\):\n\n```python\ndef add/);
    expect(replyForRead({ ok: false, summary: 'No such file.', data: { error: 'x' } })).toBe('No such file.');
  });
});
