import {
  FRAME_PATH,
  parseFrameMessage,
  type CallRequest,
  type CallResponse,
  type CallValues,
  type EngineState,
  type ImportReport,
  type InstallReport,
  type ExecutionResult,
  type OutputChunk,
  type PageToFrame,
  type RunOptions,
} from '../protocol/protocol.ts';
import { createLock } from './createLock.ts';
import { mergeChunks, textOf } from './outputText.ts';
import { DEFAULT_RUN_OPTIONS } from './defaults.ts';

/** State of the interpreter with what the status line should say. */
export interface EngineStatus {
  state: EngineState;
  detail: string;
  progress: number | null;
}

/** What the engine tells its listeners. */
export interface EngineEvents {
  status: (status: EngineStatus) => void;
  output: (chunks: OutputChunk[], runId: number) => void;
  notice: (text: string, level: 'info' | 'warning') => void;
}

/**
 * The one API through which the UI, the agent, the test runner and the benchmarks
 * run Python. It owns the sandbox frame; nothing else talks to it.
 */
export interface Engine {
  readonly status: EngineStatus;
  /** Resolves once Python can run code. */
  whenReady(): Promise<void>;
  /** Runs code in the persistent namespace; runs are serialized. */
  execute(code: string, options?: Partial<RunOptions>): Promise<ExecutionResult>;
  /** Stops the current run: interrupt first, kill after a grace period. */
  stop(): void;
  /** Gives a fresh interpreter; variables are gone. */
  reset(): Promise<void>;
  /** Where each top-level import of `code` comes from (the seed's dependency analysis). */
  analyzeDependencies(code: string): Promise<ImportReport[]>;
  /** Loads packages from the index (self-hosted, else the package CDN); reports what loaded and what failed and why. */
  install(packages: string[]): Promise<InstallReport>;
  on<K extends keyof EngineEvents>(event: K, listener: EngineEvents[K]): () => void;
  dispose(): void;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Where to put the hidden sandbox frame (default: document.body). */
  container?: HTMLElement;
  frameUrl?: string;
}

/** Creates the sandbox frame and the engine that talks to it. */
export function createEngine(options: EngineOptions = {}): Engine {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('title', 'Python sandbox');
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'sandbox-frame';
  frame.style.display = 'none';
  frame.src = options.frameUrl ?? FRAME_PATH;

  const listeners: { [K in keyof EngineEvents]: Set<EngineEvents[K]> } = {
    status: new Set(),
    output: new Set(),
    notice: new Set(),
  };
  const emit = <K extends keyof EngineEvents>(event: K, ...args: Parameters<EngineEvents[K]>): void => {
    for (const l of listeners[event]) (l as (...a: Parameters<EngineEvents[K]>) => void)(...args);
  };

  let status: EngineStatus = { state: 'starting', detail: 'Starting Python', progress: 0 };
  let frameHeard = false;
  let queue: PageToFrame[] = [];
  let nextId = 1;
  let currentRun: number | null = null;
  const pendingRuns = new Map<number, (r: ExecutionResult) => void>();
  // Output of each pending run, as streamed; the frame's result carries none.
  const runOutput = new Map<number, OutputChunk[]>();
  const pendingResets = new Map<number, () => void>();
  const pendingCalls = new Map<number, (r: CallResponse) => void>();
  const readyWaiters: Array<() => void> = [];
  const lock = createLock();
  // Output is handed on at most once per animation frame, so a flood of batches
  // from the frame costs the page one render per frame, not one per batch.
  let pendingOutput: { id: number; chunks: OutputChunk[] } | null = null;
  let outputScheduled = false;
  const flushOutput = (): void => {
    outputScheduled = false;
    if (!pendingOutput) return;
    const { id, chunks } = pendingOutput;
    pendingOutput = null;
    emit('output', chunks, id);
  };
  const queueOutput = (id: number, chunks: OutputChunk[]): void => {
    if (pendingOutput && pendingOutput.id !== id) flushOutput();
    if (pendingOutput) pendingOutput.chunks.push(...chunks);
    else pendingOutput = { id, chunks: [...chunks] };
    if (!outputScheduled) {
      outputScheduled = true;
      if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(flushOutput);
      else setTimeout(flushOutput, 16);
    }
  };

  const post = (msg: PageToFrame): void => {
    if (!frameHeard || !frame.contentWindow) queue.push(msg);
    else frame.contentWindow.postMessage(msg, '*'); // the frame's origin is opaque: '*' is the only target
  };

  const onMessage = (event: MessageEvent): void => {
    if (!frame.contentWindow || event.source !== frame.contentWindow) return;
    const msg = parseFrameMessage(event.data);
    if (!msg) return;
    if (!frameHeard) {
      frameHeard = true;
      const queued = queue;
      queue = [];
      queued.forEach(post);
    }
    switch (msg.type) {
      case 'state':
        status = { state: msg.state, detail: msg.detail, progress: msg.progress };
        if (msg.state === 'ready') readyWaiters.splice(0).forEach((w) => w());
        emit('status', status);
        return;
      case 'output':
        runOutput.get(msg.id)?.push(...msg.chunks);
        queueOutput(msg.id, msg.chunks);
        return;
      case 'result': {
        flushOutput(); // every piece of output is shown before the result

        const resolve = pendingRuns.get(msg.id);
        const output = mergeChunks(runOutput.get(msg.id) ?? []);
        pendingRuns.delete(msg.id);
        runOutput.delete(msg.id);
        resolve?.({ ...msg.result, output, stdout: textOf(output, 'stdout'), stderr: textOf(output, 'stderr') });
        return;
      }
      case 'notice':
        emit('notice', msg.text, msg.level);
        return;
      case 'call-result':
        pendingCalls.get(msg.id)?.(msg.response);
        pendingCalls.delete(msg.id);
        return;
      case 'reset-done':
        pendingResets.get(msg.id)?.();
        pendingResets.delete(msg.id);
        return;
    }
  };
  const call = async (request: CallRequest): Promise<CallValues[keyof CallValues]> => {
    const id = nextId++;
    const response = await new Promise<CallResponse>((resolve) => {
      pendingCalls.set(id, resolve);
      post({ type: 'call', id, request });
    });
    if (!response.ok) throw new Error(response.error);
    return response.value;
  };
  window.addEventListener('message', onMessage);
  (options.container ?? document.body).appendChild(frame);

  return {
    get status() {
      return status;
    },
    whenReady() {
      return status.state === 'ready' ? Promise.resolve() : new Promise((r) => readyWaiters.push(r));
    },
    async execute(code, runOptions = {}) {
      const release = await lock.acquire();
      try {
        const id = nextId++;
        currentRun = id;
        const result = new Promise<ExecutionResult>((resolve) => pendingRuns.set(id, resolve));
        runOutput.set(id, []);
        post({ type: 'run', id, code, options: { ...DEFAULT_RUN_OPTIONS, ...runOptions } });
        return await result;
      } finally {
        currentRun = null;
        release();
      }
    },
    stop() {
      if (currentRun !== null) post({ type: 'stop', id: currentRun });
    },
    reset() {
      const id = nextId++;
      const done = new Promise<void>((resolve) => pendingResets.set(id, resolve));
      post({ type: 'reset', id });
      return done;
    },
    async analyzeDependencies(code) {
      return (await call({ method: 'analyzeImports', code })) as ImportReport[];
    },
    async install(packages) {
      const release = await lock.acquire(); // never while a program runs
      try {
        return (await call({ method: 'install', packages })) as InstallReport;
      } finally {
        release();
      }
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    dispose() {
      window.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}
