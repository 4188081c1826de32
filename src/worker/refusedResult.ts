import { failedResult } from '../protocol/failedResult.ts';
import type { Diagnostic } from '../protocol/policy.ts';
import type { ExecutionResult } from '../protocol/results.ts';

/** The result of a run that safe mode refused before it started: status 'security', with every reason. */
export function refusedResult(diagnostics: Diagnostic[]): ExecutionResult {
  const reasons = diagnostics.map((d) => `line ${d.line}: ${d.message} (${d.rule}) ${d.suggestion}`);
  const message = `Safe mode refused to run this code (${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}).`;
  const traceback = `${message}\n${reasons.map((r) => `  ${r}`).join('\n')}\nFix these, or turn off safe mode in Settings if you trust this code.\n`;
  return {
    ...failedResult('security', { type: 'SecurityViolation', message, traceback, line: diagnostics[0]?.line ?? null }, true),
    diagnostics,
  };
}
