import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../engine/engine.ts';
import { runBatch, toBlocks } from '../../runs/runBatch.ts';
import type { ExecutionResult, RunOptions } from '../../protocol/results.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { invokeTool } from './defineTool.ts';
import { executeBatchTool, type BatchData } from './executeBatch.ts';

/** An engine whose executeBatch is the real batch logic over a fake run (code with "boom" fails). */
function engineWithBatch() {
  const runs: Array<{ code: string; options: Partial<RunOptions> }> = [];
  const run = (code: string, options: Partial<RunOptions>): ExecutionResult => {
    runs.push({ code, options });
    if (code.includes('boom'))
      return makeResult({
        success: false,
        status: 'error',
        error: { type: 'ZeroDivisionError', message: 'division by zero', line: 1, traceback: '' },
      });
    return makeResult({ stdout: `ran ${code}\n` });
  };
  const executeBatch: Engine['executeBatch'] = vi.fn(async (input, options = {}) =>
    runBatch(toBlocks(input), options, async (block, fresh) =>
      run(block.code, { ...options.runOptions, filename: block.name, freshNamespace: fresh }),
    ),
  );
  return { executeBatch, runs };
}

const FILES = [
  { path: 'prepare.py', content: 'data = [1, 2]' },
  { path: 'train.py', content: 'print(sum(data))' },
];

describe('execute_batch', () => {
  it('runs code blocks in order within the limits, sharing state by default, and sums them up', async () => {
    const { executeBatch, runs } = engineWithBatch();
    const ctx = createFakeToolContext({ engine: { executeBatch }, files: FILES });
    const outcome = await invokeTool(executeBatchTool, { blocks: ['a = 1', 'print(a)'] }, ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatch(/^2 of 2 succeeded in \d+\.\d\d s\.$/);
    expect(runs.map((r) => [r.code, r.options.freshNamespace, r.options.timeoutMs, r.options.files])).toEqual([
      ['a = 1', false, 7000, undefined],
      ['print(a)', false, 7000, undefined],
    ]);
    expect((outcome.data as BatchData).steps.map((s) => [s.name, s.status, s.stdout])).toEqual([
      ['block 1', 'ok', 'ran a = 1\n'],
      ['block 2', 'ok', 'ran print(a)\n'],
    ]);
    expect(ctx.recorded).toHaveLength(2);
  });

  it('runs project files as themselves with the project around them; stop_on_error skips the rest', async () => {
    const { executeBatch, runs } = engineWithBatch();
    const files = [{ path: 'a.py', content: '1/0 # boom' }, ...FILES];
    const ctx = createFakeToolContext({ engine: { executeBatch }, files });
    const outcome = await invokeTool(executeBatchTool, { paths: ['a.py', 'train.py'], stop_on_error: true, shared_state: false }, ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toContain('0 of 2 succeeded, 1 skipped');
    expect(outcome.summary).toContain('first failure: a.py (ZeroDivisionError: division by zero)');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.options).toMatchObject({ filename: 'a.py', freshNamespace: true, files });
    expect((outcome.data as BatchData).steps.map((s) => s.status)).toEqual(['error', 'skipped']);
  });

  it('wants blocks or paths (one of them), and only project files', async () => {
    const { executeBatch } = engineWithBatch();
    const ctx = createFakeToolContext({ engine: { executeBatch }, files: FILES });
    expect((await invokeTool(executeBatchTool, {}, ctx)).summary).toContain('Give either `blocks`');
    expect((await invokeTool(executeBatchTool, { blocks: ['x'], paths: ['train.py'] }, ctx)).ok).toBe(false);
    expect((await invokeTool(executeBatchTool, { paths: ['../x.py'] }, ctx)).summary).toContain('may not leave the project');
    expect((await invokeTool(executeBatchTool, { paths: ['nope.py'] }, ctx)).summary).toBe(
      'nope.py is not in the project. Its files: prepare.py, train.py.',
    );
    expect(executeBatch).not.toHaveBeenCalled();
  });
});
