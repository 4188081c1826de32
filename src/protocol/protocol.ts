/**
 * The one message protocol between the app page, the sandboxed frame and the
 * Python worker. Every message is a discriminated union member keyed by `type`;
 * requests carry an `id` and their replies carry the same `id`.
 *
 * The zod schemas are the source of truth for the messages that cross a trust
 * boundary (frame → page, page → frame); the TypeScript types are inferred from them.
 */
import * as z from 'zod';
import { errorScopeSchema, type ErrorScope } from './errorScope.ts';
import { diagnosticSchema, runPolicySchema, validationReportSchema, type ValidationReport } from './policy.ts';
import {
  projectFilesSchema,
  testRecordSchema,
  testRequestSchema,
  testResultSchema,
  type WorkerTestMessage,
  type WorkerTestRequest,
} from './testProtocol.ts';
import { rawProfileSchema } from './profileProtocol.ts';
import { runtimeFilesSchema, assetReplySchema, type AssetReply } from './runtimeFiles.ts';
import { languageRequestSchema, languageResponseSchema, type LanguageRequest, type LanguageResponse } from './language.ts';
import { variablesPageSchema, variablesRequestSchema, type VariablesPage } from './variables.ts';
import { debugAnswerSchema, debugCommandSchema, debugOptionsSchema, debugPauseSchema, type DebugAnswer, type DebugPause } from './debug.ts';

export * from './policy.ts';
export * from './paths.ts';

/** Largest message the page accepts from the frame, in characters of JSON. */
export const MAX_FRAME_MESSAGE_CHARS = 2_000_000;

/** Which stream a piece of output was written to. */
export const outputStreamSchema = z.enum(['stdout', 'stderr']);
/** Which stream a piece of output was written to. */
export type OutputStream = z.infer<typeof outputStreamSchema>;

/** One piece of program output, in the order it was written. */
export const outputChunkSchema = z.object({
  stream: outputStreamSchema,
  text: z.string(),
});
/** One piece of program output, in the order it was written. */
export type OutputChunk = z.infer<typeof outputChunkSchema>;

/** Largest rich output (one display's payload, all its mime types together), in characters. */
export const MAX_DISPLAY_CHARS = 1_500_000;
/** Rich outputs one run may show; later ones are counted, not sent (each HTML output is a frame on the page). */
export const MAX_DISPLAYS_PER_RUN = 200;
/** What each rich output costs toward the output limit besides its own characters, so a flood of empty ones is bounded too. */
export const DISPLAY_OVERHEAD_CHARS = 100;
/** Longest line of input the page may send to a waiting program, in characters. */
export const MAX_STDIN_CHARS = 1_000_000;

/**
 * One rich output (IPython's mime bundle): mime type → content. Text types hold text,
 * images hold base64; `text/plain` is always there. `kind` is `result` for the trailing
 * expression's value, `display` for `display(obj)`, matplotlib figures and the like.
 */
export const displayDataSchema = z.object({
  kind: z.enum(['display', 'result']),
  data: z.record(z.string().max(100), z.string().max(MAX_DISPLAY_CHARS)),
});
/** One rich output (a mime bundle). */
export type DisplayData = z.infer<typeof displayDataSchema>;

/** Final status of a run. */
export const runStatusSchema = z.enum(['ok', 'error', 'timeout', 'memory', 'crashed', 'stopped', 'security']);
/** Final status of a run. */
export type RunStatus = z.infer<typeof runStatusSchema>;

/** A Python exception, as the user should see it. */
export const pythonErrorSchema = z.object({
  type: z.string(),
  message: z.string(),
  traceback: z.string(),
  line: z.number().int().nullable(),
});
/** A Python exception, as the user should see it. */
export type PythonError = z.infer<typeof pythonErrorSchema>;

