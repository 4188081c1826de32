import type { ExecutionResult } from './protocol.ts';

/** The result of a run whose own result could not be passed on: an error that says why. */
export function refusedResult(reason: string): ExecutionResult {
  return {
    success: false,
    status: 'error',
    stdout: '',
    stderr: '',
    output: [],
    value: null,
    displays: [],
    error: {
      type: 'ResultRefused',
      message: `The program's result could not be shown (${reason}). Python was restarted, so its variables are gone; run again.`,
      traceback: '',
      line: null,
    },
    metrics: { wallMs: 0, cpuMs: 0, peakMemoryMB: 0, outputChars: 0, truncated: false },
    stateKept: false,
  };
}
