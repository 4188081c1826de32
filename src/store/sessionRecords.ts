import { storedSize } from '../session/blobCodec.ts';
import { DEFAULT_FILE, sortFiles } from '../project/projectModel.ts';
import { documentFiles, type SessionDocument } from '../session/sessionDocument.ts';
import { MAX_SESSION_NAME_CHARS } from '../session/sessionLimits.ts';
import { projectSnapshot } from './createFilesSlice.ts';
import { loadNames, packagesOfRecord } from './sessionPackages.ts';
import type { SessionContent, SessionMeta, SessionRecord } from './sessionTypes.ts';
import type { AppState } from './types.ts';

/** A new session id: short, URL-safe (it goes in `/?session=<id>`). */
export function newSessionId(now = Date.now()): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Ids `?session=` accepts (what {@link newSessionId} and the old history keys look like). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The open session's content, as plain data IndexedDB can store (binary files' bytes included). */
export function sessionContent(s: AppState): SessionContent {
  const content: SessionContent = {
    project: projectSnapshot(s),
    settings: s.settingsCustomized ? s.settings : null,
    packages: { autoLoad: s.autoLoadPackages, load: loadNames(s.sessionPackages), installed: s.sessionPackages },
    stdin: { text: s.stdinText, enabled: s.stdinEnabled, countsTowardTimeout: s.inputCountsTowardTimeout },
    chat: { ...s.chatSnapshot(), draft: s.chatDraft },
  };
  return structuredClone(content);
}

/** An empty session: one empty main.py, the deployment's default settings, no chat. */
export function emptySession(name: string, now = Date.now()): SessionRecord {
  return {
    id: newSessionId(now),
    name,
    createdAt: now,
    updatedAt: now,
    project: { files: [{ path: DEFAULT_FILE, content: '' }], activePath: DEFAULT_FILE, openPaths: [DEFAULT_FILE] },
    settings: null,
    packages: { autoLoad: true, load: [], installed: [] },
    stdin: { text: '', enabled: false, countsTowardTimeout: false },
    chat: { messages: [], history: [], draft: '' },
  };
}

/** A new session holding a shared document (a link's or a session file's): its files, settings and packages. */
export function sessionFromDocument(doc: SessionDocument, now = Date.now()): SessionRecord {
  return {
    ...emptySession(doc.name, now),
    project: { files: sortFiles(documentFiles(doc)), activePath: doc.activePath, openPaths: [doc.activePath] },
    settings: doc.settings,
    packages: { autoLoad: doc.packages.autoLoad, load: doc.packages.load, installed: packagesOfRecord(doc.packages) },
  };
}

/** The switcher's list: the most recently changed first. */
export function sessionMetas(records: Iterable<SessionMeta>): SessionMeta[] {
  return [...records]
    .map(({ id, name, updatedAt }) => ({ id, name, updatedAt }))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

/** "Session 3": the first such name not taken. */
export function nextSessionName(taken: readonly SessionMeta[]): string {
  for (let i = taken.length + 1; ; i++) if (!taken.some((s) => s.name === `Session ${i}`)) return `Session ${i}`;
}

/** `name`, or `name (2)`, `name (3)`, ... when a session has it already. */
export function uniqueSessionName(name: string, taken: readonly SessionMeta[]): string {
  if (!taken.some((s) => s.name === name)) return name;
  for (let i = 2; ; i++) if (!taken.some((s) => s.name === `${name} (${i})`)) return `${name} (${i})`;
}

/** A cleaned session name, or what is wrong with it. */
export function checkSessionName(raw: string): { name: string } | { error: string } {
  const name = raw.trim();
  if (!name) return { error: 'Type a name for the session.' };
  if (name.length > MAX_SESSION_NAME_CHARS) return { error: `A session name is at most ${MAX_SESSION_NAME_CHARS} characters.` };
  return { name };
}

/** Each stored session's size in bytes (its record: files, settings, chat), the largest first. */
export function sessionSizesOf(records: readonly SessionRecord[]): Array<{ id: string; name: string; bytes: number }> {
  return records.map((r) => ({ id: r.id, name: r.name, bytes: storedSize(r) })).sort((a, b) => b.bytes - a.bytes);
}
