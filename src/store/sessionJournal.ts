import { sessionContent } from './sessionRecords.ts';
import type { SessionJournal, SessionRecord } from './sessionTypes.ts';
import type { AppState } from './types.ts';

const JOURNAL_KEY = 'executor.sessionJournal.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Writes the open session to localStorage at once (pagehide): an IndexedDB write started while
 * the page unloads may not finish, and then the last quarter second of typing would be lost.
 */
export function writeSessionJournal(storage: Storage | null, s: AppState, now = Date.now()): void {
  if (!storage || !s.sessionsLoaded || !s.currentSessionId) return;
  try {
    storage.setItem(
      JOURNAL_KEY,
      JSON.stringify({ id: s.currentSessionId, savedAt: now, content: sessionContent(s) } satisfies SessionJournal),
    );
  } catch {
    // Full or denied: the IndexedDB save is all there is.
  }
}

/** Reads and removes the journal; null when there is none or it is not one. */
export function takeSessionJournal(storage: Storage | null): SessionJournal | null {
  try {
    const raw = storage?.getItem(JOURNAL_KEY);
    storage?.removeItem(JOURNAL_KEY);
    const j = raw ? (JSON.parse(raw) as Partial<SessionJournal>) : null;
    if (!j || typeof j.id !== 'string' || typeof j.savedAt !== 'number' || !Array.isArray(j.content?.project?.files)) return null;
    return j as SessionJournal;
  } catch {
    return null;
  }
}

/** The stored record with the journal's content when the journal is newer (what the page had when it went away). */
export function applySessionJournal(record: SessionRecord, journal: SessionJournal | null): SessionRecord {
  if (!journal || journal.id !== record.id || journal.savedAt <= record.updatedAt) return record;
  return { ...record, ...journal.content, updatedAt: journal.savedAt };
}
