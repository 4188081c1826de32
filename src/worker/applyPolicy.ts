import type { RunPolicy } from '../protocol/policy.ts';
import { WORKING_DIR, type PythonRuntime } from './bootPyodide.ts';

/**
 * Installs safe mode (`_executor.policy`) for one run when the policy turns it on;
 * returns the function that lifts it again. With safe mode off it does nothing.
 */
export function applyPolicy(rt: PythonRuntime, policy: RunPolicy | undefined): () => void {
  if (!policy?.sandboxMode) return () => undefined;
  const module = rt.pyodide.pyimport('_executor.policy');
  const allowed = rt.pyodide.toPy(policy.allowedModules);
  const forbidden = rt.pyodide.toPy(policy.forbiddenFunctions);
  try {
    module.activate(allowed, forbidden, WORKING_DIR);
  } finally {
    allowed.destroy();
    forbidden.destroy();
  }
  return () => {
    module.deactivate();
    module.destroy();
  };
}
