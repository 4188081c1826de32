import { describeResult } from './describeResult.ts';
import type { RunSlice, SliceCreator } from './types.ts';

/** Run slice: runs the editor's code through the engine and reports the result in the console. */
export const createRunSlice =
  (beforeRun: (code: string) => void = () => undefined): SliceCreator<RunSlice> =>
  (set, get) => ({
    running: false,
    runCount: 0,
    lastResult: null,
    async runCode() {
      const { engine, code, settings, running, autoLoadPackages } = get();
      if (!engine || running) return null;
      beforeRun(code);
      set({ running: true });
      try {
        const result = await engine.execute(code, {
          timeoutMs: Math.round(settings.timeoutSeconds * 1000),
          maxMemoryMB: settings.maxMemoryMB,
          maxOutputChars: settings.maxOutputChars,
          autoLoadPackages,
        });
        const { appendEntry } = get();
        if (result.value !== null) appendEntry('value', result.value);
        if (result.error && result.status === 'error') appendEntry('error', result.error.traceback || `${result.error.type}: ${result.error.message}`);
        const note = describeResult(result, settings);
        if (note) appendEntry('notice', note);
        set((s) => ({ lastResult: result, runCount: s.runCount + 1 }));
        return result;
      } finally {
        set({ running: false });
      }
    },
    stopRun() {
      get().engine?.stop();
    },
    async resetInterpreter() {
      const { engine, appendEntry } = get();
      if (!engine) return;
      await engine.reset();
      appendEntry('notice', 'Started a fresh interpreter: variables from earlier runs are gone.');
    },
  });
