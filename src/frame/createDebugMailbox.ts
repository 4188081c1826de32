import { GUARD_POLL_MS, type DebugCommand } from '../protocol/debug.ts';
import type { WorkerHandle } from './createWorkerHandle.ts';
import type { FrameDeps } from './frameDeps.ts';

/** What a debug run's mailbox needs from the supervisor. */
export interface DebugMailboxDeps extends Pick<FrameDeps, 'send' | 'setTimer' | 'clearTimer'> {
  /** The interpreter running the debug run. */
  worker: WorkerHandle;
  /** Milliseconds since the epoch, as the worker's Date.now(). */
  wallClock(): number;
  /** The run is paused at a line (and not stopping). */
  isPaused(): boolean;
  /** A resume command went to the worker: the program runs again. */
  resumed(): void;
  /** The run is still the current one on this interpreter (the guard stops polling otherwise). */
  isCurrent(): boolean;
}

/** The page's debug commands for one paused run, handed to the worker's mailbox one at a time. */
export interface DebugMailbox {
  /** A command from the page: queued, and sent when the mailbox is free. */
  enqueue(command: DebugCommand): void;
  /** The worker answered request `requestId`; true when it was the one in flight (pass it on, then {@link flush}). */
  answered(requestId: number): boolean;
  /** Sends what waits, one request at a time, while the run is paused. */
  flush(): void;
  /** Stops watching the guard (the run ended). */
  close(): void;
}

/** Answers a command that will not reach the worker (a resume needs no answer). */
export function refuseDebugCommand(send: FrameDeps['send'], id: number, command: DebugCommand, error: string): void {
  if (command.kind !== 'resume') send({ type: 'debug-answer', id, requestId: command.requestId, answer: { ok: false, error } });
}

/**
 * Creates the mailbox of debug run `id`. While paused (or testing a condition) CPython traces nothing, so the
 * debugger's own deadline cannot stop a `__repr__` or an expression that loops: the mailbox polls the guard's
 * deadline and interrupts the guarded call from outside once it has passed.
 */
export function createDebugMailbox(id: number, deps: DebugMailboxDeps): DebugMailbox {
  const queue: DebugCommand[] = [];
  let inFlight: number | null = null;
  let guardTimer: unknown = null;

  const poll = (): void => {
    guardTimer = null;
    if (!deps.isCurrent()) return;
    deps.worker.expireDebugGuard(deps.wallClock());
    guardTimer = deps.setTimer(poll, GUARD_POLL_MS);
  };
  guardTimer = deps.setTimer(poll, GUARD_POLL_MS);

  // The mailbox holds one command: the next goes when the worker has answered the one before.
  const flush = (): void => {
    while (deps.isPaused() && inFlight === null) {
      const command = queue.shift();
      if (!command) return;
      if (!deps.worker.debug(command)) {
        refuseDebugCommand(deps.send, id, command, 'That command is too large for the debugger.');
        continue;
      }
      if (command.kind !== 'resume') {
        inFlight = command.requestId;
        continue;
      }
      for (const later of queue.splice(0)) refuseDebugCommand(deps.send, id, later, 'The program is running again.');
      deps.resumed();
    }
  };

  return {
    enqueue(command) {
      queue.push(command);
      flush();
    },
    answered(requestId) {
      if (inFlight !== requestId) return false;
      inFlight = null;
      return true;
    },
    flush,
    close() {
      if (guardTimer !== null) deps.clearTimer(guardTimer);
      guardTimer = null;
    },
  };
}
