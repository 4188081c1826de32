import type { PyProxy } from 'pyodide/ffi';
import type { Diagnostic, RunPolicy, ValidationReport } from '../protocol/policy.ts';
import type { PythonRuntime } from './bootPyodide.ts';

interface RawDiagnostic extends Omit<Diagnostic, 'endLine' | 'endColumn'> {
  end_line: number;
  end_column: number;
}

/** The policy as `_executor.validate` and `_executor.policy` take it (Python names). */
export function pythonPolicy(policy: RunPolicy): Record<string, unknown> {
  return { sandbox_mode: policy.sandboxMode, allowed_modules: policy.allowedModules, forbidden_functions: policy.forbiddenFunctions };
}

/** Import names the package index provides (so validate_code can tell "not allowed" from "unknown"). */
function knownImports(rt: PythonRuntime): string[] {
  const lock = rt.pyodide.lockfile as unknown as { packages?: Record<string, { imports?: string[] }> } | undefined;
  return Object.values(lock?.packages ?? {}).flatMap((p) => p.imports ?? []);
}

// Every safe-mode run validates its code: the index's import names (fixed for an interpreter's life) and the last
// policy are converted to Python once, not per run (a trivial run's round trip paid a millisecond for them).
const converted = new WeakMap<PythonRuntime, { imports: PyProxy; policyKey: string; policy: PyProxy | null }>();

function pythonArgs(rt: PythonRuntime, policy: RunPolicy): [PyProxy, PyProxy] {
  let cache = converted.get(rt);
  if (!cache) {
    cache = { imports: rt.pyodide.toPy(knownImports(rt)) as PyProxy, policyKey: '', policy: null };
    converted.set(rt, cache);
  }
  const key = JSON.stringify(pythonPolicy(policy));
  if (key !== cache.policyKey || !cache.policy) {
    cache.policy?.destroy();
    cache.policy = rt.pyodide.toPy(pythonPolicy(policy)) as PyProxy;
    cache.policyKey = key;
  }
  return [cache.policy, cache.imports];
}

/** validate_code: `_executor.validate.validate` run on `code` under `policy`; executes nothing. */
export function validateCode(rt: PythonRuntime, code: string, policy: RunPolicy): ValidationReport {
  const validate = rt.pyodide.pyimport('_executor.validate');
  const args = pythonArgs(rt, policy);
  try {
    const proxy = validate.validate(code, ...args) as PyProxy;
    const raw = proxy.toJs({ dict_converter: Object.fromEntries }) as {
      diagnostics: RawDiagnostic[];
      imports: ValidationReport['imports'];
    };
    proxy.destroy();
    return {
      imports: raw.imports,
      diagnostics: raw.diagnostics.map(({ end_line, end_column, ...d }) => ({ ...d, endLine: end_line, endColumn: end_column })),
    };
  } finally {
    validate.destroy();
  }
}
