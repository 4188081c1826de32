import type { ExecutionResult, PythonError, RunStatus } from './results.ts';

/** A run that ended before (or without) producing anything: no output, zero metrics, the error that says why (if any). */
export function failedResult(status: RunStatus, error: PythonError | null, stateKept: boolean): ExecutionResult {
  return {
    success: false,
    status,
    stdout: '',
    stderr: '',
    output: [],
    value: null,
    displays: [],
    error,
    metrics: { wallMs: 0, cpuMs: 0, peakMemoryMB: 0, outputChars: 0, truncated: false },
    stateKept,
  };
}
