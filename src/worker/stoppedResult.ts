import type { ExecutionResult } from '../protocol/results.ts';

/** True for a KeyboardInterrupt that Pyodide raised into JavaScript (a Stop that landed in Executor's own Python). */
export function isInterrupt(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === 'KeyboardInterrupt';
}

/** The result of a run stopped before the user's code began (while files were written or packages loaded). */
export function stoppedResult(): ExecutionResult {
  return {
    success: false,
    status: 'stopped',
    stdout: '',
    stderr: '',
    output: [],
    value: null,
    displays: [],
    error: { type: 'KeyboardInterrupt', message: 'Stopped before the program started.', traceback: '', line: null },
    metrics: { wallMs: 0, cpuMs: 0, peakMemoryMB: 0, outputChars: 0, truncated: false },
    stateKept: true,
  };
}
