import type { SessionJournal as GenericSessionJournal } from '../session/sessionJournal.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import { isTextFile } from '../project/fileContent.ts';
import { base64ToBytes, bytesToBase64 } from '../project/base64.ts';
import { sessionContent } from './sessionRecords.ts';
import type { JournalContent, SessionContent, SessionJournal, SessionRecord } from './sessionTypes.ts';
import type { AppState } from './types.ts';

/** Most bytes of binary files the journal carries itself (localStorage holds a few megabytes of text). */
const JOURNAL_BINARY_BYTES = 256 * 1024;

/**
 * The journal of the open session (null before the sessions are loaded): what pagehide writes. It is JSON in
 * localStorage, so small binary files go in as base64 and larger ones as their path only: their bytes are in
 * the saved session (a binary file that comes or goes is saved at once: see persistSessions).
 */
export function journalOf(s: AppState, now = Date.now()): SessionJournal | null {
  if (!s.sessionsLoaded || !s.currentSessionId) return null;
  let room = JOURNAL_BINARY_BYTES;
  const files: JournalContent['project']['files'] = s.files.map((f) => {
    if (isTextFile(f)) return f;
    if (f.bytes.length > room) return { path: f.path, binary: true as const };
    room -= f.bytes.length;
    return { path: f.path, base64: bytesToBase64(f.bytes) };
  });
  // The content is built around the files as the journal keeps them: no copy of large bytes at pagehide.
  const content = sessionContent({ ...s, files: [] });
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
    if ('base64' in f) return [{ path: f.path, bytes: base64ToBytes(f.base64) }];
    if (!('binary' in f)) return [f];
    const bytes = saved.get(f.path);
    return bytes && !isTextFile(bytes) ? [bytes] : [];
  });
  return { ...journal, content: { ...journal.content, project: { ...journal.content.project, files } } };
}
