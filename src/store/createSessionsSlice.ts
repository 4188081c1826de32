import type { HistoryStorage } from '../runs/historyStorage.ts';
import { readSessionText, toSessionDocument, type SessionDocument } from '../session/sessionDocument.ts';
import { createMemorySessionDb, type SessionDb } from '../session/sessionDb.ts';
import { createSessionWriter } from '../session/createSessionWriter.ts';
import { buildShareLink, sessionFromHash } from '../session/shareLink.ts';
import {
  checkSessionName,
  emptySession,
  nextSessionName,
  sessionContent,
  sessionFromDocument,
  sessionMetas,
  sessionSizesOf,
  uniqueSessionName,
} from './sessionRecords.ts';
import type { SessionContent, SessionOrigin, SessionRecord, SessionsSlice } from './sessionTypes.ts';
import { applySessionJournal } from '../session/sessionJournal.ts';
import { resolveJournal } from './sessionJournal.ts';
import type { SliceCreator } from './types.ts';
import { enterSession, enterSessionHistory, freshInterpreter } from './enterSession.ts';
import { installsWithoutAsking, loadNames, packagesOfRecord } from './sessionPackages.ts';
import { sessionPackageActions } from './sessionPackageActions.ts';
import { NO_SESSION_LOCK, type SessionLock } from '../session/createSessionLock.ts';

type Prefs = Pick<Storage, 'getItem' | 'setItem'>;

