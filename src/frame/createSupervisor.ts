import { failedResult } from '../protocol/failedResult.ts';
import { fitRunResult } from './fitRunResult.ts';
import type { EngineState, ExecutionResult, FrameToPage, PageToFrame, RunOptions, WorkerToFrame } from '../protocol/protocol.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';
import type { WorkerMemory } from './measureWorkerMemory.ts';
import { GUARD_POLL_MS, type DebugCommand } from '../protocol/debug.ts';

const MB = 2 ** 20;
/** The browser answers a memory measurement at its next garbage collection, within about 20 s. */
export const MEASURE_TIMEOUT_MS = 30_000;

import { ACCEPT_MS, DEFAULT_GRACE_MS, PREPARE_ALLOWANCE_MS } from '../protocol/runAllowances.ts';

export { ACCEPT_MS, DEFAULT_GRACE_MS, PREPARE_ALLOWANCE_MS };

/** What the supervisor needs from its surroundings (injected so tests can drive time). */
export interface SupervisorDeps {
  spawn(listener: WorkerListener): WorkerHandle;
  send(msg: FrameToPage): void;
  now(): number;
  /** Milliseconds since the epoch, as the worker's Date.now() (the debugger's guard deadlines); default Date.now. */
  wallClock?: () => number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  graceMs?: number;
  /** The browser's measurement of workers' JavaScript memory, where it has one (see measureWorkerMemory.ts). */
  measureWorkerMemory?: (() => Promise<WorkerMemory>) | null;
}

/** Handles the page's commands for the frame. */
export interface Supervisor {
  handle(msg: PageToFrame): void;
}

interface CurrentRun {
  id: number;
  code: string;
  options: RunOptions;
  startedAt: number;
  outputChars: number;
  reason: 'timeout' | 'stopped' | null;
  timers: unknown[];
  started: boolean;
  /** The worker said it took the run. */
  accepted: boolean;
  /** The timeout's timer while it runs; null while paused (waiting for input). */
  timeoutTimer: unknown;
  /** Time left before the timeout, as of `timerStartedAt`. */
  budgetMs: number;
  timerStartedAt: number;
  waitingForInput: boolean;
  /** A debug run stopped at a line: its clock is paused and it takes debug commands. */
  paused: boolean;
  /** Debug commands waiting for the mailbox: one at a time, each request until its answer. */
  debugQueue: DebugCommand[];
  debugInFlight: number | null;
  /** The timer of the debugger's guarded call into user objects, while one runs. */
  guardTimer: unknown;
}

const INTERRUPTED = new Set(['KeyboardInterrupt']);

/**
 * Owns the active interpreter and a booted spare. Enforces the run's time limit:
 * a soft interrupt first, then, after a grace period, a hard kill that swaps in
 * the spare. Replaces the interpreter after a fatal error.
 */
