/**
 * The frame ↔ worker channel: messages inside the sandbox, between the frame's supervisor and its Python workers
 * (the worker hides its `postMessage` from the program it runs).
 */
import type { FileChanges, WorkerTestMessage, WorkerTestRequest } from './testProtocol.ts';
import type { AssetReply, AssetRequest } from './runtimeFiles.ts';
import type { LanguageRequest, LanguageResponse } from './language.ts';
import type { DebugAnswer, DebugPause } from './debug.ts';
import type { DisplayData, DownloadTick, ExecutionResult, OutputChunk, RunOptions, RunSample } from './results.ts';
import type { CallRequest, CallResponse } from './calls.ts';

/** Everything the worker needs to boot. */
export interface WorkerInit {
  type: 'init';
  /** Absolute URL of the Pyodide runtime folder (ends with /). */
  indexURL: string;
  /** pyodide.asm.wasm, compiled once by the frame for all its workers. */
  wasmModule: WebAssembly.Module;
  /** The standard library (python_stdlib.zip), a copy for this worker. */
  stdlib: ArrayBuffer;
  /** The package lock (JSON text). */
  lock: string;
  /** Absolute URL that relative wheel names in the lock resolve against. */
  packageBaseUrl: string;
  /**
   * Int32Array view over a SharedArrayBuffer: Pyodide's interrupt buffer. The four shared buffers are null where
   * the browser gives the sandbox no SharedArrayBuffer (see src/protocol/capabilities.ts).
   */
  interruptBuffer: Int32Array | null;
  /** SharedArrayBuffer the frame writes lines of input into (layout: see src/protocol/stdinBuffer.ts). */
  stdinBuffer: SharedArrayBuffer | null;
  /** SharedArrayBuffer through which a paused debug run gets its commands (same layout, see src/protocol/debug.ts). */
  debugBuffer: SharedArrayBuffer | null;
  /** SharedArrayBuffer of one BigInt64: the deadline (ms since the epoch) of the debugger's guarded call, 0 when none. */
  debugGuard: SharedArrayBuffer | null;
  /** A memory snapshot to boot from (see src/worker/bootPyodide.ts); a normal boot when absent or when it fails. */
  snapshot?: Blob | null;
  /** Boot only to make a snapshot and send it: this worker never runs user code. */
  makeSnapshot?: boolean;
}

/** Run request, frame → worker. */
export interface WorkerRun {
  type: 'run';
  id: number;
  code: string;
  options: RunOptions;
}

/** Call request, frame → worker. */
export interface WorkerCall {
  type: 'call';
  id: number;
  request: CallRequest;
}

/** Test request (run or collect), frame → worker. */
export interface WorkerTests {
  type: 'tests';
  id: number;
  request: WorkerTestRequest;
}

/** The page's answer to a worker's 'asset-request', relayed by the frame. */
export interface WorkerAsset {
  type: 'asset';
  id: number;
  reply: AssetReply;
}

/** A language request, frame → the language worker. */
export interface WorkerLanguage {
  type: 'language';
  id: number;
  request: LanguageRequest;
}

/** Messages from the frame to a worker. */
export type FrameToWorker = WorkerTests | WorkerInit | WorkerRun | WorkerCall | WorkerAsset | WorkerLanguage;

/** Messages from a worker to the frame. */
export type WorkerToFrame =
  | WorkerTestMessage
  | { type: 'progress'; detail: string; progress: number }
  | { type: 'ready'; bootMs: number; boot?: 'snapshot' | 'normal'; snapshotProblem?: string | null }
  /** A snapshot worker's memory snapshot (the bytes are transferred). */
  | { type: 'snapshot'; bytes: Uint8Array }
  | { type: 'snapshot-failed'; message: string }
  | { type: 'boot-failed'; message: string }
  | { type: 'output'; id: number; chunks: OutputChunk[] }
  | { type: 'display'; id: number; display: DisplayData }
  | { type: 'input-request'; id: number }
  /** A debug run stopped at a line; it blocks until a command arrives in the debug buffer. */
  | { type: 'debug-paused'; id: number; pause: DebugPause }
  | { type: 'debug-answer'; id: number; requestId: number; answer: DebugAnswer }
  | { type: 'sample'; id: number; sample: RunSample }
  | { type: 'result'; id: number; result: ExecutionResult }
  /** The user's code starts now (files are written, packages loaded): the time limit starts here. */
  | { type: 'started'; id: number }
  /** The worker took the run: sent at once, so a worker kept busy by what an earlier run left behind is noticed. */
  | { type: 'accepted'; id: number }
  | { type: 'call-result'; id: number; response: CallResponse }
  | { type: 'language-result'; id: number; response: LanguageResponse }
  | { type: 'notice'; level: 'info' | 'warning'; text: string }
  /** What the last run or test run did to the working folder (see src/worker/createWorkspace.ts). */
  | { type: 'files-changed'; changes: FileChanges }
  | { type: 'download'; tick: DownloadTick }
  | { type: 'fatal'; id: number | null; message: string }
  /** A file under Pyodide's or the package folder (a wheel), asked of the page through the frame. */
  | ({ type: 'asset-request'; id: number } & AssetRequest);

/** Value written into the interrupt buffer to raise KeyboardInterrupt (SIGINT). */
export const SIGINT = 2;
