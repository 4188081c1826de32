import type { ExecutionResult, OutputChunk, RunOptions } from '../protocol/results.ts';
import type { RunPolicy } from '../protocol/policy.ts';
import type { RefusedFrameMessage } from '../protocol/explainRefusal.ts';
import type { SandboxCapabilities } from '../protocol/capabilities.ts';
import { unshowableResult } from '../protocol/unshowableResult.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import { failedResult } from '../protocol/failedResult.ts';
import { runDeadlineMs } from '../protocol/runAllowances.ts';
import { parseProfile } from '../runs/parseProfile.ts';
import { toExecutionMetrics, type ExecutionMetrics } from '../runs/seedMetrics.ts';
import { runBatch, toBlocks } from '../runs/runBatch.ts';
import type { Engine, EngineStatus, MonitoringOptions } from './engine.ts';
import { createLock } from './createLock.ts';
import { createTestClient } from './createTestClient.ts';
import { createErrorAdvisor } from './createErrorAdvisor.ts';
import { createWatchdog } from './createWatchdog.ts';
import { createLanguageClient } from './createLanguageClient.ts';
import { createDebugClient } from './createDebugClient.ts';
import { createCallClient } from './createCallClient.ts';
import { createRunBook } from './createRunBook.ts';
import { createOutputPacer } from './createOutputPacer.ts';
import { createEmitter } from './createEmitter.ts';
import { createFrameHost, type EngineMessage, type FrameHost, type FrameHostHandlers, type FrameHostOptions } from './createFrameHost.ts';
import { startupProblem } from './startupProblem.ts';
import { readDeclaredDependencies } from './readDeclaredDependencies.ts';
import { DEFAULT_RUN_POLICY } from './defaultPolicy.ts';

/** How long the page waits for Python's first Ready before it says that something is wrong. */
export const STARTUP_LIMIT_MS = 90_000;

/** Options of {@link createEngine}: where its frame goes and what it boots from. */
export interface EngineOptions extends FrameHostOptions {
  /** Makes the frame host (default: a sandboxed iframe in the page); unit tests pass a fake frame. */
  host?: (handlers: FrameHostHandlers) => FrameHost;
}

