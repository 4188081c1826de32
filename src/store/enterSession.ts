import type { SessionRecord } from './sessionTypes.ts';
import type { AppState } from './types.ts';

/**
 * The session switch's reset: each slice forgets what belonged to the session that was open, through its own
 * action, in this order (results, tests, profile and batch, packages, then the console).
 */
export function resetForSession(state: AppState): void {
  state.resetRunForSession();
  state.resetTestsForSession();
  state.resetMonitorForSession();
  state.resetPackagesForSession();
  state.clearOutput();
}

/**
 * The session-switching command: puts a stored session into every slice that keeps part of it (project,
 * settings, packages, input, chat); {@link enterSessionHistory} follows once the session is marked open. `boot`: the page just opened (what was typed while it loaded is
 * kept); `migrated`: the project is in the store already (the session was made from it); `switch`: another
 * session was open (its results are forgotten first).
 */
export async function enterSession(get: () => AppState, record: SessionRecord, how: 'boot' | 'migrated' | 'switch'): Promise<void> {
  const s = get();
  if (how === 'boot') await s.hydrateProject(record.project);
  else if (how === 'switch') {
    s.loadProject(record.project);
    resetForSession(s);
  }
  s.applySessionSettings(record.settings);
  s.setAutoLoadPackages(record.packages.autoLoad);
  s.updateStdinSettings({
    stdinText: record.stdin.text,
    stdinEnabled: record.stdin.enabled,
    inputCountsTowardTimeout: record.stdin.countsTowardTimeout,
  });
  s.restoreChat({ messages: record.chat.messages, history: record.chat.history }, record.chat.draft);
}

/** The session's run history is shown; when it has runs, the console offers to replay them (variables are gone). */
export async function enterSessionHistory(get: () => AppState, record: SessionRecord, how: 'boot' | 'migrated' | 'switch'): Promise<void> {
  const runs = await get().setHistorySession(record.id);
  if (runs > 0)
    get().appendEntry(
      'notice',
      `${how !== 'switch' ? 'Python’s variables do not survive a reload' : `Opened “${record.name}” in a fresh Python`}: its history has ${runs} successful run${runs === 1 ? '' : 's'}. Re-run history to rebuild the variables.`,
    );
}

/** A switch gives the next session a fresh interpreter: variables belong to the session that was open. */
export function freshInterpreter(state: AppState): Promise<void> {
  const { engine, status } = state;
  return engine && status.state === 'ready' ? engine.reset() : Promise.resolve();
}
