import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';
import type { FrameDeps } from './frameDeps.ts';
import { createWorkerSlot, failureOf } from './createWorkerSlot.ts';

/** How an interpreter started (told to the page when it starts serving runs). */
export interface BootReport {
  boot: 'snapshot' | 'normal';
  /** Why the snapshot given could not be used, if it could not. */
  problem: string | null;
}

/** The interpreter that serves runs and a booted spare that takes its place at once. */
export interface InterpreterSlots {
  readonly active: WorkerHandle;
  /** The active interpreter has said it is ready. */
  readonly ready: boolean;
  /**
   * The active interpreter ran code without safe mode: it could have switched safe mode's own checks off, so a
   * later safe-mode run must not trust it. Cleared by {@link replace}.
   */
  tainted: boolean;
  /** The active interpreter said it is ready: how it booted; a spare starts booting if there is none. */
  becameReady(): BootReport | null;
  /** Ends the active interpreter; the spare (booted or still booting) or a new one takes its place. True when it is ready. */
  replace(): boolean;
}

/**
 * Creates the slots. Messages of the active interpreter go to `onActive` (its 'ready' too: answer it with
 * {@link InterpreterSlots.becameReady}); the spare's are handled here: a spare that fails is dropped. With
 * `spare: false` no spare is kept: each replacement boots when it is needed, and an idle session holds one
 * interpreter's memory instead of two.
 */
export function createInterpreterSlots(
  spawn: FrameDeps['spawn'],
  onActive: (msg: WorkerToFrame) => void,
  options: { spare: boolean } = { spare: true },
): InterpreterSlots {
  let spareReady = false;
  let activeReady = false;
  let tainted = false;
  const boots = new Map<WorkerHandle, BootReport>();

  const listener: WorkerListener = (handle, msg) => {
    if (msg.type === 'ready') boots.set(handle, { boot: msg.boot ?? 'normal', problem: msg.snapshotProblem ?? null });
    if (spare.holds(handle)) {
      if (msg.type === 'ready') spareReady = true;
      if (failureOf(msg)) spare.empty();
    } else if (active.holds(handle)) onActive(msg);
  };
  const active = createWorkerSlot(spawn, listener);
  const spare = createWorkerSlot(spawn, listener);
  active.fill();

  return {
    get active() {
      return active.fill();
    },
    get ready() {
      return activeReady;
    },
    get tainted() {
      return tainted;
    },
    set tainted(value: boolean) {
      tainted = value;
    },
    becameReady() {
      activeReady = true;
      const boot = boots.get(active.fill()) ?? null;
      boots.delete(active.fill());
      if (options.spare && !spare.handle) {
        spare.fill();
        spareReady = false;
      }
      return boot;
    },
    replace() {
      const ended = active.fill();
      boots.delete(ended);
      tainted = false;
      activeReady = spare.handle ? spareReady : false;
      active.take(spare);
      active.fill();
      return activeReady;
    },
  };
}