/** Creates the sandbox frame and the engine that talks to it (see {@link Engine}). */
export function createEngine(options: EngineOptions = {}): Engine {
  const events = createEmitter();
  const emit = events.emit;

  let policy: RunPolicy = DEFAULT_RUN_POLICY;
  let sessionPackages: string[] = [];
  let pypiIndex: string | null = null;
  let monitoring: MonitoringOptions = { enableProfiling: true, collectMetrics: true };
  let lastMetrics: ExecutionMetrics | null = null;
  let status: EngineStatus = { state: 'starting', detail: 'Starting Python', progress: 0 };
  let boot: EngineStatus['boot'];
  let capabilities: SandboxCapabilities | null = null;
  let nextId = 1;
  const newId = (): number => nextId++;
  // The run (or test run) that Stop, input and samples belong to.
  let currentRun: number | null = null;
  const pendingResets = new Map<number, () => void>();
  const readyWaiters: Array<() => void> = [];
  const lock = createLock();
  const runs = createRunBook();
  const pacer = createOutputPacer((chunks, id) => emit('output', chunks, id));
  const setStatus = (next: EngineStatus): void => {
    status = next;
    emit('status', status);
  };

  const handlers: FrameHostHandlers = {
    onHeard: () => watchdog.heard(),
    onMessage: (msg) => onMessage(msg),
    onRefused: (refusal) => onRefused(refusal),
    onBoot: (how) => {
      boot = how;
      setStatus({ ...status, boot });
    },
    onNotice: (text, level) => emit('notice', text, level),
    onFailed: (message) => setStatus({ state: 'failed', detail: message, progress: null }),
  };
  const host = options.host ? options.host(handlers) : createFrameHost(options, handlers);
  const post = host.post;

  const calls = createCallClient({ post, nextId: newId });
  const tests = createTestClient({
    post,
    nextId: newId,
    lock,
    setCurrent: (id) => {
      if (currentRun !== null) watchdog.unwatch(currentRun);
      if (id !== null) watchdog.watch(id, Number.POSITIVE_INFINITY);
      currentRun = id;
    },
  });
  const languageClient = createLanguageClient({
    nextId: newId,
    post,
    listNames: () => calls.call({ method: 'variables', request: { name: null, path: [], offset: 0 } }),
    isRunning: () => currentRun !== null,
    sessionPackages: () => ({ specs: sessionPackages, pypiIndex }),
  });
  const debugClient = createDebugClient({
    post,
    nextId: newId,
    currentRun: () => currentRun,
    pauseWatch: (id) => watchdog.pause(id),
    resumeWatch: (id) => watchdog.resume(id),
    onPaused: (pause, id) => emit('paused', pause, id),
  });
  const handleError = createErrorAdvisor({
    analyzeDependencies: (code) => calls.call({ method: 'analyzeImports', code }),
    errorScope: (error) => calls.call({ method: 'errorScope', error: { type: error.type, message: error.message } }),
    validateCode: (code) => calls.call({ method: 'validate', code, policy }),
  });

  function onMessage(msg: EngineMessage): void {
    switch (msg.type) {
      case 'state':
        status = { state: msg.state, detail: msg.detail, progress: msg.progress, boot };
        if (msg.state === 'ready') readyWaiters.splice(0).forEach((w) => w());
        emit('status', status);
        return;
      case 'output':
        runs.addOutput(msg.id, msg.chunks);
        pacer.push(msg.id, msg.chunks);
        return;
      case 'display':
        runs.addDisplay(msg.id, msg.display);
        pacer.flush(); // text written before it shows before it
        emit('display', msg.display, msg.id);
        return;
      case 'input-request':
        watchdog.pause(msg.id);
        pacer.flush(); // the prompt shows before the input box
        emit('input', msg.id);
        return;
      case 'sample':
        if (msg.id === currentRun) emit('sample', msg.sample, msg.id);
        return;
      case 'result':
        pacer.flush(); // every piece of output is shown before the result
        if (msg.id === currentRun) debugClient.ended('The program has ended.');
        runs.settle(msg.id, msg.result);
        return;
      case 'notice':
        emit('notice', msg.text, msg.level);
        return;
      case 'files-changed':
        emit('filesChanged', msg.changes);
        return;
      case 'download':
        emit('download', msg.tick);
        return;
      case 'call-result':
        calls.receive(msg.id, msg.response);
        return;
      case 'language-result':
        languageClient.receive(msg.id, msg.response);
        return;
      case 'capabilities':
        capabilities = { sharedMemory: msg.sharedMemory, reason: msg.reason };
        emit('capabilities', capabilities);
        return;
      case 'debug-paused':
        pacer.flush(); // what the program printed shows before the pause
        debugClient.paused(msg.id, msg.pause);
        return;
      case 'debug-answer':
        debugClient.answer(msg.requestId, msg.answer);
        return;
      case 'tests-result':
        pacer.flush();
        tests.resolve(msg.id, msg.result);
        return;
      case 'test-records':
        tests.progress(msg.id, msg.records);
        return;
      case 'reset-done':
        pendingResets.get(msg.id)?.();
        pendingResets.delete(msg.id);
        return;
      case 'pong':
        return;
    }
  }

  // A message the page refuses must not leave what it answers waiting forever: the run, call or test
  // run it names ends with the reason, and refused output leaves a visible marker.
  function onRefused({ type, id, reason }: RefusedFrameMessage): void {
    if (id === null) return;
    if (type === 'result' && runs.has(id)) {
      pacer.flush();
      post({ type: 'reset', id: newId() }); // the interpreter's reporting is broken: start a fresh one
      runs.settle(id, unshowableResult(reason));
    } else if (type === 'output' && runs.has(id)) {
      const marker: OutputChunk[] = [{ stream: 'stderr', text: `\n[Some output could not be shown: ${reason}.]\n` }];
      runs.markTruncated(id, marker);
      pacer.push(id, marker);
    } else if (type === 'call-result') {
      calls.refuse(id, reason);
    } else if (type === 'tests-result') {
      tests.refuse(id, `The test run's result could not be shown (${reason}).`);
    }
  }

  // One run; the caller holds the lock.
  const runLocked = async (code: string, runOptions: Partial<RunOptions>): Promise<ExecutionResult> => {
    const id = newId();
    currentRun = id;
    try {
      const result = runs.open(id);
      const options: RunOptions = {
        ...DEFAULT_RUN_OPTIONS,
        policy,
        collectMetrics: monitoring.collectMetrics,
        ...(sessionPackages.length ? { packages: sessionPackages, pypiIndex } : {}),
        ...runOptions,
      };
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

  // The frame stopped answering, or lost a run: everything pending ends with the reason, and a new
  // frame (new interpreters) takes its place. What the user typed lives on the page and is untouched.
  const replaceFrame = (why: string): void => {
    host.replace();
    pacer.flush();
    const message = `${why} Executor ended what was running and restarted Python; variables from earlier runs are gone.`;
    languageClient.frameReplaced(why);
    debugClient.ended(message);
    const ended = failedResult('crashed', { type: 'SandboxUnresponsive', message, traceback: '', line: null }, false);
    for (const id of runs.settleAll(ended)) watchdog.unwatch(id);
    calls.refuseAll(message);
    tests.refuseAll(message);
    const resets = [...pendingResets.values()];
    pendingResets.clear();
    readyWaiters.push(() => resets.forEach((r) => r()));
    setStatus({ state: 'restarting', detail: 'Restarting Python', progress: 0 });
    emit('notice', message, 'warning');
  };
  const watchdog = createWatchdog({
    now: () => performance.now(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    ping: () => post({ type: 'ping', id: newId() }),
    onSilent: (ms) =>
      replaceFrame(`The Python sandbox stopped answering (nothing for ${Math.round(ms / 1000)} s while a run was pending).`),
    onOverdue: () => replaceFrame("A run's end did not arrive although its time limit and every allowance had passed."),
  });

  // Never a silent wait: a frame that never speaks (its script blocked, a browser without what it needs) or a
  // Python that never becomes ready is reported, with what the user can do; a late start still becomes Ready.
  let everReady = false;
  readyWaiters.push(() => (everReady = true));
  const startupCheck = setTimeout(() => {
    if (everReady || status.state === 'failed') return;
    setStatus({ state: 'failed', detail: startupProblem(host.heard, status.detail, STARTUP_LIMIT_MS), progress: null });
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
    execute: (code, runOptions = {}) => lock.run(() => runLocked(code, runOptions)),
    async debug(code, { breakpoints, test, stopOnFailure, ...runOptions }) {
      if (capabilities && !capabilities.sharedMemory) {
        const message = `The debugger needs SharedArrayBuffer to hold a program at a line, and ${capabilities.reason ?? 'this browser has none'}.`;
        return failedResult('error', { type: 'DebuggerUnavailable', message, traceback: '', line: null }, true);
      }
      return lock.run(() =>
        runLocked(code, { ...runOptions, debug: { breakpoints, ...(test ? { test } : {}), ...(stopOnFailure ? { stopOnFailure } : {}) } }),
      );
    },
    resumeDebug: (action, breakpoints) => debugClient.resume(action, breakpoints),
    inspectFrame: (query) => debugClient.query(query),
    async profileCode(code, runOptions = {}) {
      if (!monitoring.enableProfiling)
        throw new Error('Profiling is off (ENABLE_PROFILING). Turn on "Profiling" in Settings to profile code.');
      const result = await lock.run(() => runLocked(code, { ...runOptions, profile: true, tracePythonMemory: true }));
      return { result, profile: result.profile ? parseProfile(result.profile) : null };
    },
    executeBatch(input, batchOptions = {}) {
      const blocks = toBlocks(input);
      // The whole batch holds the lock, so no other run slips in between its steps.
      return lock.run(() =>
        runBatch(blocks, batchOptions, (block, fresh) =>
          runLocked(block.code, { ...batchOptions.runOptions, filename: block.name.slice(0, 200), freshNamespace: fresh }),
        ),
      );
    },
    getLastExecutionMetrics: () => lastMetrics,
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
      const id = newId();
      const done = new Promise<void>((resolve) => pendingResets.set(id, resolve));
      post({ type: 'reset', id });
      return done;
    },
    runTests: (testOptions) => tests.runTests({ policy, packages: sessionPackages, pypiIndex, ...testOptions }),
    collectTests: (paths, testOptions) => tests.collectTests(paths, { policy, packages: sessionPackages, pypiIndex, ...testOptions }),
    analyzeDependencies: (code) => calls.call({ method: 'analyzeImports', code }),
    handleError,
    // Never while a program runs.
    install: (packages) => lock.run(() => calls.call({ method: 'install', packages, policy, pypiIndex })),
    setPypiIndex(index) {
      pypiIndex = index;
    },
    setSessionPackages(specs) {
      sessionPackages = [...specs];
    },
    declaredDependencies: (files) => readDeclaredDependencies(files, calls),
    language: (query, files) => languageClient.ask(query, files),
    listVariables: (request) => calls.call({ method: 'variables', request }),
    validateCode: (code, checkPolicy = policy) => calls.call({ method: 'validate', code, policy: checkPolicy }),
    get policy() {
      return policy;
    },
    setPolicy(next) {
      policy = next;
    },
    on: events.on,
    dispose() {
      clearTimeout(startupCheck);
      host.dispose();
    },
  };
}
