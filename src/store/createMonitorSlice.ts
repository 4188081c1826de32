import { runLimits } from '../config/runLimits.ts';
import type { ExecutionResult, RunOptions } from '../protocol/results.ts';
import { parseProfile } from '../runs/parseProfile.ts';
import { toExecutionMetrics } from '../runs/seedMetrics.ts';
import { describeBatch } from '../runs/summarizeBatch.ts';
import { createHistoryBatcher } from '../runs/createHistoryBatcher.ts';
import { DEFAULT_HISTORY_LIMIT, HISTORY_CODE_CHARS, HISTORY_EXCERPT_CHARS, type HistoryStorage } from '../runs/historyStorage.ts';
import { replayableRuns } from '../runs/replayableRuns.ts';
import type { AppState, MonitorSlice, SliceCreator } from './types.ts';
import { isTextFile, textOf } from '../project/fileContent.ts';

const LIMIT_KEY = 'executor.history.limit';
const SESSION_KEY = 'executor.history.session';

/** Python files "Run all" takes when the user has chosen none: every one that is not a test. */
export function defaultBatchPaths(s: Pick<AppState, 'files'>): string[] {
  return s.files.map((f) => f.path).filter((p) => p.endsWith('.py') && !/(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(p));
}

function excerpt(result: ExecutionResult): string {
  let text = result.output.map((c) => c.text).join('');
  if (result.value !== null) text += `${text && !text.endsWith('\n') ? '\n' : ''}${result.value}\n`;
  if (result.error) text += result.error.traceback || `${result.error.type}: ${result.error.message}`;
  return text.length > HISTORY_EXCERPT_CHARS ? `${text.slice(0, HISTORY_EXCERPT_CHARS)}…` : text;
}

function sessionId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const saved = storage?.getItem(SESSION_KEY);
  if (saved) return saved;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  storage?.setItem(SESSION_KEY, id);
  return id;
}

/**
 * Monitor slice. `session` (sessionStorage) names this tab's session, so a reload keeps its
 * history; `history` is where runs are kept (IndexedDB in the app); `storage` keeps the limit.
 */
