/**
 * The sandboxed frame: an opaque-origin document (sandbox="allow-scripts", strict
 * CSP) that owns the Python workers and talks to the app page by postMessage.
 */
// Before any message is validated (see the module).
import '../protocol/zodWithoutEval.ts';
import { PACKAGES_PATH, PYODIDE_PATH } from '../protocol/paths.ts';
import { MAX_FRAME_MESSAGE_CHARS, parsePageMessage, type FrameToPage, type PageToFrame } from '../protocol/pageFrame.ts';
import { pagesOf } from '../protocol/messagePages.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';
import { createFrameRuntime, type FrameRuntime } from './createFrameRuntime.ts';
import { createSupervisor } from './createSupervisor.ts';
import { createTestPool } from './createTestPool.ts';
import { createLanguageHost } from './createLanguageHost.ts';
import { createWorkerHandle, type WorkerListener } from './createWorkerHandle.ts';
import { workerMemoryMeasurer } from './measureWorkerMemory.ts';
import { startSnapshotMaker } from './startSnapshotMaker.ts';
import { detectCapabilities } from '../protocol/capabilities.ts';
import { isolationDropped } from '../protocol/isolationUrls.ts';

declare const __WORKER_SOURCE__: string;

// Room left under the page's cap: a message measured here is measured again there, and must pass.
const PAGE_MARGIN_CHARS = 1000;
/** How long after Python is first ready the snapshot is made. */
const MAKER_DELAY_MS = 3000;

// location still holds the app's URL even though this document's origin is "null".
const appOrigin = new URL(location.href).origin;
// Workers ask for files by these URLs; the page answers (the frame's CSP lets it fetch none of them).
const urls = {
  indexURL: new URL(PYODIDE_PATH, location.href).href,
  packageBaseUrl: new URL(PACKAGES_PATH, location.href).href,
};

// A reply too large for one message goes in pages (messagePages.ts), which the page puts back together.
const send = (msg: FrameToPage, transfer: Transferable[] = []): void => {
  const pages = pagesOf(msg, MAX_FRAME_MESSAGE_CHARS - PAGE_MARGIN_CHARS);
  if (pages.length === 1) parent.postMessage(msg, appOrigin, transfer);
  else for (const page of pages) parent.postMessage(page, appOrigin);
};
const timers = {
  now: () => performance.now(),
  setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimer: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

// Until the page's 'boot' message says which snapshot to start from, nothing starts and its commands wait.
let handle: ((msg: PageToFrame) => void) | null = null;
// Without SharedArrayBuffer (a page served without its isolation headers, some browsers) Python still runs, reduced.
const capabilities = detectCapabilities(globalThis, isolationDropped(location.search));
let runtime: FrameRuntime | null = null;
const waiting: PageToFrame[] = [];

function start(snapshotGiven: Blob | null, snapshots: boolean, spare: boolean, files: RuntimeFiles): void {
  const rt = createFrameRuntime(files, __WORKER_SOURCE__, urls, appOrigin, (id, request) =>
    send({ type: 'asset-request', id, ...request }),
  );
  runtime = rt;
  let snapshot = snapshotGiven;
  let makerStarted = false;
  const makeSnapshot = (): void => {
    if (!snapshots || makerStarted) return;
    makerStarted = true;
    startSnapshotMaker(rt, send);
  };
  let makerScheduled = false;
  const spawn = (listener: WorkerListener) =>
    createWorkerHandle(
      rt,
      (h, msg) => {
        // A snapshot one worker could not restore is not given to the next ones; a fresh one is made.
        if (msg.type === 'ready' && msg.snapshotProblem) {
          snapshot = null;
          makeSnapshot();
        }
        listener(h, msg);
      },
      { snapshot },
      capabilities.sharedMemory,
    );
  const supervisor = createSupervisor({
    spawn,
    send: (msg, transfer) => {
      send(msg, transfer);
      // Once Python is ready with no snapshot to start from, make one in a worker of its own, a little
      // later, so that it does not compete with the spare interpreter's boot or the first run.
      if (msg.type === 'state' && msg.state === 'ready' && !snapshot && !makerScheduled) {
        makerScheduled = true;
        setTimeout(makeSnapshot, MAKER_DELAY_MS);
      }
    },
    ...timers,
    measureWorkerMemory: workerMemoryMeasurer(),
    spareInterpreter: spare,
  });
  // Tests run in interpreters of their own, so a test run never touches the editor's variables.
  const testPool = createTestPool({ spawn, send, ...timers });
  // Completions and the like come from an interpreter of their own, which never runs user code.
  const language = createLanguageHost({ spawn, send, ...timers });
  handle = (msg) => {
    if (msg.type === 'tests') testPool.handle(msg);
    else if (msg.type === 'language') language.handle(msg);
    else {
      if (msg.type === 'stop') testPool.stop(msg.id);
      supervisor.handle(msg);
    }
  };
  for (const msg of waiting.splice(0)) handle(msg);
}

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const msg = parsePageMessage(event.data);
  if (!msg) return;
  if (msg.type === 'ping') send({ type: 'pong', id: msg.id });
  else if (msg.type === 'boot') {
    if (handle) return;
    try {
      start(msg.snapshot, msg.snapshots, msg.spare, msg.runtime);
    } catch (err) {
      // Never a silent wait: what the browser refused (a worker, a buffer) goes to the status line.
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      send({ type: 'state', state: 'failed', detail: `Python could not start in this browser (${why}).`, progress: null });
    }
  } else if (msg.type === 'asset') runtime?.deliverAsset(msg.id, msg.reply);
  else if (handle) handle(msg);
  else waiting.push(msg);
});

// The page learns that the frame is there from its first message, and answers with 'boot'.
send({ type: 'capabilities', ...capabilities });
send({ type: 'state', state: 'starting', detail: 'Starting Python', progress: 0 });