const LAST_KEY = 'executor.session.last';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sessions slice. `db` keeps the sessions (IndexedDB in the app; memory when null), `history`
 * is the run history (a deleted session's runs go with it), `prefs` remembers the last session opened.
 */
export const createSessionsSlice =
  (
    db: SessionDb<SessionRecord> | null,
    history: HistoryStorage | null,
    prefs: Prefs | null,
    makeLock: (beforeRelease: () => Promise<void>) => SessionLock = () => NO_SESSION_LOCK,
  ): SliceCreator<SessionsSlice> =>
  (set, get) => {
    // The write queue and the open session's last saved content live in src/session (the slice keeps only its keys).
    const writer = createSessionWriter<SessionRecord, SessionContent>(db ?? createMemorySessionDb<SessionRecord>());
    const queue = writer.queue;
    let fresh: Promise<void> = Promise.resolve();
    const refuse = (error: string): false => {
      set({ sessionError: error });
      return false;
    };
    const busy = (): string | null =>
      get().running || get().chatBusy ? 'Stop the running program (or the assistant) first, then switch sessions.' : null;
    const touchMeta = (record: SessionRecord) =>
      set((s) => ({ sessions: sessionMetas([...s.sessions.filter((m) => m.id !== record.id), record]) }));

    /** Saves the open session when its content changed since the last save (only in the tab that holds it). */
    const save = async (): Promise<void> => {
      if (get().sessionAccess !== 'owner') return;
      const outcome = await writer.saveOpen(() => (get().sessionsLoaded ? sessionContent(get()) : null));
      if (outcome.kind === 'saved') {
        touchMeta(outcome.record);
        get().storageSaved();
      } else if (outcome.kind === 'failed') get().reportStorageFailure(outcome.error);
    };

    /**
     * Puts a stored session into the store. `boot`: keeps what was typed while it loaded (and a #code link);
     * `migrated`: the project is in the store already (it was made from it).
     */
    const load = async (record: SessionRecord, how: 'boot' | 'migrated' | 'switch'): Promise<void> => {
      const access = await lock.hold(record.id, lost);
      set({ sessionAccess: access });
      writer.opened(record, {
        project: record.project,
        settings: record.settings,
        packages: record.packages,
        stdin: record.stdin,
        chat: record.chat,
      });
      await enterSession(get, record, how);
      set({ currentSessionId: record.id, sessionPackages: packagesOfRecord(record.packages), pendingPackages: [], sessionOrigin: null });
      try {
        prefs?.setItem(LAST_KEY, record.id);
      } catch {
        // storage denied: the URL still names the session
      }
      await enterSessionHistory(get, record, how);
      void get().restoreSessionPackages();
    };

    // Which tab writes the open session (see src/session/createSessionLock.ts): the owner saves before it lets go.
    const lock = makeLock(() => save());
    /** Another tab took the open session over: this one stops saving it. */
    const lost = (): void => {
      set({ sessionAccess: 'taken' });
      get().appendEntry('notice', 'Another tab took this session over: changes here are no longer saved. Take it back from the banner.');
    };

    /** Saves the open session, then opens `record` (already stored) in a fresh interpreter. */
    const switchTo = async (record: SessionRecord, origin: SessionOrigin | null = null): Promise<void> => {
      await save();
      fresh = freshInterpreter(get());
      await load(record, 'switch');
      touchMeta(record);
      set({ sessionError: null, sessionOrigin: origin });
    };

    /** Stores a new session made from a document and opens it; the open session is untouched on failure. */
    const openDocument = async (doc: SessionDocument, origin: SessionOrigin): Promise<boolean> => {
      const problem = busy();
      if (problem) return refuse(problem);
      const shared = sessionFromDocument(doc);
      // What the link or file wants from outside the index waits for the person's OK (Packages tab).
      const wanted = packagesOfRecord(shared.packages);
      const pending = wanted.filter((p) => !installsWithoutAsking(p));
      const installed = wanted.filter(installsWithoutAsking);
      const record = {
        ...shared,
        name: uniqueSessionName(doc.name, get().sessions),
        packages: { ...shared.packages, load: loadNames(installed), installed },
      };
      try {
        await queue(() => writer.db.put(record));
      } catch (err) {
        return refuse(`The shared session could not be stored in this browser (${message(err)}); your current session was not changed.`);
      }
      await switchTo(record, origin);
      set({ pendingPackages: pending });
      if (pending.length)
        get().appendEntry(
          'notice',
          `This session also asks for ${pending.map((p) => p.spec).join(', ')}, from outside Executor's index: nothing was installed. Install them from the Packages tab if you trust the source.`,
        );
      const from = origin.kind === 'link' ? 'a shared link' : `the file ${origin.fileName ?? ''}`.trim();
      get().appendEntry(
        'notice',
        `Opened “${record.name}” from ${from} as a new session. Nothing has been run: read the code, then press Run.`,
      );
      return true;
    };

    return {
      sessions: [],
      currentSessionId: null,
      sessionsLoaded: false,
      sessionError: null,
      sessionOrigin: null,
      sessionPackages: [],
      pendingPackages: [],
      sessionAccess: 'owner',

      async takeOverSession() {
        const id = get().currentSessionId;
        if (!id || get().sessionAccess === 'owner') return;
        await lock.takeOver(id, lost);
        const record = await writer.db.get(id).catch(() => null);
        if (!record) return;
        set({ sessionAccess: 'owner' });
        await load(record, 'switch');
        get().appendEntry('notice', `Took over “${record.name}”: this tab now saves it; the other tab shows it read-only.`);
      },

      ...sessionPackageActions(() => fresh)(set, get),

      async hydrateSessions(options = {}) {
        let records: SessionRecord[];
        let kept = true;
        try {
          records = await writer.db.list();
        } catch (err) {
          kept = false;
          // No IndexedDB: work in memory, and say (in the storage banner) that nothing will be kept.
          get().reportStorageFailure(err, true);
          writer.replaceDb(createMemorySessionDb<SessionRecord>());
          records = [];
        }
        // What the page had when it last went away, if the IndexedDB save did not finish in time.
        if (options.journal) {
          const journal = options.journal;
          records = records.map((r) => (r.id === journal.id ? applySessionJournal(r, resolveJournal(journal, r)) : r));
          const recovered = records.find((r) => r.id === journal.id && r.updatedAt === journal.savedAt);
          if (recovered) await queue(() => writer.db.put(recovered)).catch(() => undefined);
        }
        let chosen: SessionRecord | undefined;
        if (records.length === 0) {
          // First visit with sessions: the saved project (and the settings, chat and history of this tab) become the first session.
          await get().hydrateProject();
          const first: SessionRecord = { ...emptySession('Session 1'), id: get().historySessionKey(), ...sessionContent(get()) };
          let made: boolean;
          try {
            made = await queue(() => writer.db.putFirst(first));
          } catch (err) {
            // Refused (a full disk): work on it in this page; every later save tries again.
            get().reportStorageFailure(err);
            made = true;
          }
          if (made) chosen = first;
          else records = await writer.db.list(); // another tab made it first
          if (chosen) {
            await load(chosen, 'migrated');
            records = [chosen];
          }
        }
        if (!chosen) {
          const byId = new Map(records.map((r) => [r.id, r]));
          const metas = sessionMetas(records);
          const lastId = options.lastId ?? prefs?.getItem(LAST_KEY) ?? null;
          chosen = (options.requestedId && byId.get(options.requestedId)) || (lastId && byId.get(lastId)) || byId.get(metas[0]?.id ?? '');
          if (!chosen) return; // unreachable: records is not empty here
          await load(chosen, 'boot');
          if (options.requestedId && options.requestedId !== chosen.id)
            set({
              sessionError: `There is no session “${options.requestedId}” in this browser (sessions are kept by the browser that made them; use Share to move one). Opened “${chosen.name}” instead.`,
            });
        }
        set({ sessions: sessionMetas(records), sessionsLoaded: true });
        // Every session is saved now: the storage from before sessions holds nothing they lack (unless the
        // sessions live only in memory: then it stays, the one copy that lasts).
        if (kept) await get().retireLegacyStorage();
        if (options.shareHash) await get().openShareHash(options.shareHash);
      },

      flushSession: () => save(),

      async openSession(id) {
        if (id === writer.open?.id) return true;
        const problem = busy();
        if (problem) return refuse(problem);
        await save();
        const record = await writer.db.get(id).catch(() => null);
        if (!record) return refuse('That session is no longer in this browser (deleted in another tab?).');
        await switchTo(record);
        return true;
      },

      switchedInterpreterReady: () => fresh,

      async createSession(name) {
        const problem = busy();
        if (problem) return refuse(problem);
        const record = emptySession(name ?? nextSessionName(get().sessions));
        try {
          await queue(() => writer.db.put(record));
        } catch (err) {
          return refuse(`A new session could not be stored (${message(err)}).`);
        }
        await switchTo(record);
        return true;
      },

      async duplicateSession(id) {
        const problem = busy();
        if (problem) return refuse(problem);
        await save();
        const source = await writer.db.get(id).catch(() => null);
        if (!source) return refuse('That session is no longer in this browser.');
        const copy: SessionRecord = {
          ...source,
          ...emptySession(`${source.name} (copy)`),
          project: source.project,
          settings: source.settings,
          packages: source.packages,
          stdin: source.stdin,
          chat: source.chat,
        };
        try {
          await queue(() => writer.db.put(copy));
        } catch (err) {
          return refuse(`The copy could not be stored (${message(err)}).`);
        }
        await switchTo(copy);
        return true;
      },

      async renameSession(id, raw) {
        const checked = checkSessionName(raw);
        if ('error' in checked) return refuse(checked.error);
        const open = writer.open;
        const record = id === open?.id ? open : await writer.db.get(id).catch(() => null);
        if (!record) return refuse('That session is no longer in this browser.');
        const renamed = { ...record, name: checked.name, updatedAt: Date.now() };
        try {
          await queue(() => writer.db.put(id === open?.id ? { ...renamed, ...sessionContent(get()) } : renamed));
        } catch (err) {
          return refuse(`The session could not be renamed (${message(err)}).`);
        }
        if (id === writer.open?.id) writer.patchOpen({ name: checked.name, updatedAt: renamed.updatedAt });
        touchMeta(renamed);
        set({ sessionError: null });
        return true;
      },

      async deleteSession(id) {
        if (id === writer.open?.id) {
          const problem = busy();
          if (problem) return refuse(problem);
          const other = get().sessions.find((m) => m.id !== id);
          const next = other ? await writer.db.get(other.id).catch(() => null) : null;
          const replacement = next ?? emptySession(nextSessionName([]));
          if (!next) await queue(() => writer.db.put(replacement));
          writer.opened(null); // the deleted session is not saved on the way out
          await switchTo(replacement);
        }
        try {
          await queue(() => writer.db.delete(id));
          await history?.clear(id);
        } catch (err) {
          return refuse(`The session could not be deleted (${message(err)}).`);
        }
        set((s) => ({ sessions: s.sessions.filter((m) => m.id !== id) }));
        return true;
      },

      sessionSizes: async () => sessionSizesOf(await writer.db.list().catch(() => [])),

      sessionDocument() {
        const s = get();
        return toSessionDocument({
          name: writer.open?.name ?? 'Session',
          files: s.files,
          activePath: s.activePath,
          settings: s.settings,
          packages: { autoLoad: s.autoLoadPackages, load: loadNames(s.sessionPackages), installed: s.sessionPackages },
        });
      },

      shareLink: (base) => buildShareLink(get().sessionDocument(), base),

      async openShareHash(hash) {
        const read = sessionFromHash(hash);
        if (!read) return false;
        if (!read.ok) {
          get().appendEntry('notice', read.error);
          return refuse(read.error);
        }
        return openDocument(read.doc, { kind: 'link', files: read.doc.files.map((f) => f.path), pyodide: read.doc.pyodide });
      },

      async importSessionText(text, fileName) {
        const read = readSessionText(text);
        if (!read.ok) return refuse(`The file “${fileName}” was not imported: ${read.problem}. Your current session was not changed.`);
        return openDocument(read.doc, { kind: 'file', fileName, files: read.doc.files.map((f) => f.path), pyodide: read.doc.pyodide });
      },

      dismissSessionOrigin: () => set({ sessionOrigin: null }),
      setSessionError: (error) => set({ sessionError: error }),
    };
  };
