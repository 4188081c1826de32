import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { WORKING_DIR } from '../protocol/paths.ts';
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
  const timezones = pyodide.pyimport('_executor.timezones');
  timezones.link_system_zoneinfo();
  timezones.destroy();
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
  const pyodide = await loadPyodide({
    ...config,
    _loadSnapshot: snapshot,
    createPyodideModule: async (settings: Record<string, unknown>) => {
      const module = await moduleFactory(settings);
      if (module.HEAP8.length < snapshot.length) module.growMemory(snapshot.length);
      return module;
    },
  });
  // Pyodide keeps its config for the interpreter's life, and with it the snapshot's bytes (30 MB per
  // interpreter, never read again once restored).
  const kept = (pyodide as unknown as { _api?: { config?: Record<string, unknown> } })._api?.config;
  if (kept) delete kept._loadSnapshot;
  return pyodide;
}

/** Pyodide's files as the frame hands them to a worker: nothing is downloaded or compiled again. */
export interface BootFiles {
  /** Pyodide's folder: the URLs Pyodide asks for are under it. */
  indexURL: string;
  /** Where relative wheel names in the lock resolve. */
  packageBaseUrl: string;
  wasmModule: WebAssembly.Module;
  stdlib: ArrayBuffer;
  /** The package lock (JSON text). */
  lock: string;
}

/** How the worker reaches Pyodide's code and answers Pyodide's own requests for its files. */
export interface BootDeps {
  loadPyodide: LoadPyodide;
  /** Emscripten's module factory (pyodide.asm.mjs, loaded by the frame as part of the worker's script). */
  moduleFactory: ModuleFactory;
  /** Answers fetches of `url` from memory until the returned function is called (see createAssetFetch). */
  serve(url: string, respond: () => Response): () => void;
}

/**
 * While `boot` runs, Pyodide's instantiation of pyodide.asm.wasm (an instantiateStreaming of the
 * placeholder response) uses the module the frame compiled once for all its workers.
 */
async function withCompiledWasm<T>(module: WebAssembly.Module, placeholder: Response, boot: () => Promise<T>): Promise<T> {
  const original = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (response !== placeholder) return original.call(WebAssembly, response, imports);
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  try {
    return await boot();
  } finally {
    WebAssembly.instantiateStreaming = original;
  }
}

/**
 * Boots Pyodide from the files the frame handed over (no request leaves the worker) and
 * prepares it for user code: from the snapshot when one is given and it restores, else by a
 * normal boot.
 */
export async function bootPyodide(
  files: BootFiles,
  deps: BootDeps,
  onProgress: (detail: string, progress: number) => void,
  options: BootOptions = {},
): Promise<{ runtime: PythonRuntime; report: BootReport }> {
  const wasmUrl = `${files.indexURL}pyodide.asm.wasm`;
  const stdlibUrl = `${files.indexURL}python_stdlib.zip`;
  const placeholder = new Response(new ArrayBuffer(0), { headers: { 'Content-Type': 'application/wasm' } });
  const unserve = [
    deps.serve(wasmUrl, () => placeholder),
    // A Response copies the bytes it is made from: no copy of our own is needed for a second boot attempt.
    deps.serve(stdlibUrl, () => new Response(files.stdlib, { headers: { 'Content-Type': 'application/zip' } })),
  ];
  const config = {
    indexURL: files.indexURL,
    packageBaseUrl: files.packageBaseUrl,
    lockFileContents: files.lock,
    stdLibURL: stdlibUrl,
    checkAPIVersion: true,
    env: { HOME: WORKING_DIR },
  };
  try {
    let problem: string | null = null;
    if (options.snapshot) {
      onProgress('Restoring the interpreter', 0.3);
      try {
        const snapshot = options.snapshot;
        const pyodide = await withCompiledWasm(files.wasmModule, placeholder, () =>
          restorePyodide(deps.loadPyodide, deps.moduleFactory, config, snapshot),
        );
        return { runtime: prepareRuntime(pyodide, true), report: { boot: 'snapshot', problem: null } };
      } catch (err) {
        problem = err instanceof Error ? err.message.split('\n')[0] || err.name : String(err);
      }
    }
    onProgress('Starting the interpreter', 0.3);
    const pyodide = await withCompiledWasm(files.wasmModule, placeholder, () =>
      deps.loadPyodide({ ...config, createPyodideModule: deps.moduleFactory, ...(options.makeSnapshot ? { _makeSnapshot: true } : {}) }),
    );
    onProgress('Preparing the sandbox', 0.9);
    return { runtime: prepareRuntime(pyodide, false), report: { boot: 'normal', problem } };
  } finally {
    for (const stop of unserve) stop();
  }
}
