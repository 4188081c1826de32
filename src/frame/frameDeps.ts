import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';

/** What the frame's interpreter owners (the supervisor, the test pool) need from their surroundings; injected so tests drive time. */
export interface FrameDeps {
  spawn: (listener: WorkerListener) => WorkerHandle;
  /** Posts to the page; `transfer` hands buffers over instead of copying them (a change set's bytes). */
  send: (msg: FrameToPage, transfer?: Transferable[]) => void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** How long an interrupted program has to stop before its interpreter is killed (default DEFAULT_GRACE_MS). */
  graceMs?: number;
  /** The machine's cores, for "auto" test runs (default `navigator.hardwareConcurrency`). */
  cores?: number;
}
