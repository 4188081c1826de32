import { transferOf } from '../protocol/transferOf.ts';
import type { EngineState, ExecutionResult } from '../protocol/results.ts';
import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import { ACCEPT_MS, DEFAULT_GRACE_MS, PREPARE_ALLOWANCE_MS } from '../protocol/runAllowances.ts';
import type { WorkerMemory } from './measureWorkerMemory.ts';
import type { FrameDeps } from './frameDeps.ts';
import { fitRunResult } from './fitRunResult.ts';
import { createInterpreterSlots } from './createInterpreterSlots.ts';
import { createRunClock } from './createRunClock.ts';
import { createDebugMailbox, refuseDebugCommand } from './createDebugMailbox.ts';
import { createMemoryWatch } from './createMemoryWatch.ts';
import { interruptThenKill } from './interruptThenKill.ts';
import { replacedNotice } from './replacedNotice.ts';
import { createCallRelay } from './createCallRelay.ts';
import { newSupervisorRun, type SupervisorRun } from './supervisorRun.ts';
import { handleRunMessage } from './handleRunMessage.ts';
import { busyResult, crashResult, emptyResult, withStopReason, type StopReason } from './runResults.ts';

export { ACCEPT_MS, DEFAULT_GRACE_MS, PREPARE_ALLOWANCE_MS };

/** What the supervisor needs from its surroundings (injected so tests can drive time). */
export interface SupervisorDeps extends FrameDeps {
  /** Milliseconds since the epoch, as the worker's Date.now() (the debugger's guard deadlines); default Date.now. */
  wallClock?: () => number;
  /** The browser's measurement of workers' JavaScript memory, where it has one (see measureWorkerMemory.ts). */
  measureWorkerMemory?: (() => Promise<WorkerMemory>) | null;
  /** Keep a booted spare interpreter (default true); without one a replacement boots when it is needed. */
  spareInterpreter?: boolean;
}

/** Handles the page's commands for the frame. */
export interface Supervisor {
  handle(msg: PageToFrame): void;
}

/**
 * Owns the active interpreter and (unless told not to) a booted spare. Enforces the run's time limit:
 * a soft interrupt first, then, after a grace period, a hard kill that swaps in
 * the spare. Replaces the interpreter after a fatal error.
 */
