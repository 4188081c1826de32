import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';
import type { FrameDeps } from './frameDeps.ts';

/**
 * A place for one interpreter the frame owns (the supervisor's active and spare, each of the test pool's):
 * filled on demand, emptied (its worker terminated) when the interpreter fails, is killed or is replaced.
 */
export interface WorkerSlot {
  /** The interpreter in the slot, or null when it is empty. */
  readonly handle: WorkerHandle | null;
  /** The interpreter in the slot, started first if the slot is empty. */
  fill(): WorkerHandle;
  /** Terminates the slot's interpreter, if any: the slot is empty. */
  empty(): void;
  /** Ends this slot's interpreter and moves `other`'s into it; `other` is left empty. */
  take(other: WorkerSlot): void;
  /** Lets go of the interpreter without ending it (it moves to another slot) and returns it; the slot is empty. */
  release(): WorkerHandle | null;
  /** True when `handle` is this slot's interpreter (a terminated one's late messages are not). */
  holds(handle: WorkerHandle): boolean;
}

/** What the interpreter said about its own failure (`boot-failed` or `fatal`), or null for any other message. */
export function failureOf(msg: WorkerToFrame): string | null {
  if (msg.type === 'boot-failed') return `Python could not start: ${msg.message}`;
  if (msg.type === 'fatal') return `The interpreter crashed (${msg.message}).`;
  return null;
}

/** Creates an empty slot whose interpreters' messages go to `listener`. */
export function createWorkerSlot(spawn: FrameDeps['spawn'], listener: WorkerListener): WorkerSlot {
  let handle: WorkerHandle | null = null;
  return {
    get handle() {
      return handle;
    },
    fill() {
      handle ??= spawn(listener);
      return handle;
    },
    empty() {
      handle?.terminate();
      handle = null;
    },
    take(other) {
      const moved = other.release();
      handle?.terminate();
      handle = moved;
    },
    release() {
      const released = handle;
      handle = null;
      return released;
    },
    holds(h) {
      return h === handle;
    },
  };
}
