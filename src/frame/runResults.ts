import { failedResult } from '../protocol/failedResult.ts';
import type { ExecutionResult } from '../protocol/results.ts';

/** Why the frame is stopping a run. */
export type StopReason = 'timeout' | 'stopped';

const INTERRUPTED = new Set(['KeyboardInterrupt']);

/** A result with no output of its own (the page fills in what was streamed), measured from `startedAt` if it started. */
export function emptyResult(
  status: ExecutionResult['status'],
  run: { startedAt: number | null; outputChars: number },
  now: number,
): ExecutionResult {
  const result = failedResult(status, null, true);
  return {
    ...result,
    metrics: { ...result.metrics, wallMs: run.startedAt === null ? 0 : now - run.startedAt, outputChars: run.outputChars },
  };
}

/** A run the frame stopped ends with the reason as its status, unless it failed in its own way while stopping. */
export function withStopReason(result: ExecutionResult, reason: StopReason | null): ExecutionResult {
  if (!reason) return result;
  const interrupted = result.error === null || INTERRUPTED.has(result.error.type);
  if (!interrupted) return result;
  return { ...result, success: false, status: reason };
}

/** The result of a run whose interpreter crashed (or could not start): `message` says what happened. */
export function crashResult(empty: ExecutionResult, message: string): ExecutionResult {
  return {
    ...empty,
    status: 'crashed',
    error: {
      type: 'InterpreterCrash',
      message:
        'Python itself crashed while running this program, most often from recursion deeper than the ' +
        `browser's stack allows or from breaking the interpreter's internals. A fresh interpreter was started. (${message})`,
      traceback: '',
      line: null,
    },
    stateKept: false,
  };
}

/** The answer to a run sent while another is going on. */
export function busyResult(): ExecutionResult {
  const error = { type: 'Busy', message: 'Another run is still going on; stop it first.', traceback: '', line: null };
  return failedResult('error', error, true);
}
