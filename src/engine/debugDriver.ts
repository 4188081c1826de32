import type { Breakpoint, DebugPause, ResumeAction } from '../protocol/debug.ts';
import type { ExecutionResult, RunOptions } from '../protocol/results.ts';
import type { VariableRow } from '../protocol/variables.ts';

/** How long a pause may be left alone before the debug run is stopped, in milliseconds. */
export const DEBUG_IDLE_MS = 5 * 60_000;

/** Where a debug run stands after a call: paused at a line, or finished with its result. */
export type DebugStop =
  | {
      state: 'paused';
      pause: DebugPause;
      /** What the program printed since the last stop (stdout and stderr, in order). */
      output: string;
    }
  | {
      state: 'finished';
      result: ExecutionResult;
      /** Why it ended other than by itself (a pause left alone, debug_stop), or null. */
      note: string | null;
    };

/** What a debug run is given: the run's options, its breakpoints, and optionally a pytest node id to run instead of code. */
export type DebugStart = Partial<RunOptions> & { breakpoints: Breakpoint[]; test?: string; stopOnFailure?: boolean };

/**
 * A debug run driven one call at a time, as an agent drives it: each call returns the next pause or the
 * result. One debug run at a time; a pause left alone for {@link DEBUG_IDLE_MS} is stopped, with a note.
 */
export interface DebugDriver {
  /** True while a debug run is going (paused or running between pauses). */
  readonly active: boolean;
  /** Starts a debug run and returns its first pause, or its result when nothing stopped it. */
  start(code: string, options: DebugStart): Promise<DebugStop>;
  /** The paused run goes on (`continue`, `step-over`, `step-into`, `step-out`); returns the next pause or the result. */
  step(action: ResumeAction): Promise<DebugStop>;
  /** Evaluates an expression (or runs a statement) in a frame of the pause (0, the default, is the innermost). */
  evaluate(expression: string, frame?: number): Promise<VariableRow>;
  /** Stops the debug run and returns its result; null when none was going. */
  stop(): Promise<DebugStop | null>;
}
