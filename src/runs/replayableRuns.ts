import type { HistoryEntry } from './historyStorage.ts';

/**
 * The runs "Re-run history" replays to rebuild the interpreter's variables: the successful editor
 * and profile runs, oldest first, after the last run that crashed the interpreter (nothing from
 * before a crash was alive anyway). Batch steps are left out: they ran as separate programs.
 */
export function replayableRuns(history: readonly HistoryEntry[]): HistoryEntry[] {
  const lastCrash = history.findLastIndex((e) => e.status === 'crashed');
  return history.slice(lastCrash + 1).filter((e) => e.status === 'ok' && (e.kind === 'run' || e.kind === 'profile'));
}
