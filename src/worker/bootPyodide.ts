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
type ModuleFactory = (settings: Record<string, unknown>) => Promise<{ HEAP8: Int8Array; growMemory(bytes: number): unknown }>;

/** How the interpreter started: from a memory snapshot, or by a normal boot (with why a snapshot could not be used). */
export interface BootReport {
  boot: 'snapshot' | 'normal';
  /** Why the snapshot given could not be restored; null when none was given or it worked. */
  problem: string | null;
}

/** What a worker is asked to boot from. */
export interface BootOptions {
  /** A memory snapshot made by {@link makeSnapshotRuntime} in this browser. */
  snapshot?: Uint8Array | null;
  /** Boot so that `pyodide.makeMemorySnapshot()` works (only for a worker that never runs user code). */
  makeSnapshot?: boolean;
}

/** Writes Executor's Python package into the interpreter and imports the runner. */
export function installExecutorPython(pyodide: PyodideAPI): { runner: PyProxy; namespace: PyProxy } {
  for (const [path, source] of Object.entries(pythonSources)) {
    const full = `${EXECUTOR_LIB_DIR}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    pyodide.FS.writeFile(full, source);
  }
  const sys = pyodide.pyimport('sys');
  // A restored interpreter has the folder on its path already.
  const path = sys.path as PyProxy;
  if (!(path.toJs() as string[]).includes(EXECUTOR_LIB_DIR)) path.insert(0, EXECUTOR_LIB_DIR);
  path.destroy();
  sys.destroy();
  const runner = pyodide.pyimport('_executor.runner');
  const namespace = runner.new_namespace() as PyProxy;
  return { runner, namespace };
}

/** Prepares a loaded interpreter for user code: Executor's Python, the working folder, and (after a restore) fresh randomness and environment. */
export function prepareRuntime(pyodide: PyodideAPI, restored: boolean): PythonRuntime {
  const { runner, namespace } = installExecutorPython(pyodide);
  pyodide.FS.mkdirTree(WORKING_DIR);
  pyodide.FS.chdir(WORKING_DIR);
  // Every restore starts from the same bytes: without this, each would draw the same "random" numbers.
  if (restored) runner.after_restore(WORKING_DIR);
  const heap = (pyodide as unknown as { _module: HeapControls })._module;
  return { pyodide, heap, runner, namespace };
}

/**
 * Loads Pyodide from a memory snapshot. The module's memory is grown to the snapshot's size
 * before the restore (pyodide#6254: a snapshot over 30 MiB does not fit the memory Pyodide sizes for it).
 */
export async function restorePyodide(
  loadPyodide: LoadPyodide,
  moduleFactory: ModuleFactory,
  config: Record<string, unknown>,
  snapshot: Uint8Array,
): Promise<PyodideAPI> {
  return loadPyodide({
    ...config,
    _loadSnapshot: snapshot,
    createPyodideModule: async (settings: Record<string, unknown>) => {
      const module = await moduleFactory(settings);
      if (module.HEAP8.length < snapshot.length) module.growMemory(snapshot.length);
      return module;
    },
  });
}

/**
 * Loads Pyodide from the app's own origin with a dynamic import (Pyodide 314
 * cannot be loaded with importScripts) and prepares it for user code: from the
 * snapshot when one is given and it restores, else by a normal boot.
 */
export async function bootPyodide(
  urls: { indexURL: string; lockFileURL: string; packageBaseUrl: string },
  onProgress: (detail: string, progress: number) => void,
  options: BootOptions = {},
): Promise<{ runtime: PythonRuntime; report: BootReport }> {
  onProgress('Downloading the Python runtime', 0.1);
  const mod = (await import(/* @vite-ignore */ `${urls.indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
  const config = { ...urls, checkAPIVersion: true, env: { HOME: WORKING_DIR } };
  let problem: string | null = null;
  if (options.snapshot) {
    onProgress('Restoring the interpreter', 0.3);
    try {
      const asm = (await import(/* @vite-ignore */ `${urls.indexURL}pyodide.asm.mjs`)) as { default: ModuleFactory };
      const pyodide = await restorePyodide(mod.loadPyodide, asm.default, config, options.snapshot);
      return { runtime: prepareRuntime(pyodide, true), report: { boot: 'snapshot', problem: null } };
    } catch (err) {
      problem = err instanceof Error ? err.message.split('\n')[0] || err.name : String(err);
    }
  }
  onProgress('Starting the interpreter', 0.3);
  const pyodide = await mod.loadPyodide({ ...config, ...(options.makeSnapshot ? { _makeSnapshot: true } : {}) });
  onProgress('Preparing the sandbox', 0.9);
  return { runtime: prepareRuntime(pyodide, false), report: { boot: 'normal', problem } };
}
