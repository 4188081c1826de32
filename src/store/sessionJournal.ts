import type { SessionJournal as GenericSessionJournal } from '../session/sessionJournal.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import { isTextFile } from '../project/fileContent.ts';
import { sessionContent } from './sessionRecords.ts';
import type { JournalContent, SessionContent, SessionJournal, SessionRecord } from './sessionTypes.ts';
import type { AppState } from './types.ts';

/**
 * The journal of the open session (null before the sessions are loaded): what pagehide writes. It is JSON in
 * localStorage, so a binary file goes in as its path only: its bytes are in the saved session already (a
 * binary file only arrives by an import or a program, and those are saved at once).
 */
export function journalOf(s: AppState, now = Date.now()): SessionJournal | null {
  if (!s.sessionsLoaded || !s.currentSessionId) return null;
  const content = sessionContent(s);
  const files = content.project.files.map((f) => (isTextFile(f) ? f : { path: f.path, binary: true as const }));
  return { id: s.currentSessionId, savedAt: now, content: { ...content, project: { ...content.project, files } } };
}

/** Whether a journal's content looks like a session's (its project has a list of files). */
export function isSessionContent(content: unknown): content is JournalContent {
  const project = (content as { project?: { files?: unknown } } | null)?.project;
  return Array.isArray(project?.files);
}

/** The journal with its binary files' bytes taken from the saved record (one the record lacks is left out). */
export function resolveJournal(journal: SessionJournal, record: SessionRecord): GenericSessionJournal<SessionContent> {
  const saved = new Map(record.project.files.map((f) => [f.path, f]));
  const files = journal.content.project.files.flatMap((f): ProjectFile[] => {
    if (!('binary' in f)) return [f];
    const bytes = saved.get(f.path);
    return bytes && !isTextFile(bytes) ? [bytes] : [];
  });
  return { ...journal, content: { ...journal.content, project: { ...journal.content.project, files } } };
}