/** Resource use of one run. */
export const runMetricsSchema = z.object({
  wallMs: z.number(),
  cpuMs: z.number(),
  /** Interpreter heap (dlmalloc footprint) high-water mark, in MB. */
  peakMemoryMB: z.number(),
  outputChars: z.number().int(),
  truncated: z.boolean(),
  /** CPU time over wall time, in percent (absent when metrics were not collected). */
  cpuPercent: z.number().optional(),
  /** Interpreter heap (dlmalloc footprint) before and after the run, in MB: its growth is the difference. */
  heapStartMB: z.number().optional(),
  heapEndMB: z.number().optional(),
  /** Peak of the run's Python allocations (tracemalloc), in MB; null when tracemalloc was not tracing. */
  pythonPeakMB: z.number().nullable().optional(),
  /** False when COLLECT_METRICS was off for this run: only the basic times and sizes above are there. */
  collected: z.boolean().optional(),
});
/** Resource use of one run. */
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** What `execute` resolves to. */
export const executionResultSchema = z.object({
  success: z.boolean(),
  status: runStatusSchema,
  stdout: z.string(),
  stderr: z.string(),
  /** stdout and stderr interleaved in the order they were written. */
  output: z.array(outputChunkSchema),
  /** repr() of the trailing expression, when there was one and it was not None. */
  value: z.string().nullable(),
  /** Rich outputs in output order (display(), figures, a trailing value with a rich repr). */
  displays: z.array(displayDataSchema),
  error: pythonErrorSchema.nullable(),
  metrics: runMetricsSchema,
  /** False when the interpreter had to be replaced and its variables are gone. */
  stateKept: z.boolean(),
  /** validate_code's findings, when safe mode refused the run (status 'security'). */
  diagnostics: z.array(diagnosticSchema).optional(),
  /** cProfile's measurements, for a run made with `profile: true` (see src/monitor/parseProfile.ts). */
  profile: rawProfileSchema.optional(),
});
/** What `execute` resolves to. */
export type ExecutionResult = z.infer<typeof executionResultSchema>;

/** Limits and options of one run. */
export const runOptionsSchema = z.object({
  timeoutMs: z.number().int().positive(),
  maxMemoryMB: z.number().int().positive(),
  maxOutputChars: z.number().int().positive(),
  filename: z.string().min(1).max(200),
  /** Load the packages the code imports from the index before running it (default true). */
  autoLoadPackages: z.boolean().optional(),
  /** Safe mode for this run (default: the engine's current policy). */
  policy: runPolicySchema.optional(),
  /** The project's files, written into the working folder before the run. */
  files: projectFilesSchema.optional(),
  /**
   * Pre-filled standard input: the program reads it, then gets end of file (no prompts).
   * When absent, `input()` and reads of `sys.stdin` ask the user (see the engine's `input` event).
   */
  stdin: z
    .string()
    .max(MAX_STDIN_CHARS * 5)
    .optional(),
  /** Count the time spent waiting for the user's input toward the timeout (default false). */
  inputCountsTowardTimeout: z.boolean().optional(),
  /** Run under cProfile and return its measurements in `result.profile` (default false). */
  profile: z.boolean().optional(),
  /** COLLECT_METRICS: measure heap growth and CPU share and send live samples (default true). */
  collectMetrics: z.boolean().optional(),
  /**
   * Trace every Python allocation (tracemalloc) for `metrics.pythonPeakMB`. It makes allocation-heavy
   * code 3-5x slower, so it is off by default; profiled runs turn it on (they are slowed down anyway).
   */
  tracePythonMemory: z.boolean().optional(),
  /** Run in a fresh `__main__` namespace instead of the persistent one (batch runs without shared state). */
  freshNamespace: z.boolean().optional(),
  /** Run under the step debugger: it stops at these breakpoints (see src/protocol/debug.ts). */
  debug: debugOptionsSchema.optional(),
});
/** Limits and options of one run. */
export type RunOptions = z.infer<typeof runOptionsSchema>;

/** A live reading of a running program, sent a few times a second at most. */
export const runSampleSchema = z.object({
  /** Interpreter heap (dlmalloc footprint) now, in MB. */
  heapMB: z.number(),
  /** Python allocations traced by tracemalloc now, in MB (null when not tracing). */
  pythonMB: z.number().nullable(),
});
/** A live reading of a running program. */
export type RunSample = z.infer<typeof runSampleSchema>;

