import { vi } from 'vitest';
import { createToolbox } from '../agent/tools/createToolbox.ts';
import { invokeTool } from '../agent/tools/defineTool.ts';
import type { ToolOutcome } from '../agent/types.ts';
import type { Engine } from '../engine/engine.ts';
import type { ValidationReport } from '../protocol/policy.ts';
import { runBatch, toBlocks, type BatchInput } from '../runs/runBatch.ts';
import { createFakeToolContext } from './createFakeToolContext.ts';
import { makeResult } from './makeResult.ts';
import { makeTestRecord, makeTestResult } from './makeTestResult.ts';

/** validate_code's report on `eval("1")` in safe mode. */
export const EVAL_REFUSED: ValidationReport = {
  diagnostics: [
    {
      severity: 'error',
      rule: 'forbidden-function',
      message: 'eval is not allowed',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 5,
      suggestion: 'Use ast.literal_eval.',
    },
  ],
  imports: [],
};

/** The project the tools see. */
export const TOOL_TEST_FILES = [
  { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'test_calc.py', content: 'from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
];

/**
 * The real agent tool's outcome over a fake engine (a run prints hello, validation finds eval, numpy is installable,
 * a test fails at calc.py:2, a batch step succeeds) and a two-file project, as the chat pane and the offline
 * assistant receive it. `engine` replaces any of the fake engine's methods.
 */
export async function outcomeOfTool(name: string, args: Record<string, unknown>, engine: Partial<Engine> = {}): Promise<ToolOutcome> {
  const ctx = createFakeToolContext({
    files: TOOL_TEST_FILES,
    editorCode: 'print(1)',
    engine: {
      execute: vi.fn(async () => makeResult({ stdout: 'hello\n', value: '42', output: [{ stream: 'stdout', text: 'hello\n' }] })),
      validateCode: vi.fn(async () => EVAL_REFUSED),
      analyzeDependencies: vi.fn(async () => [
        { module: 'numpy', verdict: 'available' as const, package: 'numpy', source: 'cdn' as const },
        { module: 'os', verdict: 'stdlib' as const, package: null, source: null },
      ]),
      install: vi.fn(async () => ({
        installed: [{ name: 'numpy', version: '2.0' }],
        failed: [{ name: 'nope', reason: 'not in the index' }],
      })),
      runTests: vi.fn(async () =>
        makeTestResult({
          records: [
            makeTestRecord({ nodeId: 'test_calc.py::test_add', outcome: 'failed', message: 'assert 4 == 3', file: 'calc.py', line: 2 }),
          ],
        }),
      ),
      executeBatch: vi.fn(async (input: BatchInput, options = {}) =>
        runBatch(toBlocks(input), options, async () => makeResult({ stdout: 'ok\n', output: [{ stream: 'stdout', text: 'ok\n' }] })),
      ),
      getLastExecutionMetrics: vi.fn(() => null),
      ...engine,
    },
  });
  const tool = createToolbox(ctx).find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return invokeTool(tool, args, ctx);
}
