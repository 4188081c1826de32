import type { Breakpoint, DebugPause } from '../protocol/debug.ts';
import type { VariableRow } from '../protocol/variables.ts';
import { DEBUG_IDLE_MS, type DebugDriver, type DebugStop } from './debugDriver.ts';
import type { Engine } from './engine.ts';

/** What the driver needs from the engine. */
export type DebugDriverEngine = Pick<Engine, 'debug' | 'on' | 'resumeDebug' | 'inspectFrame' | 'stop'>;

/** Most output characters kept between two stops (the start and the end are kept). */
const MAX_OUTPUT_CHARS = 20_000;

const NOTHING_GOING = 'No debug run is going: start one with debug_python.';

/** Drives the engine's step debugger one call at a time (see {@link DebugDriver}). */
export function createDebugDriver(engine: DebugDriverEngine, options: { idleMs?: number } = {}): DebugDriver {
  const idleMs = options.idleMs ?? DEBUG_IDLE_MS;
  let run: { breakpoints: Breakpoint[]; pause: DebugPause | null } | null = null;
  // The call waiting for the next stop.
  let waiter: { resolve: (stop: DebugStop) => void; reject: (err: unknown) => void } | null = null;
  // A run that ended while no call waited (a pause left alone): the next call reports it.
  let unseen: Extract<DebugStop, { state: 'finished' }> | null = null;
  let note: string | null = null;
  let output = '';
  let idle: ReturnType<typeof setTimeout> | undefined;

  const takeOutput = (): string => {
    const text = output;
    output = '';
    if (text.length <= MAX_OUTPUT_CHARS) return text;
    const half = MAX_OUTPUT_CHARS / 2;
    return `${text.slice(0, half)}\n… [${text.length - MAX_OUTPUT_CHARS} characters left out] …\n${text.slice(-half)}`;
  };

  const deliver = (stop: DebugStop): void => {
    const w = waiter;
    waiter = null;
    if (w) w.resolve(stop);
    else if (stop.state === 'finished') unseen = stop;
  };

  const onPaused = (pause: DebugPause) => {
    if (!run) return;
    run.pause = pause;
    clearTimeout(idle);
    idle = setTimeout(() => {
      note = `The debug run was paused at ${pause.file}:${pause.line} for ${idleMs >= 60_000 ? `${Math.round(idleMs / 60_000)} minutes` : `${Math.round(idleMs / 1000)} s`} with nothing asked of it, so it was stopped.`;
      engine.stop();
    }, idleMs);
    deliver({ state: 'paused', pause, output: takeOutput() });
  };

  const nextStop = (): Promise<DebugStop> => new Promise((resolve, reject) => (waiter = { resolve, reject }));

  return {
    get active() {
      return run !== null;
    },
    async start(code, { breakpoints, test, stopOnFailure, ...runOptions }) {
      if (run) throw new Error('A debug run is already going: step it with debug_step, or end it with debug_stop.');
      unseen = null;
      note = null;
      output = '';
      const offPause = engine.on('paused', onPaused);
      const offOutput = engine.on('output', (chunks) => {
        if (run) output += chunks.map((c) => c.text).join('');
      });
      const next = nextStop();
      const done = engine.debug(code, {
        ...runOptions,
        breakpoints,
        ...(test ? { test } : {}),
        ...(stopOnFailure ? { stopOnFailure } : {}),
      });
      run = { breakpoints, pause: null };
      const end = () => {
        clearTimeout(idle);
        offPause();
        offOutput();
        run = null;
      };
      done.then(
        (result) => {
          // The result carries the whole run's output: what came since the last pause is not repeated.
          output = '';
          end();
          deliver({ state: 'finished', result, note });
        },
        (err: unknown) => {
          end();
          const w = waiter;
          waiter = null;
          w?.reject(err);
        },
      );
      return next;
    },
    async step(action) {
      if (!run) {
        const finished = unseen;
        unseen = null;
        if (finished) return finished;
        throw new Error(NOTHING_GOING);
      }
      if (!run.pause) throw new Error('The program is running, not paused: wait for its pause, or end it with debug_stop.');
      const next = nextStop();
      clearTimeout(idle);
      run.pause = null;
      if (!engine.resumeDebug(action, run.breakpoints)) throw new Error('The program is not paused.');
      return next;
    },
    async evaluate(expression, frame = 0): Promise<VariableRow> {
      if (!run) throw new Error(unseen?.note ?? NOTHING_GOING);
      if (!run.pause) throw new Error('The program is running, not paused: expressions are evaluated at a pause.');
      const frames = run.pause.frames.length;
      if (frame >= frames) throw new Error(`There are ${frames} frames (0 is the innermost): frame ${frame} does not exist.`);
      return (await engine.inspectFrame({ kind: 'evaluate', frame, expression })) as VariableRow;
    },
    async stop() {
      if (!run) {
        const finished = unseen;
        unseen = null;
        return finished;
      }
      const next = nextStop();
      note = 'Stopped with debug_stop.';
      engine.stop();
      return next;
    },
  };
}