/** Lifecycle of the interpreter, as the page sees it. */
export const engineStateSchema = z.enum(['starting', 'ready', 'running', 'restarting', 'failed']);
/** Lifecycle of the interpreter, as the page sees it. */
export type EngineState = z.infer<typeof engineStateSchema>;

/** Where an imported module comes from (dependency analysis). */
export const importReportSchema = z.object({
  module: z.string(),
  verdict: z.enum(['stdlib', 'loaded', 'available', 'installed', 'unknown']),
  /** The package that provides it, from the lock file's `imports`. */
  package: z.string().nullable(),
  source: z.enum(['self-hosted', 'cdn']).nullable(),
});
/** Where an imported module comes from (dependency analysis). */
export type ImportReport = z.infer<typeof importReportSchema>;

/** What an install did: packages loaded (with versions) and packages refused or failed, with the reason. */
export const installReportSchema = z.object({
  installed: z.array(z.object({ name: z.string(), version: z.string() })),
  failed: z.array(z.object({ name: z.string(), reason: z.string() })),
});
/** What an install did. */
export type InstallReport = z.infer<typeof installReportSchema>;

/** Requests that are not runs: answered with a value, not an ExecutionResult. */
export const callRequestSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('analyzeImports'), code: z.string() }),
  z.object({
    method: z.literal('install'),
    packages: z.array(z.string().min(1).max(200)).max(200),
    policy: runPolicySchema.optional(),
    /** Where packages outside the index come from: an index URL, 'pypi' (PyPI itself), or null (off; the default). */
    pypiIndex: z.string().max(2000).nullable().optional(),
  }),
  z.object({ method: z.literal('validate'), code: z.string(), policy: runPolicySchema }),
  /** handle_error's view of the last error: did-you-mean names, keys, lengths. */
  z.object({ method: z.literal('errorScope'), error: z.object({ type: z.string().max(200), message: z.string().max(5000) }) }),
  /** The Variables tab: a page of the namespace's names, or of a value's parts (bounded in size and time). */
  z.object({ method: z.literal('variables'), request: variablesRequestSchema }),
]);
/** Requests that are not runs. */
export type CallRequest = z.infer<typeof callRequestSchema>;

/** The methods of calls. */
export type CallMethod = CallRequest['method'];

/** The value each call method answers with. */
export interface CallValues {
  analyzeImports: ImportReport[];
  install: InstallReport;
  validate: ValidationReport;
  errorScope: ErrorScope;
  variables: VariablesPage;
}

/** The schema of each call method's value: the page checks an answer against the method it asked. */
export const callValueSchemas: { [M in CallMethod]: z.ZodType<CallValues[M]> } = {
  analyzeImports: z.array(importReportSchema),
  install: installReportSchema,
  validate: validationReportSchema,
  errorScope: errorScopeSchema,
  variables: variablesPageSchema,
};

/** A call's answer: its value, or an error message. */
export const callResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    value: z.union([z.array(importReportSchema), installReportSchema, validationReportSchema, errorScopeSchema, variablesPageSchema]),
  }),
  z.object({ ok: z.literal(false), error: z.string().max(5000) }),
]);
/** A call's answer. */
export type CallResponse = z.infer<typeof callResponseSchema>;

// ---------------------------------------------------------------- page → frame

/** Commands the page sends to the frame. */
export const PageCommand = {
  run: 'run',
  stop: 'stop',
  reset: 'reset',
  call: 'call',
  tests: 'tests',
  stdin: 'stdin',
  ping: 'ping',
  boot: 'boot',
  asset: 'asset',
  language: 'language',
  debug: 'debug',
} as const;

/** Largest memory snapshot the page and frame pass on (a snapshot is about 32 MB; 40 with pytest loaded). */
export const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;
const snapshotBytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SNAPSHOT_BYTES, 'snapshot too large');
// The page hands a stored snapshot on as a Blob: read from disk by the worker that restores it, off the page's thread.
const snapshotBlobSchema = z.instanceof(Blob).refine((b) => b.size <= MAX_SNAPSHOT_BYTES, 'snapshot too large');

