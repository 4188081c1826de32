import type { SessionJournal as GenericSessionJournal } from '../session/sessionJournal.ts';
import type { ProjectSnapshot } from '../project/projectModel.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { SessionDocument } from '../session/sessionDocument.ts';
import type { ShareLink } from '../session/shareLink.ts';
import type { SavedChat } from './chatTypes.ts';
import type { Settings } from '../config/settings.ts';
import type { SessionPackage } from '../protocol/results.ts';

/** A session as the switcher lists it. */
export interface SessionMeta {
  id: string;
  name: string;
  /** Last saved change (ms since the epoch). */
  updatedAt: number;
}

/** Everything a session keeps in IndexedDB; its run history is kept by the history storage under its id. */
export interface SessionRecord extends SessionMeta {
  createdAt: number;
  project: ProjectSnapshot;
  /** Null: the session follows the deployment's default settings. */
  settings: Settings | null;
  /**
   * Load imported packages before runs, and the packages installed by hand in this session: `installed` (name,
   * version, source, what to ask for again, in install order); `load` their names (what sessions stored before
   * `installed` was kept hold, and what a share link's document lists).
   */
  packages: { autoLoad: boolean; load: string[]; installed?: SessionPackage[] };
  stdin: { text: string; enabled: boolean; countsTowardTimeout: boolean };
  chat: SavedChat & { draft: string };
}

/** Where the open session came from, when it was not made here: what the banner says. */
export interface SessionOrigin {
  kind: 'link' | 'file';
  /** The file's name, for an imported file. */
  fileName?: string;
  files: string[];
  /** The Pyodide version it was made with. */
  pyodide: string;
}

/** Sessions slice: named sessions (files, settings, packages, history, chat), one open at a time. */
export interface SessionsSlice {
  /** Every session, the most recently changed first. */
  sessions: SessionMeta[];
  currentSessionId: string | null;
  /** False until the sessions have been read (and the old project moved into the first one). */
  sessionsLoaded: boolean;
  /** The last session action's problem (a bad link or file, a refused switch), in words that say what to do. */
  sessionError: string | null;
  /**
   * Whether this tab writes the open session: `owner`; `elsewhere` when another tab had it open first (this tab
   * shows it read-only); `taken` when another tab took it over. Only the owner saves.
   */
  sessionAccess: 'owner' | 'elsewhere' | 'taken';
  /** Takes the open session over from the tab that has it (which saves first), and shows what it saved. */
  takeOverSession(): Promise<void>;
  /** Set when the open session came from a link or a file and nothing has been run yet. */
  sessionOrigin: SessionOrigin | null;
  /**
   * Packages installed by hand in this session (Packages panel), in install order: installed again when the
   * session opens, in every new interpreter, and by "Re-run history".
   */
  sessionPackages: SessionPackage[];
  /** Packages a link or a session file wants from outside the index (PyPI, a URL): installed only when the person says so. */
  pendingPackages: SessionPackage[];
  /** Installs the session's packages in the interpreter now (when a session opens), with one console line. */
  restoreSessionPackages(): Promise<void>;
  /** Installs the packages a link or a file asked for, and makes them the session's. */
  approvePendingPackages(): Promise<void>;
  /** Takes a package off the session's list (it stays loaded in this interpreter until a Restart). */
  removeSessionPackage(name: string): void;
  /**
   * Reads the sessions (making the first one from the old saved project), opens `requestedId`
   * (`/?session=<id>`) or the last one, then a `#s/1/...` link's session when `shareHash` has one.
   */
  hydrateSessions(options?: {
    requestedId?: string | null;
    lastId?: string | null;
    shareHash?: string | null;
    journal?: SessionJournal | null;
  }): Promise<void>;
  /** Saves the open session now. */
  flushSession(): Promise<void>;
  /** Opens a session (the open one is saved first; Python starts afresh). */
  openSession(id: string): Promise<boolean>;
  /** Makes and opens a new, empty session. */
  createSession(name?: string): Promise<boolean>;
  /** Settles when the fresh interpreter the last session switch asked for is ready. */
  switchedInterpreterReady(): Promise<void>;
  /** Makes and opens a copy of a session (files, settings, packages and chat; not its run history). */
  duplicateSession(id: string): Promise<boolean>;
  /** Renames a session; false (with `sessionError`) for an empty or over-long name. */
  renameSession(id: string, name: string): Promise<boolean>;
  /** Deletes a session and its run history; deleting the open one opens another (or a new one). */
  deleteSession(id: string): Promise<boolean>;
  /** Each saved session's size in this browser, in bytes (its record: files, settings, chat). */
  sessionSizes(): Promise<Array<{ id: string; name: string; bytes: number }>>;
  /** The open session as a document (the share link's and the session file's content). */
  sessionDocument(): SessionDocument;
  /** The open session's share link at `base` (origin + path), or why it is too large. */
  shareLink(base: string): ShareLink;
  /** Opens a `#s/1/...` link's session as a new session; a bad link only sets `sessionError`. */
  openShareHash(hash: string): Promise<boolean>;
  /** Imports a session file's text as a new session; a bad file only sets `sessionError`. */
  importSessionText(text: string, fileName: string): Promise<boolean>;
  dismissSessionOrigin(): void;
  setSessionError(message: string | null): void;
}

/** What a session holds besides its name and dates: the part that is compared to tell whether to save. */
export type SessionContent = Omit<SessionRecord, 'id' | 'name' | 'createdAt' | 'updatedAt'>;

/** A session's content as the journal (JSON in localStorage) keeps it: a small binary file as base64, a larger one by its path. */
export type JournalContent = Omit<SessionContent, 'project'> & {
  project: Omit<ProjectSnapshot, 'files'> & {
    files: Array<ProjectFile | { path: string; base64: string } | { path: string; binary: true }>;
  };
};

/** The journal of a session (see src/session/sessionJournal.ts). */
export type SessionJournal = GenericSessionJournal<JournalContent>;
