import { runLimits } from '../config/runLimits.ts';
import { describeResult } from './describeResult.ts';
import type { RunSlice, SliceCreator } from './types.ts';

/** Run slice: runs the editor's code through the engine and reports the result in the console. */
export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  running: false,
  runCount: 0,
  lastResult: null,
  async runCode(extra = {}) {
    const { engine, settings, running, autoLoadPackages, stdinEnabled, stdinText, inputCountsTowardTimeout } = get();
    if (!engine || running) return null;
    // A past run's code (history) runs as it was.
    // Format on run: a file that does not parse runs as it is (the run says what is wrong).
    if (extra.code === undefined && settings.formatOnRun) await get().formatCode({ quiet: true });
    const code = extra.code ?? get().code;
    set({ running: true });
    get().showPanel('console');
    try {
      const runOptions = {
        ...runLimits(settings),
        autoLoadPackages,
        // The project's files go into the working folder; the active file runs as __main__.
        files: get().files,
        filename: extra.filename ?? get().activePath,
        ...(extra.profile ? { profile: true, tracePythonMemory: true } : {}),
        ...(stdinEnabled ? { stdin: stdinText } : {}),
        ...(inputCountsTowardTimeout ? { inputCountsTowardTimeout } : {}),
      };
      const result = extra.debug ? await engine.debug(code, { ...runOptions, ...extra.debug }) : await engine.execute(code, runOptions);
      const { appendEntry } = get();
      // A value with a rich form (a table, an image) already showed as a display.
      if (result.value !== null && result.displays.at(-1)?.kind !== 'result') appendEntry('value', result.value);
      if (result.error && (result.status === 'error' || result.status === 'security'))
        appendEntry('error', result.error.traceback || `${result.error.type}: ${result.error.message}`);
      const note = describeResult(result, settings);
      if (note) appendEntry('notice', note);
      set((s) => ({ lastResult: result, runCount: s.runCount + 1 }));
      return result;
    } finally {
      const { awaitingInput, inputDraft, appendEntry } = get();
      // A line typed but not sent when the run ended (Stop, timeout) is not lost: the next prompt offers it.
      if (awaitingInput && inputDraft)
        appendEntry('notice', `The input you had typed but not sent ("${inputDraft.slice(0, 200)}") is kept for the next prompt.`);
      set({ running: false });
      get().setAwaitingInput(false);
    }
  },
  stopRun() {
    get().engine?.stop();
  },
  setRunning(running) {
    set({ running });
  },
  countRuns(last, count) {
    set((s) => ({ lastResult: last ?? s.lastResult, runCount: s.runCount + count }));
  },
  resetRunForSession() {
    set({ lastResult: null });
  },
  async resetInterpreter() {
    const { engine, appendEntry } = get();
    if (!engine) return;
    await engine.reset();
    get().namespaceChanged(true);
    appendEntry('notice', 'Started a fresh interpreter: variables from earlier runs are gone.');
  },
});
