/**
 * The safe-mode policy and validate_code's report, as they cross the page → frame →
 * worker boundary. Part of the protocol (runs and calls carry a policy).
 */
import * as z from 'zod';

const moduleName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)
  .max(200);
const functionName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
  .max(100);

/** What safe mode enforces in a run: the effective module allowlist (ALLOWED_MODULES plus the safe standard library) and the forbidden builtins. */
export const runPolicySchema = z.object({
  sandboxMode: z.boolean(),
  allowedModules: z.array(moduleName).max(2000),
  forbiddenFunctions: z.array(functionName).max(200),
});
/** What safe mode enforces in a run. */
export type RunPolicy = z.infer<typeof runPolicySchema>;

/** One finding of validate_code. Lines and columns are 1-based. */
export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable rule id: syntax-error, import-not-allowed, import-unknown, forbidden-function, dynamic-access, dunder-access, js-access, sys-modules, infinite-loop, too-complex. */
  rule: z.string(),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  suggestion: z.string(),
});
/** One finding of validate_code. */
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** How an import is classified under the current policy. */
export const importVerdictSchema = z.enum(['stdlib', 'allowed', 'blocked', 'unknown']);

/** What validate_code returns: diagnostics, and each import with its verdict. */
export const validationReportSchema = z.object({
  diagnostics: z.array(diagnosticSchema).max(5000),
  imports: z.array(z.object({ module: z.string(), line: z.number().int(), verdict: importVerdictSchema })).max(5000),
});
/** What validate_code returns. */
export type ValidationReport = z.infer<typeof validationReportSchema>;

/** Whether a validation report refuses a run in safe mode: any error that is not a syntax error (those are reported by the run itself). */
export function refusingDiagnostics(report: ValidationReport): Diagnostic[] {
  return report.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'syntax-error');
}