/** Messages from the page to the frame. */
export const pageToFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(PageCommand.run), id: z.number().int(), code: z.string(), options: runOptionsSchema }),
  z.object({ type: z.literal(PageCommand.stop), id: z.number().int() }),
  z.object({ type: z.literal(PageCommand.reset), id: z.number().int() }),
  z.object({ type: z.literal(PageCommand.call), id: z.number().int(), request: callRequestSchema }),
  z.object({ type: z.literal(PageCommand.tests), id: z.number().int(), request: testRequestSchema }),
  /** A line for the run waiting for input (the page adds the newline), or null for end of file. */
  z.object({ type: z.literal(PageCommand.stdin), id: z.number().int(), text: z.string().max(MAX_STDIN_CHARS).nullable() }),
  /** The page's watchdog asks for a sign of life while work is pending; the frame answers 'pong'. */
  z.object({ type: z.literal(PageCommand.ping), id: z.number().int() }),
  /**
   * The page's first word to a new frame: the stored snapshot to boot from (or null), and whether
   * snapshots are on (then the frame makes one when it has none, or the one given failed).
   */
  z.object({
    type: z.literal(PageCommand.boot),
    snapshot: snapshotBlobSchema.nullable(),
    snapshots: z.boolean(),
    /** Pyodide's files: the frame and its workers request none of them. */
    runtime: runtimeFilesSchema,
  }),
  /** The answer to the frame's 'asset-request' with the same id. */
  z.object({ type: z.literal(PageCommand.asset), id: z.number().int(), reply: assetReplySchema }),
  /** The editor asks the language interpreter (Jedi, which never runs user code); answered by 'language-result'. */
  z.object({ type: z.literal(PageCommand.language), id: z.number().int(), request: languageRequestSchema }),
  /** A command for the paused debug run `id` (see src/protocol/debug.ts). */
  z.object({ type: z.literal(PageCommand.debug), id: z.number().int(), command: debugCommandSchema }),
]);
/** Messages from the page to the frame. */
export type PageToFrame = z.infer<typeof pageToFrameSchema>;

// ---------------------------------------------------------------- frame → page

/** Events and replies the frame sends to the page. */
export const FrameEvent = {
  state: 'state',
  output: 'output',
  result: 'result',
  notice: 'notice',
  resetDone: 'reset-done',
  callResult: 'call-result',
  testsResult: 'tests-result',
  testRecords: 'test-records',
  display: 'display',
  inputRequest: 'input-request',
  sample: 'sample',
  download: 'download',
  pong: 'pong',
  booted: 'booted',
  snapshot: 'snapshot',
  assetRequest: 'asset-request',
  languageResult: 'language-result',
  debugPaused: 'debug-paused',
  debugAnswer: 'debug-answer',
  capabilities: 'capabilities',
} as const;

/** Bytes of one package file downloaded so far (worker → frame → page). */
export const downloadTickSchema = z.object({
  url: z.string().max(2000),
  /** The worker's load this file belongs to: one install or auto-load is one batch. */
  batch: z.number().int().nonnegative(),
  loaded: z.number().int().nonnegative(),
  /** From Content-Length; null when the server does not say. */
  total: z.number().int().positive().nullable(),
  done: z.boolean(),
});
/** Bytes of one package file downloaded so far. */
export type DownloadTick = z.infer<typeof downloadTickSchema>;

