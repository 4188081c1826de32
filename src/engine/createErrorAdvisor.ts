import type { ValidationReport } from '../protocol/policy.ts';
import type { ExecutionResult, ImportReport } from '../protocol/results.ts';
import { adviseOnError, missingModule, type ErrorAdvice, type ErrorScope, type RunLimits } from './handleError.ts';

/** What the advisor asks the interpreter. */
export interface ErrorAdvisorDeps {
  analyzeDependencies(code: string): Promise<ImportReport[]>;
  /** Names and values around the error (did-you-mean candidates, keys, lengths); absent when the worker cannot tell. */
  errorScope?(error: NonNullable<ExecutionResult['error']>): Promise<ErrorScope | null>;
  /** The safety policy's verdict on an import (is the module allowed?). */
  validateCode?(code: string): Promise<ValidationReport>;
}

/**
 * The engine's `handleError`: {@link adviseOnError} plus what only the interpreter
 * knows (the package index for a missing module, the names in scope). Never throws:
 * when the interpreter cannot answer, the advice comes from the result alone.
 */
export function createErrorAdvisor(deps: ErrorAdvisorDeps): (result: ExecutionResult, limits?: RunLimits) => Promise<ErrorAdvice | null> {
  return async (result, limits) => {
    if (result.status === 'ok') return null;
    const error = result.error;
    const mod = error && /^(ModuleNotFoundError|ImportError)$/.test(error.type) ? missingModule(error.message) : null;
    const [module, scope, verdict] = await Promise.all([
      mod
        ? deps.analyzeDependencies(`import ${mod}`).then(
            (r) => r[0] ?? null,
            () => null,
          )
        : null,
      error && result.status === 'error' && deps.errorScope ? deps.errorScope(error).catch(() => null) : null,
      mod && deps.validateCode
        ? deps.validateCode(`import ${mod}`).then(
            (r) => r.imports[0]?.verdict ?? null,
            () => null,
          )
        : null,
    ]);
    const moduleAllowed = verdict === null ? null : verdict !== 'blocked';
    return adviseOnError(result, { ...(limits ? { limits } : {}), module, scope, moduleAllowed });
  };
}
