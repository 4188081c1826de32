import type { Diagnostic, ExecutionResult } from '../protocol/protocol.ts';

/** The result of a run that safe mode refused before it started: status 'security', with every reason. */
export function refusedResult(diagnostics: Diagnostic[]): ExecutionResult {
  const reasons = diagnostics.map((d) => `line ${d.line}: ${d.message} (${d.rule}) ${d.suggestion}`);
  const message = `Safe mode refused to run this code (${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}).`;
  return {
    success: false,
    status: 'security',
    stdout: '',
    stderr: '',
    output: [],
    value: null,
    displays: [],
    error: {
      type: 'SecurityViolation',
      message,
      traceback: `${message}\n${reasons.map((r) => `  ${r}`).join('\n')}\nFix these, or turn off safe mode in Settings if you trust this code.\n`,
      line: diagnostics[0]?.line ?? null,
    },
    metrics: { wallMs: 0, cpuMs: 0, peakMemoryMB: 0, outputChars: 0, truncated: false },
    stateKept: true,
    diagnostics,
  };
}
