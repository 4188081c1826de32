import type { ExecutionResult } from '../protocol/results.ts';

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

/**
 * The console line that explains how a run ended, or null when there is nothing
 * to add (a plain success or an ordinary Python error, whose traceback says it all).
 */
export function describeResult(r: ExecutionResult, limits: { timeoutSeconds: number; maxMemoryMB: number }): string | null {
  const state = r.stateKept ? 'Variables were kept.' : 'The interpreter was replaced; variables from earlier runs are gone.';
  switch (r.status) {
    case 'timeout':
      return `Stopped: the time limit of ${limits.timeoutSeconds} s was reached. ${state} Raise the timeout in Settings if the program needs longer.`;
    case 'stopped':
      return `Stopped after ${seconds(r.metrics.wallMs)}. ${state}`;
    case 'memory':
      // Memory held outside Python's heap is found by the frame, which says what it measured.
      if (r.error?.message.startsWith('JavaScript memory')) return `Stopped: ${r.error.message} Raise the limit in Settings or hold less.`;
      return `Stopped: the program needed more than the memory limit of ${limits.maxMemoryMB} MB (MemoryError). ${state} Raise the limit in Settings or use less memory.`;
    case 'crashed':
      return r.error?.message ?? 'Python crashed; a fresh interpreter was started.';
    case 'security':
      return r.diagnostics
        ? 'Safe mode refused to run this code (see the reasons above). Safe mode is a guard against accidents and a teaching aid; turn it off in Settings if you trust the code.'
        : 'Stopped by safe mode (see above). Variables were kept. Safe mode is a guard against accidents and a teaching aid; turn it off in Settings if you trust the code.';
    default:
      return null;
  }
}