export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  let phase: 'starting' | 'restarting' = 'starting';
  let current: SupervisorRun | null = null;
  let pendingResets: number[] = [];
  const calls = createCallRelay(deps.send);

  const state = (s: EngineState, detail: string, progress: number | null = null): void =>
    deps.send({ type: 'state', state: s, detail, progress });
  const ofCurrent = (id: number): SupervisorRun | null => (current && current.id === id ? current : null);
  // Made once: output messages are the hottest path through the frame.
  const runContext = { send: deps.send, state, finish: (run: SupervisorRun, raw: unknown) => finishChecked(run, raw) };

  const slots = createInterpreterSlots(deps.spawn, (msg) => onActive(msg), { spare: deps.spareInterpreter ?? true });
  const measure = deps.measureWorkerMemory;
  const memory = measure
    ? createMemoryWatch({
        ...deps,
        measure,
        active: () => slots.active,
        running: () => current !== null,
        onOver: (_, bytes, limitMB) => overJsMemory(bytes, limitMB),
      })
    : null;
  state('starting', 'Starting Python', 0);

  function onActive(msg: WorkerToFrame): void {
    switch (msg.type) {
      case 'progress':
        if (!slots.ready) state(phase, msg.detail, msg.progress);
        return;
      case 'ready':
        becameReady();
        return;
      case 'boot-failed':
        bootFailed(msg.message);
        return;
      case 'fatal':
        // A worker that dies before it is ready would die again: starting another would loop forever.
        if (slots.ready) crash(msg.message);
        else bootFailed(`the Python worker failed: ${msg.message}`);
        return;
      case 'call-result':
        calls.answered(msg.id, msg.response);
        return;
      case 'notice':
        deps.send({ type: 'notice', level: msg.level, text: msg.text });
        return;
      case 'files-changed':
        deps.send({ type: 'files-changed', changes: msg.changes }, transferOf(msg.changes));
        return;
      case 'download':
        deps.send({ type: 'download', tick: msg.tick });
        return;
    }
    if ('id' in msg && msg.id !== null) {
      const run = ofCurrent(msg.id);
      if (run) handleRunMessage(run, msg, runContext);
    }
  }

  function becameReady(): void {
    const boot = slots.becameReady();
    if (boot) deps.send({ type: 'booted', ...boot });
    for (const id of pendingResets) deps.send({ type: 'reset-done', id });
    pendingResets = [];
    calls.sendWaiting(slots.active);
    if (current?.phase === 'waiting') startCurrent(current);
    else if (!current) state('ready', 'Ready');
  }

  function startCurrent(run: SupervisorRun): void {
    const safeMode = run.options.policy?.sandboxMode === true;
    if (safeMode && slots.tainted) {
      // A run without safe mode could have switched safe mode's checks off in this interpreter.
      deps.send(
        replacedNotice(
          'Safe mode is on, but an earlier run in this interpreter ran without it and could have switched its checks off, so this run starts in a fresh interpreter.',
        ),
      );
      replaceActive(); // the fresh interpreter starts this run once it is ready
      return;
    }
    if (!safeMode) slots.tainted = true;
    run.phase = 'sent';
    run.startedAt = deps.now();
    state('running', 'Running');
    const target = slots.active;
    memory?.setLimit(run.options.maxMemoryMB);
    target.run(run.id, run.code, run.options);
    if (run.options.debug) {
      run.mailbox = createDebugMailbox(run.id, {
        ...deps,
        worker: target,
        wallClock: deps.wallClock ?? (() => Date.now()),
        isPaused: () => run.phase === 'paused',
        isCurrent: () => current === run && slots.active === target && run.phase !== 'stopping',
        resumed: () => {
          run.phase = 'running';
          run.clock.resume();
          state('running', 'Running');
        },
      });
    }
    memory?.watch();
    run.clock.later(() => current === run && slots.active === target && run.phase === 'sent' && stuck(run), ACCEPT_MS);
    run.clock.begin();
  }

  function giveInput(run: SupervisorRun, text: string | null): void {
    if (run.phase !== 'input') return;
    run.phase = 'running';
    slots.active.writeStdin(text);
    run.clock.resume();
    state('running', 'Running');
  }

  function interrupt(reason: StopReason): void {
    const run = current;
    if (!run || run.phase === 'stopping') return;
    const wasWaiting = run.phase === 'waiting';
    run.phase = 'stopping';
    run.reason = reason;
    if (wasWaiting) {
      finish(withStopReason(emptyResult('stopped', run, deps.now()), reason));
      return;
    }
    // Without shared memory nothing can reach a busy worker: ending it is the only way to stop the program.
    if (!slots.active.canInterrupt) {
      const how = reason === 'timeout' ? 'stopped at its time limit' : 'stopped';
      endByReplacing(
        run,
        `The program was ${how} by replacing its interpreter: this browser gives the sandbox no SharedArrayBuffer, so a running program cannot be interrupted.`,
      );
      return;
    }
    const target = slots.active;
    interruptThenKill(run.clock.later, graceMs, {
      interrupt: () => target.interrupt(),
      stillBusy: () => current === run && slots.active === target,
      kill: () => endByReplacing(run, 'The program did not stop when interrupted, so its interpreter was replaced.'),
    });
  }

  // The worker did not even take the run: something an earlier run left (a callback in a busy loop) holds it.
  // The run has not started, so it starts again in a fresh interpreter.
  function stuck(run: SupervisorRun): void {
    run.clock.clear();
    run.mailbox?.close();
    run.mailbox = null;
    run.phase = 'waiting';
    run.startedAt = null;
    deps.send(replacedNotice('Python was still busy with work an earlier run left behind, so its interpreter was replaced.'));
    replaceActive();
  }

  function overJsMemory(bytes: number, limitMB: number): void {
    const why =
      `JavaScript memory of ${Math.round(bytes / 2 ** 20)} MB (objects made through the js module, outside Python's heap) ` +
      `passed the memory limit of ${limitMB} MB, so the interpreter was replaced.`;
    const run = current;
    replaceActive();
    const notice = replacedNotice(why);
    if (!run) {
      deps.send(notice);
      return;
    }
    const error = { type: 'MemoryError', message: notice.text, traceback: '', line: null };
    finish({ ...emptyResult('memory', run, deps.now()), error, stateKept: false });
  }

  // The run ends by replacing its interpreter (its variables go with it), with the reason in the console.
  function endByReplacing(run: SupervisorRun, why: string): void {
    replaceActive();
    deps.send(replacedNotice(why));
    finish({ ...withStopReason(emptyResult(run.reason ?? 'stopped', run, deps.now()), run.reason), stateKept: false });
  }

  function bootFailed(message: string): void {
    state('failed', `Python could not start: ${message}`);
    if (current) finish(crashResult(emptyResult('crashed', current, deps.now()), `Python could not start: ${message}`));
  }

  function crash(message: string): void {
    replaceActive();
    deps.send(replacedNotice('Python crashed and a fresh interpreter was started.'));
    if (current) finish(crashResult(emptyResult('crashed', current, deps.now()), message));
  }

  function replaceActive(): void {
    calls.interpreterReplaced();
    phase = 'restarting';
    if (slots.replace()) becameReady();
    else state('restarting', 'Restarting Python', 0);
  }

  function finish(result: ExecutionResult): void {
    const run = current;
    if (!run) return;
    run.clock.clear();
    run.mailbox?.close();
    current = null;
    deps.send({ type: 'result', id: run.id, result });
    if (slots.ready) state('ready', 'Ready');
    memory?.watch(); // what the run left held counts too
  }

  // The worker's result is fitted to what the page accepts; one that cannot be (the program broke the
  // interpreter's reporting) ends the run with an error that says so, in a fresh interpreter.
  function finishChecked(run: SupervisorRun, raw: unknown): void {
    const result = withStopReason(fitRunResult(raw), run.reason);
    if (result.error?.type !== 'ResultRefused') {
      finish(result);
      return;
    }
    replaceActive();
    finish({ ...result, metrics: { ...result.metrics, outputChars: run.outputChars } });
  }

  function reset(id: number): void {
    const run = current;
    if (run) {
      run.phase = 'stopping';
      run.reason = 'stopped';
      replaceActive();
      finish({ ...withStopReason(emptyResult('stopped', run, deps.now()), 'stopped'), stateKept: false });
    } else {
      replaceActive();
    }
    if (slots.ready) deps.send({ type: 'reset-done', id });
    else pendingResets.push(id);
  }

  return {
    handle(msg) {
      switch (msg.type) {
        case 'run': {
          if (current) {
            deps.send({ type: 'result', id: msg.id, result: busyResult() });
            return;
          }
          const run = newSupervisorRun(
            msg,
            createRunClock(deps, msg.options.timeoutMs, () => interrupt('timeout')),
          );
          current = run;
          if (slots.ready) startCurrent(run);
          else state('running', 'Waiting for Python to start');
          return;
        }
        case 'stop':
          if (ofCurrent(msg.id)) interrupt('stopped');
          return;
        case 'stdin': {
          const run = ofCurrent(msg.id);
          if (run) giveInput(run, msg.text);
          return;
        }
        case 'debug': {
          const run = ofCurrent(msg.id);
          if (!run) refuseDebugCommand(deps.send, msg.id, msg.command, 'That run has ended.');
          else if (run.phase !== 'paused' || !run.mailbox) refuseDebugCommand(deps.send, msg.id, msg.command, 'The program is not paused.');
          else run.mailbox.enqueue(msg.command);
          return;
        }
        case 'call':
          calls.accept(msg, slots.ready ? slots.active : null);
          return;
        case 'reset':
          reset(msg.id);
          return;
      }
    },
  };
}