export const createMonitorSlice =
  (
    history: HistoryStorage | null,
    session: Pick<Storage, 'getItem' | 'setItem'> | null,
    storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  ): SliceCreator<MonitorSlice> =>
  (set, get) => {
    // The open session's id once sessions are loaded (setHistorySession); this tab's key until then.
    let sessionKey = sessionId(session);
    // "Re-run history" rebuilds state from recorded runs: its runs are not recorded again.
    let replaying = false;
    let batchActive = false;
    let seq = 0;
    const savedLimit = Number(storage?.getItem(LIMIT_KEY));

    const record = (run: { code: string; options: RunOptions; result: ExecutionResult }): void => {
      if (replaying) return;
      const { result, options } = run;
      const entry = {
        session: sessionKey,
        at: Date.now(),
        source: options.filename,
        kind: options.profile ? ('profile' as const) : batchActive ? ('batch' as const) : ('run' as const),
        code: run.code.slice(0, HISTORY_CODE_CHARS),
        status: result.status,
        metrics: options.collectMetrics === false ? null : toExecutionMetrics(result),
        output: excerpt(result),
      };
      const limit = get().historyLimit;
      if (batcher) batcher.push(entry, limit);
      else set((s) => ({ history: [...s.history, { ...entry, id: (s.history.at(-1)?.id ?? 0) + 1 }].slice(-limit) }));
    };
    // Written in batches after the run, never on the way to its result (the result does not wait for storage).
    const batcher = history
      ? createHistoryBatcher({
          storage: history,
          now: () => Date.now(),
          setTimer: (fn, ms) => setTimeout(fn, ms),
          clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
          onSaved: (saved) => {
            // Runs of a session closed meanwhile are stored under it, not listed in the one open now.
            const mine = saved.filter((e) => e.session === sessionKey);
            set((s) => ({ history: [...s.history, ...mine].slice(-s.historyLimit), historyError: null }));
          },
          onFailed: (err) =>
            set({ historyError: `Runs could not be saved in the history: ${err instanceof Error ? err.message : String(err)}` }),
        })
      : null;

    return {
      liveSample: null,
      profile: null,
      profilePath: null,
      profileError: null,
      reveal: null,
      batchSelection: null,
      batchStopOnError: true,
      batchSharedState: false,
      batchResult: null,
      batchError: null,
      history: [],
      historyFilter: 'all',
      historySelected: null,
      historyLimit: Number.isInteger(savedLimit) && savedLimit >= 10 && savedLimit <= 10_000 ? savedLimit : DEFAULT_HISTORY_LIMIT,
      historyError: null,
      replayOffer: null,

      bindMonitor(engine) {
        engine.on('sample', (sample) => set({ liveSample: sample }));
        engine.on('result', (run) => {
          set({ liveSample: null });
          record(run);
        });
        // Tests hand in partial engines; the real one always has setMonitoring.
        const sync = () =>
          engine.setMonitoring?.({ enableProfiling: get().settings.enableProfiling, collectMetrics: get().settings.collectMetrics });
        sync(); // later changes: see createAppStore
        void get().hydrateHistory();
      },

      resetMonitorForSession() {
        set({ profile: null, profilePath: null, profileError: null, batchSelection: null, batchResult: null, batchError: null });
      },
      async profileCode() {
        const { settings, activePath } = get();
        if (!settings.enableProfiling) {
          set({ profileError: 'Profiling is off (ENABLE_PROFILING). Turn on "Profiling" in Settings to profile code.' });
          return;
        }
        set({ profileError: null });
        const result = await get().runCode({ profile: true });
        if (!result) return;
        try {
          const profile = result.profile ? parseProfile(result.profile) : null;
          get().showPanel('profile');
          set({
            profile,
            profilePath: activePath,
            profileError: profile
              ? null
              : `Nothing was measured: the run ended with status "${result.status}" before the program ran. Fix it and profile again.`,
          });
        } catch (err) {
          get().showPanel('profile');
          set({ profile: null, profileError: err instanceof Error ? err.message : String(err) });
        }
      },

      revealLine(path, line) {
        const { files, activePath, openFile } = get();
        if (path !== activePath && files.some((f) => f.path === path)) openFile(path);
        seq += 1;
        set({ reveal: { path, line, seq } });
      },

      setBatchSelection(paths) {
        set({ batchSelection: paths, batchError: null });
      },
      setBatchOptions(change) {
        set((s) => ({
          batchStopOnError: change.stopOnError ?? s.batchStopOnError,
          batchSharedState: change.sharedState ?? s.batchSharedState,
        }));
      },
      async runAll() {
        const s = get();
        const { engine, settings, appendEntry } = s;
        if (!engine || s.running) return null;
        const files = s.files;
        const chosen = s.batchSelection ?? defaultBatchPaths(s);
        const blocks = chosen.flatMap((path) =>
          files.filter((f) => f.path === path && isTextFile(f)).map((f) => ({ name: f.path, code: textOf(f) ?? '' })),
        );
        if (blocks.length === 0) {
          set({ batchError: 'No file is selected for "Run all". Tick the files to run under Run all (they run in the order shown).' });
          return null;
        }
        get().setRunning(true);
        set({ batchError: null, batchResult: null });
        batchActive = true;
        try {
          const batch = await engine.executeBatch(blocks, {
            stopOnError: s.batchStopOnError,
            sharedState: s.batchSharedState,
            onStep: (i, block) => appendEntry('notice', `Run all: step ${i + 1} of ${blocks.length}, ${block.name}`),
            runOptions: {
              ...runLimits(settings),
              autoLoadPackages: s.autoLoadPackages,
              files,
            },
          });
          appendEntry('notice', `Run all: ${describeBatch(batch.summary)}`);
          const last = [...batch.steps].reverse().find((step) => step.result)?.result ?? null;
          set({ batchResult: batch });
          get().countRuns(last, batch.steps.filter((x) => x.result).length);
          get().showPanel('batch'); // each step's status, after the console showed their output
          return batch;
        } catch (err) {
          set({ batchError: err instanceof Error ? err.message : String(err) });
          return null;
        } finally {
          batchActive = false;
          get().setRunning(false);
        }
      },

      setHistoryFilter(filter) {
        set({ historyFilter: filter });
      },
      selectHistory(id) {
        set({ historySelected: id });
      },
      setHistoryLimit(limit) {
        if (!Number.isInteger(limit) || limit < 10 || limit > 10_000)
          return 'The history keeps between 10 and 10000 runs per session; type a whole number in that range.';
        storage?.setItem(LIMIT_KEY, String(limit));
        set((s) => ({ historyLimit: limit, history: s.history.slice(-limit) }));
        return null;
      },
      async rerunHistory(id) {
        const entry = get().history.find((e) => e.id === id);
        if (!entry) return;
        if (entry.kind === 'profile' && get().settings.enableProfiling) {
          await get().runCode({ code: entry.code, filename: entry.source, profile: true });
          return;
        }
        await get().runCode({ code: entry.code, filename: entry.source });
      },
      openHistoryCode(id) {
        const entry = get().history.find((e) => e.id === id);
        if (entry) get().openLinkedCode(entry.code);
      },
      exportHistory() {
        return JSON.stringify({ session: sessionKey, exportedAt: new Date().toISOString(), runs: get().history }, null, 2);
      },
      async clearHistory() {
        batcher?.drop(sessionKey);
        await history?.clear(sessionKey);
        set({ history: [], historySelected: null });
      },
      flushHistory() {
        return batcher?.flush() ?? Promise.resolve();
      },
      historySessionKey() {
        return sessionKey;
      },
      async setHistorySession(key) {
        await batcher?.flush(); // the closing session's last runs are stored under it
        sessionKey = key;
        set({ history: [], historySelected: null, historyError: null, replayOffer: null });
        await get().hydrateHistory();
        const runs = replayableRuns(get().history).length;
        if (sessionKey === key) set({ replayOffer: runs > 0 ? runs : null });
        return runs;
      },
      dismissReplayOffer() {
        set({ replayOffer: null });
      },
      async replayHistory() {
        const s = get();
        const runs = replayableRuns(s.history);
        const { engine, settings, appendEntry } = s;
        if (!engine || s.running || runs.length === 0) return null;
        get().setRunning(true);
        set({ replayOffer: null });
        replaying = true;
        try {
          if (s.sessionPackages.length > 0) {
            const report = await engine.install(s.sessionPackages.map((p) => p.spec));
            for (const f of report.failed) appendEntry('notice', f.reason);
          }
          const batch = await engine.executeBatch(
            runs.map((e) => ({ name: e.source, code: e.code })),
            {
              stopOnError: true,
              sharedState: true,
              onStep: (i, block) => appendEntry('notice', `Re-run history: run ${i + 1} of ${runs.length}, ${block.name}`),
              runOptions: {
                ...runLimits(settings),
                autoLoadPackages: s.autoLoadPackages,
                files: get().files,
              },
            },
          );
          appendEntry('notice', `Re-run history: ${describeBatch(batch.summary)}`);
          return batch;
        } catch (err) {
          set({ historyError: `Re-running the history failed: ${err instanceof Error ? err.message : String(err)}` });
          return null;
        } finally {
          replaying = false;
          get().setRunning(false);
        }
      },
      async hydrateHistory() {
        if (!history) return;
        const key = sessionKey;
        try {
          const saved = await history.list(key);
          if (key !== sessionKey) return; // another session was opened meanwhile
          // Runs recorded while the list loaded stay (they are newer).
          set((s) => ({ history: [...saved.filter((e) => !s.history.some((h) => h.id === e.id)), ...s.history].slice(-s.historyLimit) }));
        } catch (err) {
          set({
            historyError: `The history could not be read: ${err instanceof Error ? err.message : String(err)}. New runs are still listed.`,
          });
        }
      },
    };
  };
