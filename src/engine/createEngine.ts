import {
  FRAME_PATH,
  parseFrameMessage,
  type CallRequest,
  type CallResponse,
  type CallValues,
  type DisplayData,
  type EngineState,
  type ImportReport,
  type InstallReport,
  type ExecutionResult,
  type OutputChunk,
  type PageToFrame,
  type RunPolicy,
  type ValidationReport,
  type RunOptions,
} from '../protocol/protocol.ts';
import { createLock } from './createLock.ts';
import { createTestClient, type TestRunOptions } from './createTestClient.ts';
import type { TestResult } from '../protocol/testProtocol.ts';
import { mergeChunks, textOf } from '../protocol/outputText.ts';
import { explainRefusal, type RefusedFrameMessage } from '../protocol/explainRefusal.ts';
import { unshowableResult } from '../protocol/unshowableResult.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import { createErrorAdvisor } from './createErrorAdvisor.ts';
import { createWatchdog } from './createWatchdog.ts';
import type { SnapshotStore } from './createSnapshotStore.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';
import { createFrameBoot } from './createFrameBoot.ts';
import { failedResult } from '../protocol/failedResult.ts';
import { runDeadlineMs } from '../protocol/runAllowances.ts';
import type { ErrorAdvice, RunLimits } from './handleError.ts';
import type { ErrorScope } from '../protocol/errorScope.ts';
import type { VariablesPage, VariablesRequest } from '../protocol/variables.ts';
import type { LanguageQuery, LanguageResponse } from '../protocol/language.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import { createLanguageClient } from './createLanguageClient.ts';
import { createDebugClient, type FrameQuery } from './createDebugClient.ts';
import { startupProblem } from './startupProblem.ts';
import type { Breakpoint, DebugPause, ResumeAction } from '../protocol/debug.ts';
import type { VariableRow } from '../protocol/variables.ts';
import type { SandboxCapabilities } from '../protocol/capabilities.ts';
import { DEFAULT_RUN_POLICY } from './defaultPolicy.ts';
import type { DownloadTick, RunSample } from '../protocol/protocol.ts';
import { parseProfile, type ProfileReport } from '../monitor/parseProfile.ts';
import { toExecutionMetrics, type ExecutionMetrics } from '../monitor/seedMetrics.ts';
import { runBatch, toBlocks, type BatchInput, type BatchOptions } from '../monitor/runBatch.ts';
import type { BatchResult } from '../monitor/summarizeBatch.ts';

/** The seed's monitoring switches (ExecutorConfig.ENABLE_PROFILING, COLLECT_METRICS). */
export interface MonitoringOptions {
  enableProfiling: boolean;
  collectMetrics: boolean;
}

/** What `profileCode` resolves to: the run and, when it got far enough to measure, its profile. */
export interface ProfileOutcome {
  result: ExecutionResult;
  /** Null when nothing was measured (a syntax error, a refused or killed run). */
  profile: ProfileReport | null;
}

/** State of the interpreter with what the status line should say. */
export interface EngineStatus {
  state: EngineState;
  detail: string;
  progress: number | null;
  /** How the interpreter that serves runs started (known once it is ready). */
  boot?: 'snapshot' | 'normal';
}

/** What the engine tells its listeners. */
export interface EngineEvents {
  status: (status: EngineStatus) => void;
  output: (chunks: OutputChunk[], runId: number) => void;
  notice: (text: string, level: 'info' | 'warning') => void;
  /** Bytes of a package file downloaded so far (installs, auto-loads before runs, test packages). */
  download: (tick: DownloadTick) => void;
  /** A rich output of the run, in order with its text output. */
  display: (display: DisplayData, runId: number) => void;
  /** The run waits for a line of input: answer with `sendInput`. */
  input: (runId: number) => void;
  /** A live reading of the running program's memory, a few times a second at most (with COLLECT_METRICS). */
  sample: (sample: RunSample, runId: number) => void;
  /** A run finished (editor, agent, profile and batch runs alike): what ran, how, and its result. */
  result: (run: { code: string; options: RunOptions; result: ExecutionResult }) => void;
  /** A debug run stopped at a line: look with `inspectFrame`, go on with `resumeDebug` (or `stop`). */
  paused: (pause: DebugPause, runId: number) => void;
  /** What the sandbox can do in this browser, as its frame found out (see `capabilities`). */
  capabilities: (capabilities: SandboxCapabilities) => void;
}

