import type { PyProxy } from 'pyodide/ffi';
import type { ErrorScope } from '../protocol/errorScope.ts';
import type { PythonRuntime } from './bootPyodide.ts';

/** Names, keys and lengths around the last error, from the user's namespace (see `_executor.suggest`). */
export function errorScope(rt: PythonRuntime, error: { type: string; message: string }): ErrorScope {
  const suggest = rt.pyodide.pyimport('_executor.suggest');
  try {
    const proxy = suggest.error_scope(error.type, error.message, rt.namespace) as PyProxy;
    const scope = proxy.toJs({ dict_converter: Object.fromEntries }) as ErrorScope;
    proxy.destroy();
    return scope;
  } finally {
    suggest.destroy();
  }
}
