import type { RunPolicy } from '../protocol/policy.ts';
import type { PyProxy } from 'pyodide/ffi';
import { WORKING_DIR, type PythonRuntime } from './bootPyodide.ts';

// The last policy's lists as Python objects, per interpreter: converting them cost every safe-mode run its time.
const lists = new WeakMap<PythonRuntime, { key: string; allowed: PyProxy; forbidden: PyProxy }>();

function policyLists(rt: PythonRuntime, policy: RunPolicy): [PyProxy, PyProxy] {
  const key = JSON.stringify([policy.allowedModules, policy.forbiddenFunctions]);
  let cached = lists.get(rt);
  if (cached?.key !== key) {
    cached?.allowed.destroy();
    cached?.forbidden.destroy();
    cached = {
      key,
      allowed: rt.pyodide.toPy(policy.allowedModules) as PyProxy,
      forbidden: rt.pyodide.toPy(policy.forbiddenFunctions) as PyProxy,
    };
    lists.set(rt, cached);
  }
  return [cached.allowed, cached.forbidden];
}

/**
 * Installs safe mode (`_executor.policy`) for one run when the policy turns it on;
 * returns the function that lifts it again. With safe mode off it does nothing.
 */
export function applyPolicy(rt: PythonRuntime, policy: RunPolicy | undefined): () => void {
  if (!policy?.sandboxMode) return () => undefined;
  const module = rt.pyodide.pyimport('_executor.policy');
  const [allowed, forbidden] = policyLists(rt, policy);
  module.activate(allowed, forbidden, WORKING_DIR);
  return () => {
    module.deactivate();
    module.destroy();
  };
}