/** Messages from the frame to the page. */
export const frameToPageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal(FrameEvent.state),
    state: engineStateSchema,
    detail: z.string().max(500),
    /** 0..1 while starting, else null. */
    progress: z.number().min(0).max(1).nullable(),
  }),
  z.object({ type: z.literal(FrameEvent.output), id: z.number().int(), chunks: z.array(outputChunkSchema).max(10_000) }),
  z.object({ type: z.literal(FrameEvent.result), id: z.number().int(), result: executionResultSchema }),
  z.object({ type: z.literal(FrameEvent.notice), level: z.enum(['info', 'warning']), text: z.string().max(2000) }),
  z.object({ type: z.literal(FrameEvent.resetDone), id: z.number().int() }),
  z.object({ type: z.literal(FrameEvent.pong), id: z.number().int() }),
  /** How the interpreter that serves runs started; `problem` says why the snapshot given could not be used. */
  z.object({ type: z.literal(FrameEvent.booted), boot: z.enum(['snapshot', 'normal']), problem: z.string().max(2000).nullable() }),
  /** A new memory snapshot for the page to store (made by a worker that never ran user code). */
  z.object({ type: z.literal(FrameEvent.snapshot), bytes: snapshotBytesSchema }),
  /** A worker needs a file under Pyodide's or the package folder (a wheel): the page fetches it and answers 'asset'. */
  z.object({
    type: z.literal(FrameEvent.assetRequest),
    id: z.number().int(),
    url: z.string().max(2000),
    /** Subresource integrity the file must match (Pyodide passes the lock file's sha256). */
    integrity: z.string().max(1000).nullable(),
  }),
  z.object({ type: z.literal(FrameEvent.callResult), id: z.number().int(), response: callResponseSchema }),
  z.object({ type: z.literal(FrameEvent.languageResult), id: z.number().int(), response: languageResponseSchema }),
  z.object({ type: z.literal(FrameEvent.testsResult), id: z.number().int(), result: testResultSchema }),
  /** Tests of a running test run that have finished, in the order they finished (batched a few times a second). */
  z.object({ type: z.literal(FrameEvent.testRecords), id: z.number().int(), records: z.array(testRecordSchema).max(5000) }),
  /** A rich output of the run, in order with its text output. */
  z.object({ type: z.literal(FrameEvent.display), id: z.number().int(), display: displayDataSchema }),
  /** The run waits for a line of input (its prompt went out as output just before). */
  z.object({ type: z.literal(FrameEvent.inputRequest), id: z.number().int() }),
  /** A live reading of the running program's memory (a few times a second at most). */
  z.object({ type: z.literal(FrameEvent.sample), id: z.number().int(), sample: runSampleSchema }),
  /** Progress of a package file's download, in bytes. */
  z.object({ type: z.literal(FrameEvent.download), tick: downloadTickSchema }),
  /** What the sandbox can do in this browser (sent first): without shared memory, Stop kills and input() is pre-filled only. */
  z.object({ type: z.literal(FrameEvent.capabilities), sharedMemory: z.boolean(), reason: z.string().max(1000).nullable() }),
  /** The debug run `id` stopped at a line and waits for a 'debug' command. */
  z.object({ type: z.literal(FrameEvent.debugPaused), id: z.number().int(), pause: debugPauseSchema }),
  /** The answer to a paused run's variables or evaluate request. */
  z.object({ type: z.literal(FrameEvent.debugAnswer), id: z.number().int(), requestId: z.number().int(), answer: debugAnswerSchema }),
]);
/** Messages from the frame to the page. */
export type FrameToPage = z.infer<typeof frameToPageSchema>;

// ------------------------------------------------------------ frame ↔ worker

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
  | { type: 'download'; tick: DownloadTick }
  | { type: 'fatal'; id: number | null; message: string }
  /** A file under Pyodide's or the package folder (a wheel), asked of the page through the frame. */
  | { type: 'asset-request'; id: number; url: string; integrity: string | null };

/** Value written into the interrupt buffer to raise KeyboardInterrupt (SIGINT). */
export const SIGINT = 2;

/**
 * Checks a message that claims to come from the frame. Returns the typed message,
 * or null when it is too large or does not fit the protocol.
 */
export function parseFrameMessage(data: unknown): FrameToPage | null {
  // A snapshot is bytes, not JSON: measuring it as JSON would cost seconds.
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === FrameEvent.snapshot) {
    const parsed = frameToPageSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  }
  let size: number;
  try {
    size = JSON.stringify(data)?.length ?? 0;
  } catch {
    return null;
  }
  if (size > MAX_FRAME_MESSAGE_CHARS) return null;
  const parsed = frameToPageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Checks a message that claims to come from the page. */
export function parsePageMessage(data: unknown): PageToFrame | null {
  const parsed = pageToFrameSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
