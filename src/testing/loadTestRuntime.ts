import { loadPyodide } from 'pyodide';
import type { HeapControls, PythonRuntime } from '../worker/bootPyodide.ts';
import { installExecutorPython, WORKING_DIR } from '../worker/bootPyodide.ts';

const PACKAGES_DIR = new URL('../../public/packages', import.meta.url).pathname;

/**
 * Boots Pyodide in Node (from node_modules, no network) with Executor's Python
 * helpers installed, as the worker does in the browser. For unit tests.
 * `packageIndex` needs `npm run packages` to have built public/packages.
 */
export async function loadTestRuntime(options: { packageIndex?: boolean; lockFile?: string } = {}): Promise<PythonRuntime> {
  // With `packageIndex`, packages load from the self-hosted index (public/packages), as in the browser;
  // `lockFile` replaces its lock (e.g. one whose CDN is unreachable on purpose).
  const lockFileURL = options.lockFile ?? `${PACKAGES_DIR}/pyodide-lock.json`;
  const index = options.packageIndex || options.lockFile ? { lockFileURL, packageBaseUrl: `${PACKAGES_DIR}/` } : {};
  const pyodide = await loadPyodide({ env: { HOME: WORKING_DIR }, ...index });
  const { runner, namespace } = installExecutorPython(pyodide);
  pyodide.FS.mkdirTree(WORKING_DIR);
  pyodide.FS.chdir(WORKING_DIR);
  const heap = (pyodide as unknown as { _module: HeapControls })._module;
  return { pyodide, heap, runner, namespace };
}
