import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { RunOptions } from '../protocol/results.ts';
import type { RunClock } from './createRunClock.ts';
import type { DebugMailbox } from './createDebugMailbox.ts';
import type { StopReason } from './runResults.ts';

/**
 * Where the supervisor's current run is:
 * - `waiting`: for a ready interpreter (or, after a stuck or tainted one, for its replacement);
 * - `sent`: given to the worker, which has not said it took it;
 * - `preparing`: taken (files, packages), the user's code not started;
 * - `running`, `input` (waiting for a line), `paused` (at a breakpoint);
 * - `stopping`: interrupted for `reason`, waiting for it to end or be killed.
 */
export type RunPhase = 'waiting' | 'sent' | 'preparing' | 'running' | 'input' | 'paused' | 'stopping';

/** The run the supervisor is responsible for. */
export interface SupervisorRun {
  id: number;
  code: string;
  options: RunOptions;
  phase: RunPhase;
  /** Why it is stopping (set with the `stopping` phase). */
  reason: StopReason | null;
  /** When it was sent to the worker; null while waiting. */
  startedAt: number | null;
  /** Characters of output and rich output it sent so far. */
  outputChars: number;
  clock: RunClock;
  /** The debug run's command mailbox (debug runs only, once sent). */
  mailbox: DebugMailbox | null;
}

/** A run the page asked for, waiting for an interpreter. */
export function newSupervisorRun(msg: Extract<PageToFrame, { type: 'run' }>, clock: RunClock): SupervisorRun {
  return {
    id: msg.id,
    code: msg.code,
    options: msg.options,
    phase: 'waiting',
    reason: null,
    startedAt: null,
    outputChars: 0,
    clock,
    mailbox: null,
  };
}
