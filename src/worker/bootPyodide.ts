import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { WORKING_DIR } from '../protocol/protocol.ts';
import { EXECUTOR_LIB_DIR, pythonSources } from './pythonSources.ts';

/** The parts of Emscripten's module object that Executor uses (not in Pyodide's public types). */
export interface HeapControls {
  _malloc_set_footprint_limit(bytes: number): number;
  _malloc_footprint(): number;
  _malloc_max_footprint(): number;
}

/** A booted interpreter with Executor's helpers loaded. */
export interface PythonRuntime {
  pyodide: PyodideAPI;
  heap: HeapControls;
  /** `_executor.runner` module. */
  runner: PyProxy;
  /** The namespace user code runs in; kept across runs. */
  namespace: PyProxy;
}

/** Where the user's code runs: its current directory. */
export { WORKING_DIR };

type LoadPyodide = (config: Record<string, unknown>) => Promise<PyodideAPI>;

/** Writes Executor's Python package into the interpreter and imports the runner. */
export function installExecutorPython(pyodide: PyodideAPI): { runner: PyProxy; namespace: PyProxy } {
  for (const [path, source] of Object.entries(pythonSources)) {
    const full = `${EXECUTOR_LIB_DIR}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    pyodide.FS.writeFile(full, source);
  }
  const sys = pyodide.pyimport('sys');
  sys.path.insert(0, EXECUTOR_LIB_DIR);
  sys.destroy();
  const runner = pyodide.pyimport('_executor.runner');
  const namespace = runner.new_namespace() as PyProxy;
  return { runner, namespace };
}

/**
 * Loads Pyodide from the app's own origin with a dynamic import (Pyodide 314
 * cannot be loaded with importScripts) and prepares it for user code.
 */
export async function bootPyodide(
  urls: { indexURL: string; lockFileURL: string; packageBaseUrl: string },
  onProgress: (detail: string, progress: number) => void,
): Promise<PythonRuntime> {
  onProgress('Downloading the Python runtime', 0.1);
  const mod = (await import(/* @vite-ignore */ `${urls.indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
  onProgress('Starting the interpreter', 0.3);
  const pyodide = await mod.loadPyodide({ ...urls, checkAPIVersion: true, env: { HOME: WORKING_DIR } });
  onProgress('Preparing the sandbox', 0.9);
  const { runner, namespace } = installExecutorPython(pyodide);
  pyodide.FS.mkdirTree(WORKING_DIR);
  pyodide.FS.chdir(WORKING_DIR);
  const heap = (pyodide as unknown as { _module: HeapControls })._module;
  return { pyodide, heap, runner, namespace };
}
