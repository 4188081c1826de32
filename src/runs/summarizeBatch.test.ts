import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import { describeBatch, summarizeBatch } from './summarizeBatch.ts';
import { runBatch, toBlocks } from './runBatch.ts';
import { toExecutionMetrics } from './seedMetrics.ts';

const ok = (wallMs = 10) => makeResult({ metrics: { wallMs, cpuMs: wallMs / 2, peakMemoryMB: 30, outputChars: 0, truncated: false } });
const fail = makeResult({
  success: false,
  status: 'error',
  error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: '', line: 2 },
});
const FILES = toBlocks([
  { name: 'data_preparation.py', code: 'a' },
  { name: 'model_training.py', code: 'b' },
  { name: 'evaluation.py', code: 'c' },
]);

describe('summarizeBatch', () => {
  it('counts successes, failures and skips, sums times and names the first failure', () => {
    const summary = summarizeBatch([
      { index: 0, name: 'a.py', result: ok(10), success: true, skipped: false },
      { index: 1, name: 'b.py', result: fail, success: false, skipped: false },
      { index: 2, name: 'c.py', result: null, success: false, skipped: true },
    ]);
    expect(summary).toEqual({
      total: 3,
      succeeded: 1,
      failed: 1,
      skipped: 1,
      totalWallMs: 15,
      totalCpuMs: 9,
      success: false,
      firstFailure: { index: 1, name: 'b.py', status: 'error', message: 'ZeroDivisionError: division by zero' },
    });
    expect(describeBatch(summary)).toBe('1 of 3 succeeded, 1 skipped in 0.01 s; first failure: b.py (ZeroDivisionError: division by zero)');
  });

  it('is a success only when every step ran and succeeded', () => {
    expect(summarizeBatch([{ index: 0, name: 'x', result: ok(), success: true, skipped: false }]).success).toBe(true);
    expect(summarizeBatch([]).firstFailure).toBeNull();
  });
});

describe('runBatch', () => {
  const scripted = (results: ExecutionResult[]) => {
    const ran: Array<[string, boolean]> = [];
    const run = async (block: { name: string }, fresh: boolean) => {
      ran.push([block.name, fresh]);
      return results[ran.length - 1]!;
    };
    return { ran, run };
  };

  it('stops at a failure with stopOnError and reports the rest as skipped', async () => {
    const { ran, run } = scripted([ok(), fail, ok()]);
    const batch = await runBatch(FILES, { stopOnError: true, sharedState: false }, run);
    expect(ran).toEqual([
      ['data_preparation.py', true],
      ['model_training.py', true],
    ]);
    expect(batch.steps.map((s) => [s.name, s.success, s.skipped])).toEqual([
      ['data_preparation.py', true, false],
      ['model_training.py', false, false],
      ['evaluation.py', false, true],
    ]);
    expect(batch.summary.firstFailure?.name).toBe('model_training.py');
  });

  it('goes on after a failure without stopOnError, in the shared namespace by default', async () => {
    const { ran, run } = scripted([ok(), fail, ok()]);
    const batch = await runBatch(FILES, {}, run);
    expect(ran.map(([, fresh]) => fresh)).toEqual([false, false, false]);
    expect(batch.summary).toMatchObject({ succeeded: 2, failed: 1, skipped: 0 });
  });

  it('always ends at a stopped step', async () => {
    const { ran, run } = scripted([makeResult({ success: false, status: 'stopped' }), ok()]);
    await runBatch(FILES.slice(0, 2), { stopOnError: false }, run);
    expect(ran).toHaveLength(1);
  });

  it('names code strings and refuses what is not code, saying what to pass', () => {
    expect(toBlocks(['x = 1', 'print(x)'])).toEqual([
      { name: 'block 1', code: 'x = 1' },
      { name: 'block 2', code: 'print(x)' },
    ]);
    expect(() => toBlocks([])).toThrow(/non-empty list of code blocks/);
    expect(() => toBlocks([42 as unknown as string])).toThrow(/Block 1 of the batch is neither/);
  });
});

describe('toExecutionMetrics', () => {
  it("adds the seed's names: execution_time in s, memory_used in MB, cpu_percent", () => {
    const m = toExecutionMetrics(
      makeResult({
        metrics: {
          wallMs: 2000,
          cpuMs: 1000,
          peakMemoryMB: 200,
          outputChars: 3,
          truncated: false,
          cpuPercent: 50,
          heapStartMB: 20,
          heapEndMB: 120,
          pythonPeakMB: 100.5,
          collected: true,
        },
      }),
    );
    expect(m).toMatchObject({ execution_time: 2, memory_used: 100.5, cpu_percent: 50, heapGrowthMB: 100, wallMs: 2000, status: 'ok' });
  });
});