export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  let phase: 'starting' | 'restarting' = 'starting';
  let activeReady = false;
  let spare: WorkerHandle | null = null;
  let spareReady = false;
  let current: CurrentRun | null = null;
  let pendingResets: number[] = [];
  // Calls (dependency analysis, installs) wait for a ready interpreter and are
  // answered with an error if their interpreter is replaced before it answers.
  let queuedCalls: Array<Extract<PageToFrame, { type: 'call' }>> = [];
  const sentCalls = new Set<number>();

  const state = (s: EngineState, detail: string, progress: number | null = null): void =>
    deps.send({ type: 'state', state: s, detail, progress });

  const listener: WorkerListener = (handle, msg) => {
    if (handle === spare) onSpare(msg);
    else if (handle === active) onActive(msg);
  };
  let active = deps.spawn(listener);
  // A run without safe mode can rewrite anything in its interpreter, safe mode's own checks included:
  // a later safe-mode run must not trust that interpreter.
  let activeTainted = false;
  // One JavaScript-memory measurement at a time, while runs go on and once after each.
  let measuring = false;
  let measureAgain = false;
  let measurement = 0;
  let memoryLimitMB: number | null = null;
  state('starting', 'Starting Python', 0);

  // How each interpreter started, told to the page when it starts serving runs.
  const boots = new Map<WorkerHandle, { boot: 'snapshot' | 'normal'; problem: string | null }>();
  const noteBoot = (handle: WorkerHandle, msg: Extract<WorkerToFrame, { type: 'ready' }>): void => {
    boots.set(handle, { boot: msg.boot ?? 'normal', problem: msg.snapshotProblem ?? null });
  };

  function onSpare(msg: WorkerToFrame): void {
    if (msg.type === 'ready' && spare) noteBoot(spare, msg);
    if (msg.type === 'ready') spareReady = true;
    if (msg.type === 'boot-failed' || msg.type === 'fatal') {
      spare?.terminate();
      spare = null;
    }
  }

  function onActive(msg: WorkerToFrame): void {
    switch (msg.type) {
      case 'progress':
        if (!activeReady) state(phase, msg.detail, msg.progress);
        return;
      case 'ready':
        noteBoot(active, msg);
        becameReady();
        return;
      case 'boot-failed':
        bootFailed(msg.message);
        return;
      case 'output':
        if (current && msg.id === current.id) {
          for (const c of msg.chunks) current.outputChars += c.text.length;
          deps.send({ type: 'output', id: msg.id, chunks: msg.chunks });
        }
        return;
      case 'display':
        if (current && msg.id === current.id) {
          for (const text of Object.values(msg.display.data)) current.outputChars += text.length;
          deps.send({ type: 'display', id: msg.id, display: msg.display });
        }
        return;
      case 'input-request':
        if (current && msg.id === current.id) waitForInput(current);
        return;
      case 'debug-paused':
        if (current && msg.id === current.id) debugPaused(current, msg.pause);
        return;
      case 'debug-answer':
        if (current && msg.id === current.id && current.debugInFlight === msg.requestId) {
          current.debugInFlight = null;
          deps.send({ type: 'debug-answer', id: msg.id, requestId: msg.requestId, answer: msg.answer });
          sendDebug(current);
        }
        return;
      case 'started':
        if (current && msg.id === current.id) startClock(current);
        return;
      case 'accepted':
        if (current && msg.id === current.id) current.accepted = true;
        return;
      case 'sample':
        if (current && msg.id === current.id) deps.send({ type: 'sample', id: msg.id, sample: msg.sample });
        return;
      case 'result':
        if (current && msg.id === current.id) finishChecked(current, msg.result);
        return;
      case 'fatal':
        // A worker that dies before it is ready would die again: starting another would loop forever.
        if (activeReady) crash(msg.message);
        else bootFailed(`the Python worker failed: ${msg.message}`);
        return;
      case 'call-result':
        if (sentCalls.delete(msg.id)) deps.send({ type: 'call-result', id: msg.id, response: msg.response });
        return;
      case 'notice':
        deps.send({ type: 'notice', level: msg.level, text: msg.text });
        return;
      case 'download':
        deps.send({ type: 'download', tick: msg.tick });
        return;
    }
  }

  function sendQueuedCalls(): void {
    for (const c of queuedCalls) {
      sentCalls.add(c.id);
      active.call(c.id, c.request);
    }
    queuedCalls = [];
  }

  function becameReady(): void {
    activeReady = true;
    const boot = boots.get(active);
    if (boot) deps.send({ type: 'booted', ...boot });
    boots.delete(active);
    for (const id of pendingResets) deps.send({ type: 'reset-done', id });
    pendingResets = [];
    sendQueuedCalls();
    if (current && !current.started) startCurrent();
    else if (!current) state('ready', 'Ready');
    if (!spare) {
      spare = deps.spawn(listener);
      spareReady = false;
    }
  }

  function startCurrent(): void {
    const run = current;
    if (!run) return;
    const safeMode = run.options.policy?.sandboxMode === true;
    if (safeMode && activeTainted) {
      deps.send({
        type: 'notice',
        level: 'warning',
        text:
          'Safe mode is on, but an earlier run in this interpreter ran without it and could have switched its checks off, ' +
          'so this run starts in a fresh interpreter. Variables from earlier runs are gone.',
      });
      replaceActive(); // the fresh interpreter starts this run once it is ready
      return;
    }
    if (!safeMode) activeTainted = true;
    run.started = true;
    run.startedAt = deps.now();
    state('running', 'Running');
    const target = active;
    memoryLimitMB = run.options.maxMemoryMB;
    active.run(run.id, run.code, run.options);
    if (run.options.debug) watchDebugGuard(run);
    watchMemory();
    if (!run.accepted) run.timers.push(deps.setTimer(() => current === run && active === target && !run.accepted && stuck(run), ACCEPT_MS));
    // Until the worker says the user's code has started, the run may still be
    // writing files or loading packages: that does not count against its limit.
    run.budgetMs = run.options.timeoutMs + PREPARE_ALLOWANCE_MS;
    armTimeout(run);
  }

  function startClock(run: CurrentRun): void {
    if (run.reason || run.timeoutTimer === null) return;
    deps.clearTimer(run.timeoutTimer);
    run.budgetMs = run.options.timeoutMs;
    armTimeout(run);
  }

  function armTimeout(run: CurrentRun): void {
    run.timerStartedAt = deps.now();
    run.timeoutTimer = deps.setTimer(() => interrupt('timeout'), Math.max(0, run.budgetMs));
  }

  function pauseClock(run: CurrentRun): void {
    if (run.timeoutTimer === null || run.reason) return;
    deps.clearTimer(run.timeoutTimer);
    run.timeoutTimer = null;
    run.budgetMs -= deps.now() - run.timerStartedAt;
  }

  // By default the time a program waits for its user does not count toward its timeout.
  function waitForInput(run: CurrentRun): void {
    run.waitingForInput = true;
    if (!run.options.inputCountsTowardTimeout) pauseClock(run);
    deps.send({ type: 'input-request', id: run.id });
    state('running', 'Waiting for input');
  }

  // Time spent paused in the debugger never counts toward the time limit.
  function debugPaused(run: CurrentRun, pause: Extract<WorkerToFrame, { type: 'debug-paused' }>['pause']): void {
    run.paused = true;
    pauseClock(run);
    deps.send({ type: 'debug-paused', id: run.id, pause });
    state('running', `Paused at ${pause.file}:${pause.line}`);
    sendDebug(run);
  }

  // While paused (or testing a condition) CPython traces nothing, so the debugger's own deadline cannot stop
  // a __repr__ or an expression that loops: the frame interrupts it from outside, when its deadline passed.
  function watchDebugGuard(run: CurrentRun): void {
    const target = active;
    const poll = (): void => {
      run.guardTimer = null;
      if (current !== run || active !== target || run.reason) return;
      target.expireDebugGuard(deps.wallClock?.() ?? Date.now());
      run.guardTimer = deps.setTimer(poll, GUARD_POLL_MS);
    };
    run.guardTimer = deps.setTimer(poll, GUARD_POLL_MS);
  }

  function answerDebug(id: number, command: DebugCommand, error: string): void {
    if (command.kind !== 'resume') deps.send({ type: 'debug-answer', id, requestId: command.requestId, answer: { ok: false, error } });
  }

  // The mailbox holds one command: the next goes when the worker has answered the one before.
  function sendDebug(run: CurrentRun): void {
    while (run.paused && run.debugInFlight === null && run.debugQueue.length > 0 && !run.reason) {
      const command = run.debugQueue.shift() as DebugCommand;
      if (!active.debug(command)) {
        answerDebug(run.id, command, 'That command is too large for the debugger.');
        continue;
      }
      if (command.kind !== 'resume') {
        run.debugInFlight = command.requestId;
        continue;
      }
      run.paused = false;
      for (const later of run.debugQueue.splice(0)) answerDebug(run.id, later, 'The program is running again.');
      if (run.timeoutTimer === null) armTimeout(run);
      state('running', 'Running');
    }
  }

  function giveInput(run: CurrentRun, text: string | null): void {
    if (!run.waitingForInput || run.reason) return;
    run.waitingForInput = false;
    active.writeStdin(text);
    if (run.timeoutTimer === null) armTimeout(run);
    state('running', 'Running');
  }

  function interrupt(reason: 'timeout' | 'stopped'): void {
    const run = current;
    if (!run || run.reason) return;
    run.reason = reason;
    if (!run.started) {
      finish(adjust(run, emptyResult(run, 'stopped')));
      return;
    }
    // Without shared memory nothing can reach a busy worker: ending it is the only way to stop the program.
    if (!active.canInterrupt) {
      endWithoutInterrupt(run);
      return;
    }
    active.interrupt();
    // Signal once more half-way through the grace: a program that caught the first
    // KeyboardInterrupt (or was between checks) gets a second chance to stop softly.
    const target = active;
    run.timers.push(deps.setTimer(() => current === run && active === target && target.interrupt(), graceMs / 2));
    run.timers.push(deps.setTimer(() => hardKill(run), graceMs));
  }

  // The worker did not even take the run: something an earlier run left (a callback in a busy loop) holds it.
  // The run has not started, so it starts again in a fresh interpreter.
  function stuck(run: CurrentRun): void {
    for (const t of run.timers) deps.clearTimer(t);
    if (run.timeoutTimer !== null) deps.clearTimer(run.timeoutTimer);
    Object.assign(run, { timers: [], timeoutTimer: null, started: false });
    deps.send({
      type: 'notice',
      level: 'warning',
      text: 'Python was still busy with work an earlier run left behind, so its interpreter was replaced. Variables from earlier runs are gone.',
    });
    replaceActive();
  }

  // The wasm heap has its own limit in the worker; memory a program holds through `js` (ArrayBuffers,
  // arrays) is outside it, so the browser's measurement of the worker is held against the same limit.
  function watchMemory(): void {
    const measure = deps.measureWorkerMemory;
    if (!measure) return;
    if (measuring) {
      measureAgain = true; // what the one in flight reports may predate what is asked about now
      return;
    }
    measuring = true;
    measureAgain = false;
    const target = active;
    const generation = ++measurement;
    const settled = (): boolean => {
      if (generation !== measurement || !measuring) return false; // given up on, or superseded
      deps.clearTimer(giveUp);
      measuring = false;
      return true;
    };
    // A measurement that covers a worker terminated meanwhile can stay pending for good: give up on it.
    const giveUp = deps.setTimer(() => {
      if (settled() && (current || measureAgain)) watchMemory();
    }, MEASURE_TIMEOUT_MS);
    measure().then(
      (sizes) => {
        if (!settled()) return;
        const bytes = sizes.get(target.url) ?? 0;
        // A measurement that began before the interpreter was replaced says nothing about the new one.
        if (active === target && memoryLimitMB !== null && bytes > memoryLimitMB * MB) overJsMemory(bytes, memoryLimitMB);
        else if (current || measureAgain) watchMemory();
      },
      () => void settled(),
    );
  }

  function overJsMemory(bytes: number, limitMB: number): void {
    const message =
      `JavaScript memory of ${Math.round(bytes / MB)} MB (objects made through the js module, outside Python's heap) ` +
      `passed the memory limit of ${limitMB} MB, so the interpreter was replaced. Variables from earlier runs are gone.`;
    const run = current;
    replaceActive();
    if (!run) {
      deps.send({ type: 'notice', level: 'warning', text: message });
      return;
    }
    run.reason = null;
    finish({ ...emptyResult(run, 'memory'), error: { type: 'MemoryError', message, traceback: '', line: null }, stateKept: false });
  }

  function endWithoutInterrupt(run: CurrentRun): void {
    replaceActive();
    deps.send({
      type: 'notice',
      level: 'warning',
      text:
        `The program was ${run.reason === 'timeout' ? 'stopped at its time limit' : 'stopped'} by replacing its interpreter: ` +
        'this browser gives the sandbox no SharedArrayBuffer, so a running program cannot be interrupted. Variables from earlier runs are gone.',
    });
    finish({ ...adjust(run, emptyResult(run, run.reason ?? 'stopped')), stateKept: false });
  }

  function hardKill(run: CurrentRun): void {
    if (current !== run) return;
    replaceActive();
    deps.send({
      type: 'notice',
      level: 'warning',
      text: `The program did not stop when interrupted, so its interpreter was replaced. Variables from earlier runs are gone.`,
    });
    finish({ ...adjust(run, emptyResult(run, run.reason ?? 'stopped')), stateKept: false });
  }

  function bootFailed(message: string): void {
    state('failed', `Python could not start: ${message}`);
    if (current) finish(crashResult(current, `Python could not start: ${message}`));
  }

  function crash(message: string): void {
    replaceActive();
    deps.send({
      type: 'notice',
      level: 'warning',
      text: 'Python crashed and a fresh interpreter was started. Variables from earlier runs are gone.',
    });
    if (current) finish(crashResult(current, message));
  }

  function replaceActive(): void {
    active.terminate();
    for (const id of sentCalls) {
      deps.send({ type: 'call-result', id, response: { ok: false, error: 'The interpreter was restarted before it answered.' } });
    }
    sentCalls.clear();
    phase = 'restarting';
    activeTainted = false;
    if (spare) {
      active = spare;
      activeReady = spareReady;
      spare = null;
    } else {
      active = deps.spawn(listener);
      activeReady = false;
    }
    if (activeReady) becameReady();
    else state('restarting', 'Restarting Python', 0);
  }

  function finish(result: ExecutionResult): void {
    const run = current;
    if (!run) return;
    for (const t of run.timers) deps.clearTimer(t);
    if (run.timeoutTimer !== null) deps.clearTimer(run.timeoutTimer);
    if (run.guardTimer !== null) deps.clearTimer(run.guardTimer);
    current = null;
    deps.send({ type: 'result', id: run.id, result });
    if (activeReady) state('ready', 'Ready');
    watchMemory(); // what the run left held counts too
  }

  // The worker's result is fitted to what the page accepts; one that cannot be (the program broke the
  // interpreter's reporting) ends the run with an error that says so, in a fresh interpreter.
  function finishChecked(run: CurrentRun, raw: unknown): void {
    const result = adjust(run, fitRunResult(raw));
    if (result.error?.type === 'ResultRefused') replaceActive();
    finish(result.error?.type === 'ResultRefused' ? { ...result, metrics: { ...result.metrics, outputChars: run.outputChars } } : result);
  }

  function adjust(run: CurrentRun, result: ExecutionResult): ExecutionResult {
    if (!run.reason) return result;
    const interrupted = result.error === null || INTERRUPTED.has(result.error.type);
    if (!interrupted) return result; // it failed in its own way while stopping
    return { ...result, success: false, status: run.reason };
  }

  function emptyResult(run: CurrentRun, status: ExecutionResult['status']): ExecutionResult {
    // Output is streamed to the page, which fills it into the result.
    const result = failedResult(status, null, true);
    return {
      ...result,
      metrics: { ...result.metrics, wallMs: run.started ? deps.now() - run.startedAt : 0, outputChars: run.outputChars },
    };
  }

  function crashResult(run: CurrentRun, message: string): ExecutionResult {
    return {
      ...emptyResult(run, 'crashed'),
      error: {
        type: 'InterpreterCrash',
        message:
          'Python itself crashed while running this program, most often from recursion deeper than the ' +
          `browser's stack allows or from breaking the interpreter's internals. A fresh interpreter was started. (${message})`,
        traceback: '',
        line: null,
      },
      stateKept: false,
    };
  }

  return {
    handle(msg) {
      switch (msg.type) {
        case 'run':
          if (current) {
            deps.send({ type: 'result', id: msg.id, result: { ...emptyResult({ ...blankRun(msg.id) }, 'error'), error: busyError() } });
            return;
          }
          current = { ...blankRun(msg.id), code: msg.code, options: msg.options };
          if (activeReady) startCurrent();
          else state('running', 'Waiting for Python to start');
          return;
        case 'stop':
          if (current && current.id === msg.id) interrupt('stopped');
          return;
        case 'stdin':
          if (current && current.id === msg.id) giveInput(current, msg.text);
          return;
        case 'debug':
          if (!current || current.id !== msg.id) answerDebug(msg.id, msg.command, 'That run has ended.');
          else if (!current.paused) answerDebug(msg.id, msg.command, 'The program is not paused.');
          else {
            current.debugQueue.push(msg.command);
            sendDebug(current);
          }
          return;
        case 'call':
          queuedCalls.push(msg);
          if (activeReady) sendQueuedCalls();
          return;
        case 'reset':
          if (current) {
            const run = current;
            run.reason = 'stopped';
            replaceActive();
            finish({ ...adjust(run, emptyResult(run, 'stopped')), stateKept: false });
          } else {
            replaceActive();
          }
          if (activeReady) deps.send({ type: 'reset-done', id: msg.id });
          else pendingResets.push(msg.id);
          return;
      }
    },
  };

  function blankRun(id: number): CurrentRun {
    return {
      id,
      code: '',
      options: { timeoutMs: 1, maxMemoryMB: 1, maxOutputChars: 1, filename: 'main.py' },
      startedAt: deps.now(),
      outputChars: 0,
      reason: null,
      timers: [],
      started: false,
      accepted: false,
      timeoutTimer: null,
      budgetMs: 0,
      timerStartedAt: 0,
      waitingForInput: false,
      paused: false,
      debugQueue: [],
      debugInFlight: null,
      guardTimer: null,
    };
  }
}

function busyError(): ExecutionResult['error'] {
  return { type: 'Busy', message: 'Another run is still going on; stop it first.', traceback: '', line: null };
}