/**
 * The one API through which the UI, the agent, the test runner and the benchmarks
 * run Python. It owns the sandbox frame; nothing else talks to it.
 */
export interface Engine {
  readonly status: EngineStatus;
  /**
   * What the sandbox can do in this browser; null until its frame has said. Without shared memory
   * (`sharedMemory: false`, and `reason`), Stop and the time limit replace the interpreter, `input()` reads only
   * pre-filled input, and `debug` is refused.
   */
  readonly capabilities: SandboxCapabilities | null;
  /** Resolves once Python can run code. */
  whenReady(): Promise<void>;
  /** Runs code in the persistent namespace; runs are serialized. */
  execute(code: string, options?: Partial<RunOptions>): Promise<ExecutionResult>;
  /**
   * Runs code like `execute`, under the step debugger: it stops at `breakpoints` (project paths and lines,
   * optionally with a condition) and emits `paused`. With `test` (a pytest node id) that one test runs instead,
   * stopping in the test or the code under test (`code` is then the test file's source). Time spent paused does
   * not count toward the time limit. A normal `execute` ignores breakpoints and pays nothing for the debugger.
   */
  debug(code: string, options: Partial<RunOptions> & { breakpoints: Breakpoint[]; test?: string }): Promise<ExecutionResult>;
  /** The paused program goes on (`continue`, `step-over`, `step-into`, `step-out`); `breakpoints` replace the run's. False when nothing is paused. */
  resumeDebug(action: ResumeAction, breakpoints: Breakpoint[]): boolean;
  /**
   * Asks the paused program: a page of a frame's locals or globals (`kind: 'variables'`), or the value of an
   * expression evaluated in a frame (`kind: 'evaluate'`, 2 s at most). Frame 0 is the innermost.
   */
  inspectFrame(query: FrameQuery): Promise<VariablesPage | VariableRow>;
  /** Stops the current run: interrupt first, kill after a grace period. */
  stop(): void;
  /**
   * Answers the current run's request for input with a line (without its newline),
   * or null for end of file (the program gets EOFError). Ignored when nothing waits.
   */
  sendInput(text: string | null): void;
  /** Gives a fresh interpreter; variables are gone. */
  reset(): Promise<void>;
  /** Where each top-level import of `code` comes from (the seed's dependency analysis). */
  analyzeDependencies(code: string): Promise<ImportReport[]>;
  /**
   * The seed's handle_error: structured suggestions for a failed run (did-you-mean over the names in scope,
   * install actions, the limit that was hit); null for a successful run. Works offline.
   */
  handleError(result: ExecutionResult, limits?: RunLimits): Promise<ErrorAdvice | null>;
  /**
   * Loads packages from the index (self-hosted, else the package CDN), and others from PyPI with micropip
   * when {@link setPypiIndex} allows; reports what loaded and what failed and why. In safe mode, packages
   * the policy does not allow are refused before any download.
   */
  install(packages: string[]): Promise<InstallReport>;
  /** Where installs of packages outside the index go: an index URL, 'pypi' for PyPI itself, or null (off, the default). */
  setPypiIndex(index: string | null): void;
  /** The seed's validate_code: diagnostics for `code` under `policy` (default: the current policy); nothing is executed. */
  validateCode(code: string, policy?: RunPolicy): Promise<ValidationReport>;
  /**
   * The Variables tab: a page of the names the runs defined (`name` null), or of the parts of `name`
   * at `path` (indices of parts, level by level). Summaries are bounded in size and time.
   */
  listVariables(request: VariablesRequest): Promise<VariablesPage>;
  /**
   * The editor's questions (completions, hover, signatures, definitions), answered by Jedi in an
   * interpreter of the sandbox's own that never runs user code, so it answers while a program runs.
   * `files`: the project's other files. Knows the last run's names and their types.
   */
  language(query: LanguageQuery, files: readonly ProjectFile[]): Promise<LanguageResponse>;
  /** The safe-mode policy runs and installs use unless a run passes its own (default: the seed's, safe mode on). */
  readonly policy: RunPolicy;
  setPolicy(policy: RunPolicy): void;
  /**
   * The seed's run_tests: pytest on the project's files (in test interpreters of their own), with coverage
   * and optionally split across several interpreters. Obeys the time, memory and output limits; Stop stops it.
   */
  runTests(options: TestRunOptions): Promise<TestResult>;
  /** The node ids pytest discovers in `paths` (default: the whole project). */
  collectTests(paths: string[] | undefined, options: Pick<TestRunOptions, 'files' | 'args' | 'timeoutMs' | 'policy'>): Promise<string[]>;
  /**
   * The seed's profile_code: runs `code` like `execute` (same limits, same namespace) under cProfile and
   * reports the functions by own time (`topFunctions` / `top_functions`: name, file, line, calls, own and
   * cumulative ms, `percent` of the total) and the call tree. Throws when profiling is off (ENABLE_PROFILING).
   */
  profileCode(code: string, options?: Partial<RunOptions>): Promise<ProfileOutcome>;
  /**
   * The seed's execute_batch: runs code blocks (strings, or `{ name, code }` such as project files) in order,
   * each a timed run as `__main__` with its own result and metrics, and sums them up. `stopOnError` skips the
   * rest after a failure; `sharedState: false` gives each block a fresh namespace. Stop ends the batch.
   */
  executeBatch(blocks: BatchInput, options?: BatchOptions & { runOptions?: Partial<RunOptions> }): Promise<BatchResult>;
  /**
   * The seed's get_last_execution_metrics: the last run's metrics with the seed's names (`execution_time` s,
   * `memory_used` MB, `cpu_percent`) and the TypeScript ones; null before the first run or with COLLECT_METRICS off.
   */
  getLastExecutionMetrics(): ExecutionMetrics | null;
  /** ENABLE_PROFILING and COLLECT_METRICS (default: both on, as the seed's ExecutorConfig). */
  readonly monitoring: MonitoringOptions;
  setMonitoring(next: MonitoringOptions): void;
  on<K extends keyof EngineEvents>(event: K, listener: EngineEvents[K]): () => void;
  dispose(): void;
}

