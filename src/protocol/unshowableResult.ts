import { failedResult } from './failedResult.ts';
import type { ExecutionResult } from './results.ts';

/** The result of a run whose own result could not be shown (the page refused it, or the frame could not fit it). */
export function unshowableResult(reason: string): ExecutionResult {
  const message = `The program's result could not be shown (${reason}). Python was restarted, so its variables are gone; run again.`;
  return failedResult('error', { type: 'ResultRefused', message, traceback: '', line: null }, false);
}
