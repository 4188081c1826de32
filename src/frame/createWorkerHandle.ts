import { SIGINT, type WorkerToFrame } from '../protocol/frameWorker.ts';
import type { CallRequest } from '../protocol/calls.ts';
import type { RunOptions } from '../protocol/results.ts';
import { createStdinBuffer, wakeStdin, writeStdin } from '../protocol/stdinBuffer.ts';
import type { WorkerTestRequest } from '../protocol/testProtocol.ts';
import type { LanguageRequest } from '../protocol/language.ts';
import { DEBUG_MAILBOX_BYTES, DEBUG_TIMEOUT_MARK, type DebugCommand } from '../protocol/debug.ts';
import type { FrameRuntime } from './createFrameRuntime.ts';
import { detectCapabilities } from '../protocol/capabilities.ts';

/** One Python worker as the supervisor sees it. */
export interface WorkerHandle {
  /** Resolves when Python can run code; rejects with a message when boot failed. */
  readonly ready: Promise<void>;
  /** The worker's script URL: the browser's memory measurement names workers by it. */
  readonly url: string;
  run(id: number, code: string, options: RunOptions): void;
  call(id: number, request: CallRequest): void;
  /** Asks the language service (only of the language worker, which never runs user code). */
  language(id: number, request: LanguageRequest): void;
  /** Runs or collects tests (see src/worker/runTests.ts). */
  tests(id: number, request: WorkerTestRequest): void;
  /** Raises KeyboardInterrupt in the running program (soft stop), also while it waits for input. */
  interrupt(): void;
  /** False where there is no shared memory: `interrupt` does nothing, and only `terminate` stops a program. */
  readonly canInterrupt: boolean;
  /** Hands a line (or end of file: null) to the program waiting for input. */
  writeStdin(text: string | null): void;
  /** Hands a command to the paused debug run; false when it is too large for the mailbox. */
  debug(command: DebugCommand): boolean;
  /** Interrupts the debugger's guarded call into user objects when it is past its deadline (not a Stop); true when it did. */
  expireDebugGuard(now: number): boolean;
  /** Kills the worker at once (hard stop). */
  terminate(): void;
}

/** Receives what a worker says, tagged with the worker. */
export type WorkerListener = (handle: WorkerHandle, msg: WorkerToFrame) => void;

/** Whether this frame's blob: workers failed to start (WebKit with SharedArrayBuffer): later workers start from a data: URL. */
let blobWorkersRefused = false;

/**
 * Starts a Python worker from a classic blob: script (the only kind that starts in an opaque-origin frame in
 * Chromium and Firefox; where a blob: worker fails before it says a word, as in WebKit with SharedArrayBuffer, the
 * same script as a data: URL, for this and every later worker) and gives it its own interrupt buffer. It boots
 * from the files `runtime` holds; its requests for other files go to the page through `runtime`.
 */
