import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { RunOptions } from '../protocol/results.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import { createSupervisor, type SupervisorDeps } from '../frame/createSupervisor.ts';
import type { WorkerHandle } from '../frame/createWorkerHandle.ts';
import type { DebugCommand } from '../protocol/debug.ts';
import { createFakeClock } from './createFakeClock.ts';

/** A worker the tests drive by hand: it records what the supervisor asks of it and says what a real one would. */
export interface FakeWorker extends WorkerHandle {
  runs: Array<{ id: number; code: string }>;
  interrupts: number;
  terminated: boolean;
  stdin: Array<string | null>;
  /** Debug commands handed to the worker's mailbox. */
  debugCommands: DebugCommand[];
  /** Guarded debugger calls the supervisor interrupted. */
  debugTimeouts: number;
  /** The guard deadline the worker set (0: none), on the fake clock. */
  guardDeadline: number;
  /** While true the worker takes runs without a word, like one kept busy by work an earlier run left. */
  busy: boolean;
  say(msg: WorkerToFrame): void;
}

/** Run options for supervisor tests: a 1 s limit. */
export const FAKE_RUN_OPTIONS: RunOptions = { timeoutMs: 1000, maxMemoryMB: 512, maxOutputChars: 10_000, filename: 'main.py' };

/** A supervisor over fake workers and a fake clock (`advance` runs the timers that fall due); grace 500 ms. */
export function createFakeSupervisor(
  extra: Partial<Pick<SupervisorDeps, 'measureWorkerMemory' | 'spareInterpreter'>> = {},
  /** False: workers as in a browser without SharedArrayBuffer (no soft interrupt). */
  canInterrupt = true,
) {
  const clock = createFakeClock();
  const workers: FakeWorker[] = [];
  const sent: FrameToPage[] = [];
  const sup = createSupervisor({
    spawn(listener) {
      const w: FakeWorker = {
        ready: Promise.resolve(),
        url: `blob:fake/${workers.length}`,
        canInterrupt,
        runs: [],
        interrupts: 0,
        terminated: false,
        stdin: [],
        debugCommands: [],
        debugTimeouts: 0,
        guardDeadline: 0,
        busy: false,
        writeStdin: (text) => void w.stdin.push(text),
        debug: (command) => (w.debugCommands.push(command), true),
        expireDebugGuard: (now) => now >= w.guardDeadline && w.guardDeadline > 0 && ((w.guardDeadline = 0), w.debugTimeouts++, true),
        run: (id, code) => {
          w.runs.push({ id, code });
          if (!w.busy) listener(w, { type: 'accepted', id });
        },
        interrupt: () => void w.interrupts++,
        call: () => undefined, // replaced by tests that need it
        language: () => undefined, // language requests go to the language host
        tests: () => undefined, // test runs go to the test pool, not the supervisor
        terminate: () => void (w.terminated = true),
        say: (msg) => listener(w, msg),
      };
      workers.push(w);
      return w;
    },
    send: (m) => sent.push(m),
    now: clock.now,
    wallClock: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    graceMs: 500,
    ...extra,
  });
  const advance = clock.advance;
  const results = () => sent.flatMap((m) => (m.type === 'result' ? [m] : []));
  const states = () => sent.flatMap((m) => (m.type === 'state' ? [m.state] : []));
  return { sup, workers, sent, advance, results, states };
}
