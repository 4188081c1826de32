/// <reference lib="webworker" />
/**
 * The Python worker. Built as a classic script and started from a blob: URL by the
 * sandboxed frame (a worker from a URL, or a module blob worker, does not start in an
 * opaque origin). User code runs here; nothing here trusts it.
 */
import type { FrameToWorker, WorkerCall, WorkerInit, WorkerRun, WorkerToFrame } from '../protocol/protocol.ts';
import { bootPyodide, type PythonRuntime } from './bootPyodide.ts';
import { autoLoadImports, explainMissingModule } from './autoLoadImports.ts';
import { analyzeImports, loadPackages } from './packages.ts';
import { runCode } from './runCode.ts';

declare const self: DedicatedWorkerGlobalScope;

// Keep our own handle on postMessage and hide it from user code, which can reach
// the worker's global scope through the `js` module: it cannot forge our messages.
const post: (msg: WorkerToFrame) => void = self.postMessage.bind(self);
Object.defineProperty(self, 'postMessage', { value: undefined, configurable: false, writable: false });
Object.defineProperty(Object.getPrototypeOf(self), 'postMessage', { value: undefined, configurable: false, writable: false });

let runtime: PythonRuntime | null = null;
let interrupt: Int32Array | null = null;
let crashed = false;

function fatal(id: number | null, err: unknown): void {
  crashed = true;
  post({ type: 'fatal', id, message: err instanceof Error ? err.message : String(err) });
}

async function init(msg: WorkerInit): Promise<void> {
  const started = performance.now();
  interrupt = msg.interruptBuffer;
  try {
    runtime = await bootPyodide(msg, (detail, progress) =>
      post({ type: 'progress', detail, progress }),
    );
    runtime.pyodide.setInterruptBuffer(interrupt);
    post({ type: 'ready', bootMs: performance.now() - started });
  } catch (err) {
    post({ type: 'boot-failed', message: err instanceof Error ? err.message : String(err) });
  }
}

async function run(msg: WorkerRun): Promise<void> {
  if (!runtime || !interrupt || crashed) {
    fatal(msg.id, new Error('The interpreter is not available.'));
    return;
  }
  const notify = (text: string) => post({ type: 'notice', level: 'info', text });
  try {
    const failed = msg.options.autoLoadPackages === false ? new Map<string, string>() : await autoLoadImports(runtime, msg.code, notify);
    const ran = await runCode(runtime, msg.code, msg.options, interrupt, (chunks) =>
      post({ type: 'output', id: msg.id, chunks }),
    );
    const result = explainMissingModule(ran, failed);
    // The output already went out as 'output' messages; the engine puts it back
    // into the result, so a large output never travels twice.
    post({ type: 'result', id: msg.id, result: { ...result, output: [], stdout: '', stderr: '' } });
  } catch (err) {
    // The runner catches every Python exception, so anything here is the
    // interpreter itself failing (stack overflow, "Pyodide has suffered a fatal error").
    fatal(msg.id, err);
  }
}

async function call(msg: WorkerCall): Promise<void> {
  if (!runtime || crashed) {
    post({ type: 'call-result', id: msg.id, response: { ok: false, error: 'The interpreter is not available.' } });
    return;
  }
  const notify = (text: string) => post({ type: 'notice', level: 'info', text });
  try {
    const { request } = msg;
    const value =
      request.method === 'analyzeImports' ? analyzeImports(runtime, request.code) : await loadPackages(runtime, request.packages, notify);
    post({ type: 'call-result', id: msg.id, response: { ok: true, value } });
  } catch (err) {
    post({ type: 'call-result', id: msg.id, response: { ok: false, error: err instanceof Error ? err.message : String(err) } });
  }
}

self.onmessage = (event: MessageEvent<FrameToWorker>) => {
  const msg = event.data;
  if (msg.type === 'init') void init(msg);
  else if (msg.type === 'run') void run(msg);
  else if (msg.type === 'call') void call(msg);
};
self.addEventListener('error', (event) => fatal(null, event.message));
