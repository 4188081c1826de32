/**
 * The sandboxed frame: an opaque-origin document (sandbox="allow-scripts", strict
 * CSP) that owns the Python workers and talks to the app page by postMessage.
 */
import { PACKAGES_PATH, PYODIDE_PATH, parsePageMessage, type FrameToPage } from '../protocol/protocol.ts';
import { createSupervisor } from './createSupervisor.ts';
import { createTestPool } from './createTestPool.ts';
import { createWorkerHandle } from './createWorkerHandle.ts';
import { workerMemoryMeasurer } from './measureWorkerMemory.ts';

declare const __WORKER_SOURCE__: string;

// location still holds the app's URL even though this document's origin is "null".
const appOrigin = new URL(location.href).origin;
const urls = {
  indexURL: new URL(PYODIDE_PATH, location.href).href,
  // The server's merged lock: self-hosted wheels under /packages/, the rest on the package CDN.
  lockFileURL: new URL(`${PACKAGES_PATH}pyodide-lock.json`, location.href).href,
  packageBaseUrl: new URL(PACKAGES_PATH, location.href).href,
};

const send = (msg: FrameToPage): void => parent.postMessage(msg, appOrigin);

const supervisor = createSupervisor({
  spawn: (listener) => createWorkerHandle(__WORKER_SOURCE__, urls, listener),
  send,
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  measureWorkerMemory: workerMemoryMeasurer(),
});

// Tests run in interpreters of their own, so a test run never touches the editor's variables.
const testPool = createTestPool({
  spawn: (listener) => createWorkerHandle(__WORKER_SOURCE__, urls, listener),
  send,
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
});

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const msg = parsePageMessage(event.data);
  if (!msg) return;
  if (msg.type === 'ping') send({ type: 'pong', id: msg.id });
  else if (msg.type === 'tests') testPool.handle(msg);
  else {
    if (msg.type === 'stop') testPool.stop(msg.id);
    supervisor.handle(msg);
  }
});
