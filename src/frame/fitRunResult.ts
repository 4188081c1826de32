import { executionResultSchema, type ExecutionResult } from '../protocol/results.ts';
import { MAX_PAGED_MESSAGE_CHARS } from '../protocol/messagePages.ts';
import { unshowableResult } from '../protocol/unshowableResult.ts';

/** Longest error message, traceback or value the page is sent; the rest is cut with a marker. */
export const MAX_RESULT_TEXT_CHARS = 100_000;

const CUT = '… [cut: too long to show]';
const clip = (text: string, limit = MAX_RESULT_TEXT_CHARS): string => (text.length <= limit ? text : `${text.slice(0, limit)}${CUT}`);
const finite = (n: unknown, fallback = 0): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

/**
 * A run's result as the page will accept it: texts cut to size, numbers finite, the line an integer. A result
 * over one message's size is sent in pages (messagePages.ts), so only one over what pages may carry loses its
 * profile and its diagnostics past 200.
 * The worker's result may come from an interpreter the program broke, so it is read as unknown; what
 * still does not fit the protocol becomes an error result that says why, never a message the page drops.
 */
export function fitRunResult(raw: unknown, maxChars = MAX_PAGED_MESSAGE_CHARS - 10_000): ExecutionResult {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ExecutionResult, unknown>>;
  const error = r.error as Partial<Record<'type' | 'message' | 'traceback' | 'line', unknown>> | null | undefined;
  const metrics = (r.metrics ?? {}) as Record<string, unknown>;
  const fitted = {
    ...r,
    value: typeof r.value === 'string' ? clip(r.value) : r.value,
    error: error
      ? {
          type: typeof error.type === 'string' ? clip(error.type, 200) : 'Error',
          message: typeof error.message === 'string' ? clip(error.message) : String(error.message),
          traceback: typeof error.traceback === 'string' ? clip(error.traceback) : '',
          line: typeof error.line === 'number' && Number.isInteger(error.line) ? error.line : null,
        }
      : error,
    metrics: {
      ...metrics,
      wallMs: finite(metrics.wallMs),
      cpuMs: finite(metrics.cpuMs),
      peakMemoryMB: finite(metrics.peakMemoryMB),
      outputChars: Math.round(finite(metrics.outputChars)),
      truncated: metrics.truncated === true,
      ...optionalFinite(metrics, ['cpuPercent', 'heapStartMB', 'heapEndMB']),
      ...(metrics.pythonPeakMB === null ? { pythonPeakMB: null } : optionalFinite(metrics, ['pythonPeakMB'])),
    },
  };
  const parsed = executionResultSchema.safeParse(fitted);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unshowableResult(`${issue?.path.join('.') || 'the result'}: ${issue?.message ?? 'not a run result'}`);
  }
  const result = parsed.data;
  if (JSON.stringify(result).length <= maxChars) return result;
  const { profile: _profile, ...lean } = result;
  const smaller = { ...lean, diagnostics: result.diagnostics?.slice(0, 200) };
  return JSON.stringify(smaller).length <= maxChars ? smaller : unshowableResult('it is larger than a message to the page may be');
}

function optionalFinite(metrics: Record<string, unknown>, keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) if (metrics[k] !== undefined) out[k] = finite(metrics[k]);
  return out;
}