/** How long the page waits for Python's first Ready before it says that something is wrong. */
export const STARTUP_LIMIT_MS = 90_000;

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Where to put the hidden sandbox frame (default: document.body). */
  container?: HTMLElement;
  frameUrl?: string;
  /** Memory snapshots: where they are kept, and whether they are on (deployment setting, URL flag). Off when absent. */
  snapshots?: { store: SnapshotStore; enabled: Promise<boolean> };
  /** Pyodide's files, when their download started before the engine (see fetchRuntimeFiles). */
  runtimeFiles?: Promise<RuntimeFiles>;
}

/** Creates the sandbox frame and the engine that talks to it. */
function createFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('title', 'Python sandbox');
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'sandbox-frame';
  frame.style.display = 'none';
  frame.src = src;
  return frame;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const container = options.container ?? document.body;
  let frame = createFrame(options.frameUrl ?? FRAME_PATH);

  const listeners: { [K in keyof EngineEvents]: Set<EngineEvents[K]> } = {
    status: new Set(),
    output: new Set(),
    notice: new Set(),
    download: new Set(),
    display: new Set(),
    input: new Set(),
    sample: new Set(),
    result: new Set(),
    paused: new Set(),
    capabilities: new Set(),
  };
  const emit = <K extends keyof EngineEvents>(event: K, ...args: Parameters<EngineEvents[K]>): void => {
    for (const l of listeners[event]) (l as (...a: Parameters<EngineEvents[K]>) => void)(...args);
  };

  let policy: RunPolicy = DEFAULT_RUN_POLICY;
  let pypiIndex: string | null = null;
  let monitoring: MonitoringOptions = { enableProfiling: true, collectMetrics: true };
  let lastMetrics: ExecutionMetrics | null = null;
  let status: EngineStatus = { state: 'starting', detail: 'Starting Python', progress: 0 };
  let capabilities: SandboxCapabilities | null = null;
  let frameHeard = false;
  let queue: PageToFrame[] = [];
  let nextId = 1;
  let currentRun: number | null = null;
  const pendingRuns = new Map<number, (r: ExecutionResult) => void>();
  // Output of each pending run, as streamed; the frame's result carries none.
  const runOutput = new Map<number, OutputChunk[]>();
  const runDisplays = new Map<number, DisplayData[]>();
  // Runs some of whose output the page refused (shown as a marker): their result says truncated.
  const truncatedRuns = new Set<number>();
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

  const tests = createTestClient({
    post: (msg) => post(msg),
    nextId: () => nextId++,
    lock,
    setCurrent: (id) => {
      // A test run has its own limits per test; the watchdog only listens for a frame that went silent.
      if (id === null && currentRun !== null) watchdog.unwatch(currentRun);
      if (id !== null) watchdog.watch(id, Number.POSITIVE_INFINITY);
      currentRun = id;
    },
  });

  // The frame waits for 'boot': the stored snapshot (read while the frame loads) and Pyodide's files.
  let boot: EngineStatus['boot'];
  const frameBoot = createFrameBoot({
    origin: location.origin,
    snapshots: options.snapshots,
    runtimeFiles: options.runtimeFiles,
    onBoot: (how) => {
      boot = how;
      status = { ...status, boot };
      emit('status', status);
    },
    onNotice: (text, level) => emit('notice', text, level),
    onFailed: (message) => {
      status = { state: 'failed', detail: message, progress: null };
      emit('status', status);
    },
  });
  // Only to the frame that asked: a reply for a replaced frame is dropped.
  const sendTo =
    (target: HTMLIFrameElement) =>
    (msg: PageToFrame, transfer: Transferable[] = []): void => {
      if (frame === target) target.contentWindow?.postMessage(msg, '*', transfer);
    };

  const onMessage = (event: MessageEvent): void => {
    if (!frame.contentWindow || event.source !== frame.contentWindow) return;
    watchdog.heard();
    const msg = parseFrameMessage(event.data);
    if (!msg) {
      onRefused(explainRefusal(event.data));
      return;
    }
    if (!frameHeard) {
      frameHeard = true;
      frameBoot.boot(sendTo(frame));
      const queued = queue;
      queue = [];
      queued.forEach(post);
    }
    switch (msg.type) {
      case 'booted':
      case 'snapshot':
        frameBoot.onSnapshotMessage(msg);
        return;
      case 'asset-request':
        frameBoot.answerAsset(msg.id, msg.url, msg.integrity, sendTo(frame));
        return;
      case 'state':
        status = { state: msg.state, detail: msg.detail, progress: msg.progress, boot };
        if (msg.state === 'ready') readyWaiters.splice(0).forEach((w) => w());
        emit('status', status);
        return;
      case 'output':
        runOutput.get(msg.id)?.push(...msg.chunks);
        queueOutput(msg.id, msg.chunks);
        return;
      case 'display':
        runDisplays.get(msg.id)?.push(msg.display);
        flushOutput(); // text written before it shows before it
        emit('display', msg.display, msg.id);
        return;
      case 'input-request':
        watchdog.pause(msg.id);
        flushOutput(); // the prompt shows before the input box
        emit('input', msg.id);
        return;
      case 'sample':
        if (msg.id === currentRun) emit('sample', msg.sample, msg.id);
        return;
      case 'result': {
        flushOutput(); // every piece of output is shown before the result
        if (msg.id === currentRun) debugClient.ended('The program has ended.');

        const resolve = pendingRuns.get(msg.id);
        const output = mergeChunks(runOutput.get(msg.id) ?? []);
        const displays = runDisplays.get(msg.id) ?? [];
        pendingRuns.delete(msg.id);
        runOutput.delete(msg.id);
        runDisplays.delete(msg.id);
        const metrics = truncatedRuns.delete(msg.id) ? { ...msg.result.metrics, truncated: true } : msg.result.metrics;
        resolve?.({ ...msg.result, metrics, output, displays, stdout: textOf(output, 'stdout'), stderr: textOf(output, 'stderr') });
        return;
      }
      case 'notice':
        emit('notice', msg.text, msg.level);
        return;
      case 'download':
        emit('download', msg.tick);
        return;
      case 'call-result':
        pendingCalls.get(msg.id)?.(msg.response);
        pendingCalls.delete(msg.id);
        return;
      case 'language-result':
        languageClient.receive(msg.id, msg.response);
        return;
      case 'capabilities':
        capabilities = { sharedMemory: msg.sharedMemory, reason: msg.reason };
        emit('capabilities', capabilities);
        return;
      case 'debug-paused':
        flushOutput(); // what the program printed shows before the pause
        debugClient.paused(msg.id, msg.pause);
        return;
      case 'debug-answer':
        debugClient.answer(msg.requestId, msg.answer);
        return;
      case 'tests-result':
        flushOutput();
        tests.resolve(msg.id, msg.result);
        return;
      case 'test-records':
        tests.progress(msg.id, msg.records);
        return;
      case 'reset-done':
        pendingResets.get(msg.id)?.();
        pendingResets.delete(msg.id);
        return;
    }
  };
  // A message the page refuses must not leave what it answers waiting forever: the run, call or test
  // run it names ends with the reason, and refused output leaves a visible marker.
  const onRefused = ({ type, id, reason }: RefusedFrameMessage): void => {
    if (id === null) return;
    if (type === 'result' && pendingRuns.has(id)) {
      flushOutput();
      const resolve = pendingRuns.get(id);
      const output = mergeChunks(runOutput.get(id) ?? []);
      pendingRuns.delete(id);
      runOutput.delete(id);
      runDisplays.delete(id);
      truncatedRuns.delete(id);
      post({ type: 'reset', id: nextId++ }); // the interpreter's reporting is broken: start a fresh one
      const refused = unshowableResult(reason);
      resolve?.({ ...refused, output, stdout: textOf(output, 'stdout'), stderr: textOf(output, 'stderr') });
    } else if (type === 'output' && runOutput.has(id)) {
      const marker: OutputChunk[] = [{ stream: 'stderr', text: `\n[Some output could not be shown: ${reason}.]\n` }];
      truncatedRuns.add(id);
      runOutput.get(id)?.push(...marker);
      queueOutput(id, marker);
    } else if (type === 'call-result' && pendingCalls.has(id)) {
      pendingCalls.get(id)?.({ ok: false, error: `The sandbox's answer could not be read (${reason}).` });
      pendingCalls.delete(id);
    } else if (type === 'tests-result') {
      tests.refuse(id, `The test run's result could not be shown (${reason}).`);
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
  const languageClient = createLanguageClient({
    nextId: () => nextId++,
    post,
    listNames: async () => (await call({ method: 'variables', request: { name: null, path: [], offset: 0 } })) as VariablesPage,
    isRunning: () => currentRun !== null,
  });
  const debugClient = createDebugClient({
    post,
    nextId: () => nextId++,
    currentRun: () => currentRun,
    pauseWatch: (id) => watchdog.pause(id),
    resumeWatch: (id) => watchdog.resume(id),
    onPaused: (pause, id) => emit('paused', pause, id),
  });
  // One run; the caller holds the lock.
  const runLocked = async (code: string, runOptions: Partial<RunOptions>): Promise<ExecutionResult> => {
    const id = nextId++;
    currentRun = id;
    try {
      const result = new Promise<ExecutionResult>((resolve) => pendingRuns.set(id, resolve));
      runOutput.set(id, []);
      runDisplays.set(id, []);
      const options: RunOptions = { ...DEFAULT_RUN_OPTIONS, policy, collectMetrics: monitoring.collectMetrics, ...runOptions };
      post({ type: 'run', id, code, options });
      watchdog.watch(id, runDeadlineMs(options.timeoutMs));
      const done = await result;
      if (options.collectMetrics !== false) lastMetrics = toExecutionMetrics(done);
      languageClient.namesChanged();
      emit('result', { code, options, result: done });
      return done;
    } finally {
      watchdog.unwatch(id);
      currentRun = null;
    }
  };
  const handleError = createErrorAdvisor({
    analyzeDependencies: async (code) => (await call({ method: 'analyzeImports', code })) as ImportReport[],
    errorScope: async (error) => (await call({ method: 'errorScope', error: { type: error.type, message: error.message } })) as ErrorScope,
    validateCode: async (code) => (await call({ method: 'validate', code, policy })) as ValidationReport,
  });
  // The frame stopped answering, or lost a run: everything pending ends with the reason, and a new
  // frame (new interpreters) takes its place. What the user typed lives on the page and is untouched.
  const replaceFrame = (why: string): void => {
    frame.remove();
    frame = createFrame(options.frameUrl ?? FRAME_PATH);
    frameHeard = false;
    queue = [];
    container.appendChild(frame);
    flushOutput();
    const message = `${why} Executor ended what was running and restarted Python; variables from earlier runs are gone.`;
    languageClient.frameReplaced(why);
    debugClient.ended(message);
    for (const [id, resolve] of pendingRuns) {
      const output = mergeChunks(runOutput.get(id) ?? []);
      const ended = failedResult('crashed', { type: 'SandboxUnresponsive', message, traceback: '', line: null }, false);
      resolve({
        ...ended,
        output,
        displays: runDisplays.get(id) ?? [],
        stdout: textOf(output, 'stdout'),
        stderr: textOf(output, 'stderr'),
      });
      watchdog.unwatch(id);
    }
    pendingRuns.clear();
    runOutput.clear();
    runDisplays.clear();
    truncatedRuns.clear();
    for (const answer of pendingCalls.values()) answer({ ok: false, error: message });
    pendingCalls.clear();
    tests.refuseAll(message);
    const resets = [...pendingResets.values()];
    pendingResets.clear();
    readyWaiters.push(() => resets.forEach((r) => r()));
    status = { state: 'restarting', detail: 'Restarting Python', progress: 0 };
    emit('status', status);
    emit('notice', message, 'warning');
  };
  const watchdog = createWatchdog({
    now: () => performance.now(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    ping: () => post({ type: 'ping', id: nextId++ }),
    onSilent: (ms) =>
      replaceFrame(`The Python sandbox stopped answering (nothing for ${Math.round(ms / 1000)} s while a run was pending).`),
    onOverdue: () => replaceFrame("A run's end did not arrive although its time limit and every allowance had passed."),
  });
  container.appendChild(frame);
  // Never a silent wait: a frame that never speaks (its script blocked, a browser without what it needs) or a
  // Python that never becomes ready is reported, with what the user can do; a late start still becomes Ready.
  let everReady = false;
  readyWaiters.push(() => (everReady = true));
  const startupCheck = setTimeout(() => {
    if (everReady || status.state === 'failed') return;
    const detail = startupProblem(frameHeard, status.detail, STARTUP_LIMIT_MS);
    status = { state: 'failed', detail, progress: null };
    emit('status', status);
  }, STARTUP_LIMIT_MS);

  return {
    get status() {
      return status;
    },
    get capabilities() {
      return capabilities;
    },
    whenReady() {
      return status.state === 'ready' ? Promise.resolve() : new Promise((r) => readyWaiters.push(r));
    },
    async execute(code, runOptions = {}) {
      const release = await lock.acquire();
      try {
        return await runLocked(code, runOptions);
      } finally {
        release();
      }
    },
    async debug(code, { breakpoints, test, ...runOptions }) {
      if (capabilities && !capabilities.sharedMemory) {
        const message = `The debugger needs SharedArrayBuffer to hold a program at a line, and ${capabilities.reason ?? 'this browser has none'}.`;
        return failedResult('error', { type: 'DebuggerUnavailable', message, traceback: '', line: null }, true);
      }
      const release = await lock.acquire();
      try {
        return await runLocked(code, { ...runOptions, debug: { breakpoints, ...(test ? { test } : {}) } });
      } finally {
        release();
      }
    },
    resumeDebug: (action, breakpoints) => debugClient.resume(action, breakpoints),
    inspectFrame: (query) => debugClient.query(query),
    async profileCode(code, runOptions = {}) {
      if (!monitoring.enableProfiling)
        throw new Error('Profiling is off (ENABLE_PROFILING). Turn on "Profiling" in Settings to profile code.');
      const release = await lock.acquire();
      try {
        const result = await runLocked(code, { ...runOptions, profile: true, tracePythonMemory: true });
        return { result, profile: result.profile ? parseProfile(result.profile) : null };
      } finally {
        release();
      }
    },
    async executeBatch(input, batchOptions = {}) {
      const blocks = toBlocks(input);
      const release = await lock.acquire(); // the whole batch, so no other run slips in between its steps
      try {
        return await runBatch(blocks, batchOptions, (block, fresh) =>
          runLocked(block.code, { ...batchOptions.runOptions, filename: block.name.slice(0, 200), freshNamespace: fresh }),
        );
      } finally {
        release();
      }
    },
    getLastExecutionMetrics() {
      return lastMetrics;
    },
    get monitoring() {
      return monitoring;
    },
    setMonitoring(next) {
      monitoring = next;
    },
    stop() {
      if (currentRun !== null) post({ type: 'stop', id: currentRun });
    },
    sendInput(text) {
      if (currentRun === null) return;
      watchdog.resume(currentRun);
      post({ type: 'stdin', id: currentRun, text });
    },
    reset() {
      languageClient.namesChanged();
      const id = nextId++;
      const done = new Promise<void>((resolve) => pendingResets.set(id, resolve));
      post({ type: 'reset', id });
      return done;
    },
    runTests: (testOptions) => tests.runTests({ policy, ...testOptions }),
    collectTests: (paths, testOptions) => tests.collectTests(paths, { policy, ...testOptions }),
    async analyzeDependencies(code) {
      return (await call({ method: 'analyzeImports', code })) as ImportReport[];
    },
    handleError,
    async install(packages) {
      const release = await lock.acquire(); // never while a program runs
      try {
        return (await call({ method: 'install', packages, policy, pypiIndex })) as InstallReport;
      } finally {
        release();
      }
    },
    setPypiIndex(index) {
      pypiIndex = index;
    },
    language: (query, files) => languageClient.ask(query, files),
    async listVariables(request) {
      return (await call({ method: 'variables', request })) as VariablesPage;
    },
    async validateCode(code, checkPolicy = policy) {
      return (await call({ method: 'validate', code, policy: checkPolicy })) as ValidationReport;
    },
    get policy() {
      return policy;
    },
    setPolicy(next) {
      policy = next;
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    dispose() {
      clearTimeout(startupCheck);
      window.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}