export function createWorkerHandle(
  runtime: FrameRuntime,
  listener: WorkerListener,
  boot: { snapshot?: Blob | null; makeSnapshot?: boolean } = {},
  /** The browser gives the sandbox SharedArrayBuffer (see src/protocol/capabilities.ts). */
  sharedMemory = detectCapabilities(globalThis).sharedMemory,
): WorkerHandle {
  let worker: Worker | null = null;
  let url = '';
  let spoke = false;
  let ended = false;
  // WebKit reads the script after the constructor returns: revoked now, the worker would fail to load.
  let urlKept = false;
  const releaseUrl = (): void => {
    if (urlKept) URL.revokeObjectURL(url);
    urlKept = false;
  };
  const post = (message: unknown, transfer: Transferable[] = []): void => worker?.postMessage(message, transfer);
  // Without shared memory these are the frame's own (never seen by the worker): writing them does nothing.
  const interruptBuffer = new Int32Array(sharedMemory ? new SharedArrayBuffer(4) : new ArrayBuffer(4));
  const stdinBuffer = sharedMemory ? createStdinBuffer() : null;
  const debugBuffer = sharedMemory ? createStdinBuffer(DEBUG_MAILBOX_BYTES) : null;
  const debugGuard = new BigInt64Array(sharedMemory ? new SharedArrayBuffer(8) : new ArrayBuffer(8));
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet; a rejected boot is still reported through the listener.
  ready.catch(() => undefined);

  const handle: WorkerHandle = {
    ready,
    get url() {
      return url;
    },
    canInterrupt: sharedMemory,
    run(id, code, options) {
      Atomics.store(interruptBuffer, 0, 0); // a stale Stop must not hit the next run
      post({ type: 'run', id, code, options });
    },
    call(id, request) {
      post({ type: 'call', id, request });
    },
    language(id, request) {
      post({ type: 'language', id, request });
    },
    tests(id, request) {
      Atomics.store(interruptBuffer, 0, 0);
      post({ type: 'tests', id, request });
    },
    interrupt() {
      Atomics.store(interruptBuffer, 0, SIGINT);
      if (stdinBuffer) wakeStdin(stdinBuffer);
      if (debugBuffer) wakeStdin(debugBuffer);
    },
    writeStdin(text) {
      if (stdinBuffer) writeStdin(stdinBuffer, text);
    },
    debug(command) {
      if (!debugBuffer) return false;
      const text = JSON.stringify(command);
      // A truncated command would not parse: refuse it whole (the newline takes one byte).
      if (new TextEncoder().encode(text).length >= DEBUG_MAILBOX_BYTES) return false;
      writeStdin(debugBuffer, text);
      return true;
    },
    expireDebugGuard(now) {
      const deadline = Atomics.load(debugGuard, 0);
      if (deadline === 0n || BigInt(Math.floor(now)) <= deadline) return false;
      // Taken only once, and not if the worker ended the guard (or began another) meanwhile.
      if (!debugBuffer || Atomics.compareExchange(debugGuard, 0, deadline, 0n) !== deadline) return false;
      // The mark first: the worker takes the interrupt for a Stop unless the mark is there.
      writeStdin(debugBuffer, DEBUG_TIMEOUT_MARK);
      Atomics.store(interruptBuffer, 0, SIGINT);
      return true;
    },
    terminate() {
      ended = true;
      worker?.terminate();
      releaseUrl();
      settle?.reject(new Error('The interpreter was stopped.'));
    },
  };
  const start = (scriptUrl: string, isBlob: boolean): void => {
    if (ended) return;
    url = scriptUrl;
    urlKept = isBlob;
    const current = new Worker(scriptUrl);
    worker = current;
    current.onmessage = (event: MessageEvent<WorkerToFrame>) => {
      spoke = true;
      releaseUrl(); // the script is running
      const msg = event.data;
      if (msg.type === 'asset-request') {
        void runtime
          .requestAsset({ url: msg.url, integrity: msg.integrity, accept: msg.accept })
          .then((reply) => current.postMessage({ type: 'asset', id: msg.id, reply }, reply.ok ? [reply.bytes] : []));
        return;
      }
      if (msg.type === 'ready') settle?.resolve();
      if (msg.type === 'boot-failed') settle?.reject(new Error(msg.message));
      listener(handle, msg);
    };
    current.onerror = (event) => {
      event.preventDefault();
      releaseUrl();
      // The script's first line speaks: an error before that is the browser refusing the blob: worker.
      if (isBlob && !spoke && !ended) {
        blobWorkersRefused = true;
        current.terminate();
        startFromData();
        return;
      }
      listener(handle, { type: 'fatal', id: null, message: event.message || 'The Python worker failed.' });
    };
    // The snapshot is a Blob: each worker reads it itself.
    runtime.bootFiles().then(
      (files) =>
        current.postMessage(
          {
            type: 'init',
            ...files,
            interruptBuffer: sharedMemory ? interruptBuffer : null,
            stdinBuffer,
            debugBuffer,
            debugGuard: sharedMemory ? (debugGuard.buffer as SharedArrayBuffer) : null,
            ...boot,
          },
          [files.stdlib],
        ),
      (err: unknown) => {
        const message = `Python could not be prepared: ${err instanceof Error ? err.message : String(err)}`;
        settle?.reject(new Error(message));
        listener(handle, { type: 'boot-failed', message });
      },
    );
  };
  const startFromData = (): void => {
    runtime.workerDataUrl().then(
      (dataUrl) => start(dataUrl, false),
      (err: unknown) => listener(handle, { type: 'fatal', id: null, message: `The Python worker could not start: ${String(err)}` }),
    );
  };
  if (blobWorkersRefused) startFromData();
  else start(runtime.workerUrl(), true);
  return handle;
}
