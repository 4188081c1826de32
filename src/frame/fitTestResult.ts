import { compactTestResult, type CompactTestResult } from '../protocol/compactTestResult.ts';
import { MAX_PAGED_MESSAGE_CHARS } from '../protocol/messagePages.ts';
import type { TestRecord, TestResult } from '../protocol/testProtocol.ts';

const clip = (text: string | null, limit: number): string | null =>
  text === null || text.length <= limit ? text : `${text.slice(0, limit)}… [cut to fit the page's limit for one result]`;

/**
 * The result in its compact form (compactTestResult.ts), sent in pages when it is over one message. Only a result
 * over the cap on a paged one gets its tracebacks and captured output shortened (never counts, node ids or coverage).
 */
export function fitTestResult(result: TestResult, maxChars = MAX_PAGED_MESSAGE_CHARS - 10_000): CompactTestResult {
  let fitted = compactTestResult(result);
  for (const limit of [4000, 1000, 200, 0]) {
    if (JSON.stringify(fitted).length <= maxChars) return fitted;
    const records: TestRecord[] = result.records.map((r) => ({
      ...r,
      traceback: clip(r.traceback, limit),
      stdout: clip(r.stdout, limit) ?? '',
      stderr: clip(r.stderr, limit) ?? '',
      message: clip(r.message, Math.max(limit, 200)),
    }));
    fitted = compactTestResult({ ...result, records });
  }
  return fitted;
}
