import type { SessionJournal } from '../session/sessionJournal.ts';
import { sessionContent } from './sessionRecords.ts';
import type { SessionContent } from './sessionTypes.ts';
import type { AppState } from './types.ts';

/** The journal of the open session (null before the sessions are loaded): what pagehide writes. */
export function journalOf(s: AppState, now = Date.now()): SessionJournal<SessionContent> | null {
  if (!s.sessionsLoaded || !s.currentSessionId) return null;
  return { id: s.currentSessionId, savedAt: now, content: sessionContent(s) };
}

/** Whether a journal's content looks like a session's (its project has a list of files). */
export function isSessionContent(content: unknown): content is SessionContent {
  const project = (content as { project?: { files?: unknown } } | null)?.project;
  return Array.isArray(project?.files);
}
