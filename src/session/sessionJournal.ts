import type { StoredSession } from './sessionDb.ts';

const JOURNAL_KEY = 'executor.sessionJournal.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The open session's content, written synchronously when the page goes away. */
export interface SessionJournal<C> {
  id: string;
  savedAt: number;
  content: C;
}

/**
 * Writes the open session to localStorage at once (pagehide): an IndexedDB write started while
 * the page unloads may not finish, and then the last quarter second of typing would be lost.
 */
export function writeSessionJournal<C>(storage: Storage | null, journal: SessionJournal<C> | null): void {
  if (!storage || !journal) return;
  try {
    storage.setItem(JOURNAL_KEY, JSON.stringify(journal));
  } catch {
    // Full or denied: the IndexedDB save is all there is.
  }
}

/** Reads and removes the journal; null when there is none, or it is not one (`isContent` checks its content). */
export function takeSessionJournal<C>(storage: Storage | null, isContent: (content: unknown) => content is C): SessionJournal<C> | null {
  try {
    const raw = storage?.getItem(JOURNAL_KEY);
    storage?.removeItem(JOURNAL_KEY);
    const j = raw ? (JSON.parse(raw) as Partial<SessionJournal<unknown>>) : null;
    if (!j || typeof j.id !== 'string' || typeof j.savedAt !== 'number' || !isContent(j.content)) return null;
    return { id: j.id, savedAt: j.savedAt, content: j.content };
  } catch {
    return null;
  }
}

/** The stored record with the journal's content when the journal is newer (what the page had when it went away). */
export function applySessionJournal<R extends StoredSession, C extends Partial<R>>(record: R, journal: SessionJournal<C> | null): R {
  if (!journal || journal.id !== record.id || journal.savedAt <= record.updatedAt) return record;
  return { ...record, ...journal.content, updatedAt: journal.savedAt };
}
