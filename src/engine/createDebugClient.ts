import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { Breakpoint, DebugAnswer, DebugPause, ResumeAction } from '../protocol/debug.ts';
import type { FrameQuery } from './engine.ts';
import type { VariableRow, VariablesPage } from '../protocol/variables.ts';

/** What the debug client needs from the engine. */
export interface DebugClientDeps {
  post(msg: PageToFrame): void;
  nextId(): number;
  /** The run in progress, if any. */
  currentRun(): number | null;
  /** The page's watchdog must not take a paused run for a silent frame. */
  pauseWatch(runId: number): void;
  resumeWatch(runId: number): void;
  onPaused(pause: DebugPause, runId: number): void;
}

/** The engine's side of the step debugger: pauses in, commands out, answers matched by request id. */
export interface DebugClient {
  /** The frame says the run stopped at a line. */
  paused(runId: number, pause: DebugPause): void;
  /** The frame's answer to a request. */
  answer(requestId: number, answer: DebugAnswer): void;
  /** The paused run goes on; `breakpoints` replace the run's. False when no run is paused. */
  resume(action: ResumeAction, breakpoints: Breakpoint[]): boolean;
  /** Asks the paused run for a page of a frame's names, or evaluates an expression in a frame. */
  query(query: FrameQuery): Promise<VariablesPage | VariableRow>;
  /** The run ended (or the frame was replaced): what is pending ends with `reason`. */
  ended(reason: string): void;
  /** The run paused now, or null. */
  readonly pausedRun: number | null;
}

/** Creates the engine's debug client. */
export function createDebugClient(deps: DebugClientDeps): DebugClient {
  let pausedRun: number | null = null;
  const pending = new Map<number, { resolve: (v: VariablesPage | VariableRow) => void; reject: (e: Error) => void }>();

  const ended = (reason: string): void => {
    pausedRun = null;
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };

  return {
    get pausedRun() {
      return pausedRun;
    },
    paused(runId, pause) {
      if (runId !== deps.currentRun()) return;
      pausedRun = runId;
      deps.pauseWatch(runId);
      deps.onPaused(pause, runId);
    },
    answer(requestId, answer) {
      const waiting = pending.get(requestId);
      if (!waiting) return;
      pending.delete(requestId);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.error));
    },
    resume(action, breakpoints) {
      const id = pausedRun;
      if (id === null) return false;
      ended('The program is running again.');
      deps.resumeWatch(id);
      deps.post({ type: 'debug', id, command: { kind: 'resume', action, breakpoints } });
      return true;
    },
    query(query) {
      const id = pausedRun;
      if (id === null) return Promise.reject(new Error('The program is not paused.'));
      const requestId = deps.nextId();
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        deps.post({ type: 'debug', id, command: { ...query, requestId } });
      });
    },
    ended,
  };
}
