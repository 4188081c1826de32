import { loadPyodide } from 'pyodide';
import type { HeapControls, PythonRuntime } from '../worker/bootPyodide.ts';
import { installExecutorPython, WORKING_DIR } from '../worker/bootPyodide.ts';

/**
 * Boots Pyodide in Node (from node_modules, no network) with Executor's Python
 * helpers installed, as the worker does in the browser. For unit tests.
 */
export async function loadTestRuntime(): Promise<PythonRuntime> {
  const pyodide = await loadPyodide({ env: { HOME: WORKING_DIR } });
  const { runner, namespace } = installExecutorPython(pyodide);
  pyodide.FS.mkdirTree(WORKING_DIR);
  pyodide.FS.chdir(WORKING_DIR);
  const heap = (pyodide as unknown as { _module: HeapControls })._module;
  return { pyodide, heap, runner, namespace };
}
