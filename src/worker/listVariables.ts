import type { PyProxy } from 'pyodide/ffi';
import type { VariablesPage, VariablesRequest } from '../protocol/variables.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { pythonErrorLine } from './pythonErrorLine.ts';

/** A page of the user's names, or of one value's parts, as `_executor.variables` summarises them. */
export function listVariables(rt: PythonRuntime, request: VariablesRequest): VariablesPage {
  const variables = rt.pyodide.pyimport('_executor.variables');
  try {
    // undefined, not null, becomes None; the path goes over as a Python list.
    const path = rt.pyodide.toPy(request.path);
    try {
      const proxy = variables.summarize(rt.namespace, request.name ?? undefined, path, request.offset) as PyProxy;
      const page = proxy.toJs({ dict_converter: Object.fromEntries }) as VariablesPage;
      proxy.destroy();
      // None arrives as undefined.
      return { ...page, total: page.total ?? null, rows: page.rows.map((r) => ({ ...r, size: r.size ?? null })) };
    } finally {
      path.destroy();
    }
  } catch (err) {
    throw new Error(pythonErrorLine(err).replace(/^LookupError: /, ''), { cause: err });
  } finally {
    variables.destroy();
  }
}
