// The bare baseline page: boots Pyodide in a plain module worker and exposes
// `window.bare` (see bareApi.ts) for the benchmark runner. No sandbox, no UI.
const version = new URLSearchParams(location.search).get('pyodide') ?? '314.0.7';
const indexURL = new URL(`/pyodide/v${version}/`, location.href).href;
const SIGINT = 2;

let worker = null;
// WebKitGTK gives no SharedArrayBuffer: the bare page then boots without an interrupt buffer (figure 10).
const shared = typeof SharedArrayBuffer === 'function';
const newInterrupt = () => (shared ? new Int32Array(new SharedArrayBuffer(4)) : null);
let interrupt = newInterrupt();
let nextId = 1;
const pending = new Map();

function boot() {
  const started = performance.now();
  interrupt = newInterrupt();
  worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.type === 'ready') {
        document.getElementById('state').textContent = 'ready';
        resolve(performance.now() - started);
      } else if (msg.type === 'boot-failed') {
        reject(new Error(msg.message));
      } else if (msg.type === 'result') {
        pending.get(msg.id)?.(msg);
        pending.delete(msg.id);
      }
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the bare worker failed'));
    worker.postMessage({ type: 'init', indexURL, interruptBuffer: interrupt });
  });
}

const api = {
  pyodideVersion: version,
  readyAt: null,
  ready: null,
  run(code) {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ type: 'run', id, code });
    });
  },
  /** Loads wheels (URLs) with pyodide.loadPackage; resolves to an error message or null. */
  load(urls) {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, (msg) => resolve(msg.error));
      worker.postMessage({ type: 'load', id, urls });
    });
  },
  interrupt() {
    if (interrupt) Atomics.store(interrupt, 0, SIGINT);
  },
  async reboot() {
    worker.terminate();
    for (const resolve of pending.values()) resolve({ type: 'result', id: 0, stdout: '', error: 'terminated', peakMemoryMB: 0 });
    pending.clear();
    return boot();
  },
};
api.ready = boot().then((ms) => {
  api.readyAt = performance.now();
  return ms;
});
window.bare = api;
