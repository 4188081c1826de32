import type { Engine } from '../engine/engine.ts';
import type { RunSample, RunStatus } from '../protocol/results.ts';
import type { ProfileReport } from '../runs/parseProfile.ts';
import type { BatchResult } from '../runs/summarizeBatch.ts';
import type { HistoryEntry } from '../runs/historyStorage.ts';

/** Monitor slice: live metrics, the profiler, batch runs ("Run all") and the execution history. */
export interface MonitorSlice {
  /** Follows the engine's live samples and finished runs (history); called once by attachEngine. */
  bindMonitor(engine: Engine): void;
  /** The running program's latest memory reading (null between runs). */
  liveSample: RunSample | null;
  /** The last profile (Profile button or agent) and the code it measured. */
  profile: ProfileReport | null;
  /** Path of the file the profile ran (its lines are the ones the flame graph jumps to). */
  profilePath: string | null;
  profileError: string | null;
  /** Profiles the active file (timed like Run); its output shows in the console. */
  profileCode(): Promise<void>;
  /** A session switch: the profile and the Run all selection and result belonged to the session that was open. */
  resetMonitorForSession(): void;
  /** Where the editor should go next: bumped `seq` on every request. */
  reveal: { path: string; line: number; seq: number } | null;
  /** Opens `path` (when it is a project file) and puts the cursor on `line`. */
  revealLine(path: string, line: number): void;

  /** Files "Run all" runs, in order (null: every Python file that is not a test). */
  batchSelection: string[] | null;
  batchStopOnError: boolean;
  batchSharedState: boolean;
  batchResult: BatchResult | null;
  batchError: string | null;
  setBatchSelection(paths: string[]): void;
  setBatchOptions(change: { stopOnError?: boolean; sharedState?: boolean }): void;
  /** Runs the selected files in order as `__main__` (engine.executeBatch). */
  runAll(): Promise<BatchResult | null>;

  /** This session's runs, oldest first. */
  history: HistoryEntry[];
  historyFilter: RunStatus | 'all';
  historySelected: number | null;
  /** Runs kept per session (the newest). */
  historyLimit: number;
  historyError: string | null;
  setHistoryFilter(filter: RunStatus | 'all'): void;
  selectHistory(id: number | null): void;
  /** Sets how many runs are kept (10..10,000); returns an error message for a bad value. */
  setHistoryLimit(limit: number): string | null;
  /** Runs a past run's code again (as its file), without touching the editor. */
  rerunHistory(id: number): Promise<void>;
  /** Opens a past run's code in a new file, so nothing in the editor is overwritten. */
  openHistoryCode(id: number): void;
  /** The session's history as pretty JSON. */
  exportHistory(): string;
  clearHistory(): Promise<void>;
  /** Reads the session's history from storage. */
  hydrateHistory(): Promise<void>;
  /** The key the history is kept under now (the open session's id once sessions are loaded). */
  historySessionKey(): string;
  /** Writes the runs still waiting for the history's next batch (the page is being hidden). */
  flushHistory(): Promise<void>;
  /** Follows another session's history (its id); resolves to how many of its runs "Re-run history" would replay. */
  setHistorySession(key: string): Promise<number>;
  /** Runs "Re-run history" would replay, offered after a reload or a session switch (null: no offer). */
  replayOffer: number | null;
  /**
   * Rebuilds the interpreter's variables from the history: loads the session's packages, then replays its
   * successful runs in order in one batch (stops at the first failure; not recorded again).
   */
  replayHistory(): Promise<BatchResult | null>;
  dismissReplayOffer(): void;
}
