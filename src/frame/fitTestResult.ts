import { MAX_FRAME_MESSAGE_CHARS } from '../protocol/pageFrame.ts';
import type { TestRecord, TestResult } from '../protocol/testProtocol.ts';

const clip = (text: string | null, limit: number): string | null =>
  text === null || text.length <= limit ? text : `${text.slice(0, limit)}… [cut to fit the page's message limit]`;

/**
 * Shortens tracebacks and captured output (never counts or node ids) until the
 * result fits in one message to the page, which refuses larger ones.
 */
export function fitTestResult(result: TestResult, maxChars = MAX_FRAME_MESSAGE_CHARS - 10_000): TestResult {
  let fitted = result;
  for (const limit of [4000, 1000, 200, 0]) {
    if (JSON.stringify(fitted).length <= maxChars) return fitted;
    const records: TestRecord[] = result.records.map((r) => ({
      ...r,
      traceback: clip(r.traceback, limit),
      stdout: clip(r.stdout, limit) ?? '',
      stderr: clip(r.stderr, limit) ?? '',
      message: clip(r.message, Math.max(limit, 200)),
    }));
    fitted = { ...result, records };
  }
  return fitted;
}
