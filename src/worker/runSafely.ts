import { refusingDiagnostics, type RunPolicy } from '../protocol/policy.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import { applyPolicy } from './applyPolicy.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { refusedResult } from './refusedResult.ts';
import { validateCode } from './validateCode.ts';

/**
 * One run under the safe-mode policy: in safe mode, validate_code first (a run with
 * error diagnostics is refused with status 'security' before anything is loaded or
 * executed), then `prepare` (package loading, which writes outside the working
 * folder; a result it returns ends the run there
 * folder), then `execute` with the runtime policy installed, lifted afterwards.
 * With safe mode off (or no policy), just `prepare` and `execute`.
 */
export async function runSafely(
  rt: PythonRuntime,
  code: string,
  policy: RunPolicy | undefined,
  steps: { prepare?: () => Promise<ExecutionResult | void>; execute: () => Promise<ExecutionResult> },
): Promise<ExecutionResult> {
  if (policy?.sandboxMode) {
    const refusing = refusingDiagnostics(validateCode(rt, code, policy));
    if (refusing.length > 0) return refusedResult(refusing);
  }
  // A result from `prepare` ends the run before it starts (a script's dependencies that cannot be met).
  const early = await steps.prepare?.();
  if (early) return early;
  const lift = applyPolicy(rt, policy);
  try {
    return await steps.execute();
  } finally {
    lift();
  }
}
