import type { ExecutionResult } from '../protocol/results.ts';

/** A successful ExecutionResult for tests, with any fields overridden. */
export function makeResult(partial: Partial<ExecutionResult> = {}): ExecutionResult {
  return {
    success: true,
    status: 'ok',
    stdout: '',
    stderr: '',
    output: [],
    value: null,
    displays: [],
    error: null,
    metrics: { wallMs: 5, cpuMs: 4, peakMemoryMB: 30, outputChars: 0, truncated: false },
    stateKept: true,
    ...partial,
  };
}
