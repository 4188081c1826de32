import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistoryStorage } from '../runs/historyStorage.ts';
import { createMemoryProjectStorage } from '../project/projectStorage.ts';
import type { ProjectSnapshot } from '../project/projectModel.ts';
import { createMemorySessionDb } from '../session/sessionDb.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import { createAppStore } from './createAppStore.ts';
import { persistSessions } from './persistSessions.ts';
import { WELCOME_CODE } from './createFilesSlice.ts';
import { isSessionContent, journalOf } from './sessionJournal.ts';
import { applySessionJournal, takeSessionJournal, writeSessionJournal } from '../session/sessionJournal.ts';
import type { SessionRecord } from './sessionTypes.ts';
import { DEFAULT_SETTINGS } from '../config/settings.ts';
import { textOf } from '../project/fileContent.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

/** What survives a reload: localStorage, the tab's sessionStorage, and the IndexedDB stores. */
function browser(legacy: ProjectSnapshot | null = null, local: Record<string, string> = {}, tab: Record<string, string> = {}) {
  return {
    local: memoryStorage(local),
    tab: memoryStorage(tab),
    project: createMemoryProjectStorage(legacy),
    history: createMemoryHistoryStorage(),
    db: createMemorySessionDb<SessionRecord>(),
  };
}

/** Opens the app page in `b` (a new store: a reload), with a ready engine that fails code containing "1 / 0". */
async function openPage(b: ReturnType<typeof browser>, options: Parameters<typeof persistSessions>[1] = {}) {
  const store = createAppStore({
    storage: b.local,
    chatStorage: b.tab,
    projectStorage: b.project,
    historyStorage: b.history,
    sessionDb: b.db,
  });
  const { engine, ran } = createRecordingEngine((code) =>
    code.includes('1 / 0')
      ? makeResult({
          success: false,
          status: 'error',
          error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: '', line: 1 },
        })
      : makeResult(),
  );
  store.getState().attachEngine(engine);
  const persisted = persistSessions(store, options, 60_000); // long debounce: saves here come from flushes
  await persisted.ready;
  return { store, engine, ran, persisted, s: () => store.getState() };
}

const stored = (b: ReturnType<typeof browser>, id: string | null) => b.db.records.get(id ?? '');

describe('sessions', () => {
  it('keeps binary files across a reload: saved as bytes at once; the journal carries small ones and names large ones', async () => {
    const b = browser();
    const first = await openPage(b);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]);
    const large = new Uint8Array(300 * 1024).fill(7);
    first.s().importProjectFiles([{ path: 'data.bin', bytes: large }]);
    await first.persisted.flush();
    first.s().importProjectFiles([{ path: 'plot.png', bytes: png }]);
    first.s().openFile('main.py');
    first.s().setCode('print("typed last")\n');
    const local = { ...b.local, removeItem: (k: string) => void b.local.m.delete(k) };
    writeSessionJournal(local, journalOf(first.s(), Date.now() + 1));
    const journal = b.local.m.get('executor.sessionJournal.v1') ?? '';
    expect(journal).toContain('{"path":"data.bin","binary":true}');
    expect(journal).toContain(`{"path":"plot.png","base64":"${Buffer.from(png).toString('base64')}"}`);
    const second = await openPage(b, { journal: takeSessionJournal(local, isSessionContent) });
    expect(second.s().code).toBe('print("typed last")\n');
    expect(second.s().files.find((f) => f.path === 'plot.png')).toEqual({ path: 'plot.png', bytes: png });
    expect(second.s().files.find((f) => f.path === 'data.bin')).toEqual({ path: 'data.bin', bytes: large });
  });

  it('recovers what the page had when it went away from the synchronous journal, when the IndexedDB save did not finish', async () => {
    const b = browser();
    const first = await openPage(b);
    first.s().setCode('print("saved in time")\n');
    await first.persisted.flush();
    first.s().setCode('print("typed just before the reload")\n');
    first.s().setChatDraft('a draft');
    // pagehide: the journal is written at once; the IndexedDB write (debounced) never happens.
    const local = { ...b.local, removeItem: (k: string) => void b.local.m.delete(k) };
    writeSessionJournal(local, journalOf(first.s(), Date.now() + 1));
    expect(textOf(stored(b, first.s().currentSessionId)?.project.files[0])).toBe('print("saved in time")\n');
    const second = await openPage(b, { journal: takeSessionJournal(local, isSessionContent) });
    expect(second.s().code).toBe('print("typed just before the reload")\n');
    expect(textOf(stored(b, second.s().currentSessionId)?.project.files[0])).toBe('print("typed just before the reload")\n');
    expect(takeSessionJournal(local, isSessionContent)).toBeNull(); // read once
    // A journal older than the stored session is ignored.
    const record = stored(b, second.s().currentSessionId)!;
    expect(
      applySessionJournal(record, {
        id: record.id,
        savedAt: record.updatedAt - 1,
        content: { ...record, project: { ...record.project, files: [] } },
      }),
    ).toBe(record);
  });

  it('moves the saved project, settings, chat and this tab’s history into the first session, losing nothing', async () => {
    const legacy = {
      files: [
        { path: 'main.py', content: 'from util import f\nprint(f())\n' },
        { path: 'util.py', content: 'def f():\n    return 1\n' },
      ],
      activePath: 'util.py',
      openPaths: ['main.py', 'util.py'],
    };
    const chat = { messages: [{ id: 1, role: 'user', parts: [{ kind: 'text', text: 'hello' }], state: 'done' }], history: [] };
    const b = browser(
      legacy,
      { 'executor.settings.v1': JSON.stringify({ ...DEFAULT_SETTINGS, timeoutSeconds: 7 }) },
      {
        'executor.chat.v1': JSON.stringify(chat),
        'executor.history.session': 'lq2x-abc123',
      },
    );
    await b.history.add(
      { session: 'lq2x-abc123', at: 1, source: 'main.py', kind: 'run', code: 'x = 1', status: 'ok', metrics: null, output: '' },
      500,
    );

    const { s } = await openPage(b);
    expect(s().sessions.map((m) => m.name)).toEqual(['Session 1']);
    expect(s().currentSessionId).toBe('lq2x-abc123');
    expect(s().files).toEqual(legacy.files);
    expect(s().activePath).toBe('util.py');
    expect(s().settings.timeoutSeconds).toBe(7);
    expect(s().chatMessages.map((m) => m.parts)).toEqual([[{ kind: 'text', text: 'hello' }]]);
    expect(s().history.map((e) => e.code)).toEqual(['x = 1']);
    const record = stored(b, 'lq2x-abc123');
    expect(record?.project.files).toEqual(legacy.files);
    expect(record?.settings?.timeoutSeconds).toBe(7);
    expect(b.project.saved).toBeNull(); // retired: the session holds it
  });

  it('makes the code typed before projects existed the first session’s main.py, then forgets the old key', async () => {
    const b = browser(null, { 'executor.code.v1': 'print("kept")\n' });
    const local = { ...b.local, removeItem: (k: string) => void b.local.m.delete(k) };
    const { s } = await openPage({ ...b, local });
    expect(s().files).toEqual([{ path: 'main.py', content: 'print("kept")\n' }]);
    expect(stored(b, s().currentSessionId)?.project.files).toEqual([{ path: 'main.py', content: 'print("kept")\n' }]);
    expect(b.local.m.has('executor.code.v1')).toBe(false);
  });

  describe('the migration of each older shape, losing nothing', () => {
    const withRemove = (b: ReturnType<typeof browser>) => ({
      ...b,
      local: { ...b.local, removeItem: (k: string) => void b.local.m.delete(k) },
    });

    it('a first visit ever: main.py holds the welcome code', async () => {
      const b = browser();
      const { s } = await openPage(withRemove(b));
      expect(s().files).toEqual([{ path: 'main.py', content: WELCOME_CODE }]);
      expect(s().code).toBe(WELCOME_CODE);
    });

    it('a project saved before breakpoints existed, with the old buffer newer than its open file', async () => {
      const legacy = {
        files: [
          { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
          { path: 'main.py', content: 'print(1)\n' },
        ],
        activePath: 'main.py',
        openPaths: ['main.py'],
      };
      // The buffer was written on every keystroke, the project a moment later: the buffer is the newest text.
      const b = browser(legacy, { 'executor.code.v1': 'print(2)  # typed last\n' });
      const { s } = await openPage(withRemove(b));
      expect(s().files).toEqual([legacy.files[0], { path: 'main.py', content: 'print(2)  # typed last\n' }]);
      expect(s().breakpoints).toEqual([]);
      expect(b.project.saved).toBeNull();
      expect(b.local.m.has('executor.code.v1')).toBe(false);
    });

    it('a project with breakpoints keeps them, and an open file that no longer exists falls back to a text file', async () => {
      const legacy = {
        files: [{ path: 'loop.py', content: 'for i in range(3):\n    print(i)\n' }],
        activePath: 'gone.py',
        openPaths: ['gone.py', 'loop.py'],
        breakpoints: [{ file: 'loop.py', line: 2 }],
      };
      const b = browser(legacy);
      const { s } = await openPage(withRemove(b));
      expect(s().activePath).toBe('loop.py');
      expect(s().code).toBe('for i in range(3):\n    print(i)\n');
      expect(s().breakpoints).toEqual([expect.objectContaining({ file: 'loop.py', line: 2 })]);
    });

    it('once sessions exist, leftovers of the old storage are forgotten and the sessions are untouched', async () => {
      const b = withRemove(browser());
      const first = await openPage(b);
      first.s().setCode('print("session")\n');
      await first.persisted.flush();
      // An older tab kept writing the old key meanwhile.
      b.local.setItem('executor.code.v1', 'print("stale mirror")\n');
      await b.project.save({ files: [{ path: 'main.py', content: 'stale' }], activePath: 'main.py', openPaths: ['main.py'] });
      const second = await openPage(b);
      expect(second.s().code).toBe('print("session")\n');
      expect(b.local.m.has('executor.code.v1')).toBe(false);
      expect(b.project.saved).toBeNull();
    });
  });

  it('creates, renames, duplicates, opens and deletes sessions, each with its own files, settings and fresh Python', async () => {
    const b = browser();
    const { s, engine } = await openPage(b);
    const first = s().currentSessionId as string;
    s().setCode('x = 1\n');
    s().updateSettings({ timeoutSeconds: 3 });

    expect(await s().createSession()).toBe(true);
    const second = s().currentSessionId as string;
    expect(second).not.toBe(first);
    expect(engine.reset).toHaveBeenCalledTimes(1);
    expect(s().files).toEqual([{ path: 'main.py', content: '' }]);
    expect(s().settings.timeoutSeconds).toBe(DEFAULT_SETTINGS.timeoutSeconds);
    expect(textOf(stored(b, first)?.project.files[0])).toBe('x = 1\n'); // saved on the way out
    s().setCode('y = 2\n');

    expect(await s().renameSession(second, '  Second  ')).toBe(true);
    expect(s().sessions.find((m) => m.id === second)?.name).toBe('Second');
    expect(await s().renameSession(second, '   ')).toBe(false);
    expect(s().sessionError).toBe('Type a name for the session.');

    expect(await s().openSession(first)).toBe(true);
    expect(s().code).toBe('x = 1\n');
    expect(s().settings.timeoutSeconds).toBe(3);
    expect(textOf(stored(b, second)?.project.files[0])).toBe('y = 2\n');

    expect(await s().duplicateSession(first)).toBe(true);
    const copy = s().currentSessionId as string;
    expect(s().sessions.find((m) => m.id === copy)?.name).toBe('Session 1 (copy)');
    expect(s().code).toBe('x = 1\n');
    expect(s().settings.timeoutSeconds).toBe(3);

    expect(await s().deleteSession(copy)).toBe(true);
    expect(b.db.records.has(copy)).toBe(false);
    expect(
      s()
        .sessions.map((m) => m.id)
        .sort(),
    ).toEqual([first, second].sort());
    expect([first, second]).toContain(s().currentSessionId);
  });

  it('refuses to switch while a program runs', async () => {
    const b = browser();
    const { s, store } = await openPage(b);
    store.setState({ running: true });
    expect(await s().createSession()).toBe(false);
    expect(s().sessionError).toMatch(/Stop the running program/);
    expect(s().sessions).toHaveLength(1);
  });

  it('reopens the last session on reload; ?session=<id> opens the one asked for', async () => {
    const b = browser();
    const page = await openPage(b);
    const first = page.s().currentSessionId as string;
    await page.s().createSession('Later');
    const later = page.s().currentSessionId;
    page.s().setCode('after = True\n');
    await page.persisted.flush();

    const reload = await openPage(b);
    expect(reload.s().currentSessionId).toBe(later);
    expect(reload.s().code).toBe('after = True\n');
    expect((await openPage(b, { requestedId: first })).s().currentSessionId).toBe(first);
    const unknown = await openPage(b, { requestedId: 'gone-123' });
    expect(unknown.s().sessionError).toMatch(/There is no session “gone-123” in this browser/);
    expect(unknown.s().sessions).toHaveLength(2);
  });

  it('saves a package installed by hand at once, whatever the debounce (a reload right after keeps it)', async () => {
    const b = browser();
    const { s, store } = await openPage(b);
    const toolz = { spec: 'toolz', name: 'toolz', version: '1.0.0', source: 'index' as const };
    store.setState({ lastInstall: { installed: [{ name: 'toolz', version: '1.0.0' }], failed: [], requested: [toolz] } });
    await vi.waitFor(() => expect(stored(b, s().currentSessionId)?.packages.installed).toEqual([toolz]));
  });

  it('saves before every run, whatever the debounce', async () => {
    const b = browser();
    const { s } = await openPage(b);
    s().setCode('important = 42\n');
    await s().runCode();
    await s().flushSession();
    expect(stored(b, s().currentSessionId)?.project.files).toEqual([{ path: 'main.py', content: 'important = 42\n' }]);
  });

  it('opens a shared link as a new session with the same files and settings, and runs nothing', async () => {
    const a = await openPage(browser());
    a.s().setCode('from helpers import twice\nprint(twice(21))\n');
    a.s().createFile('helpers.py', 'def twice(n):\n    return 2 * n\n');
    a.s().updateSettings({ timeoutSeconds: 3, maxMemoryMB: 256 });
    a.s().setAutoLoadPackages(false);
    const link = a.s().shareLink('http://127.0.0.1/');
    if (!link.ok) throw new Error(link.error);

    const b = browser();
    const other = await openPage(b);
    const own = other.s().currentSessionId;
    other.s().setCode('mine = 1\n');
    const opened = await other.s().openShareHash(new URL(link.url).hash);
    expect(opened).toBe(true);
    const s = other.s;
    expect(s().sessions).toHaveLength(2);
    expect(s().currentSessionId).not.toBe(own);
    expect(s().files).toEqual(a.s().files);
    expect(s().settings).toEqual(a.s().settings);
    expect(s().autoLoadPackages).toBe(false);
    expect(s().sessionOrigin).toMatchObject({ kind: 'link', files: ['helpers.py', 'main.py'] });
    expect(other.ran).toEqual([]); // nothing ran
    expect(s().chatMessages).toEqual([]); // nothing went to the assistant
    expect(stored(b, own)?.project.files).toEqual([{ path: 'main.py', content: 'mine = 1\n' }]);
  });

  it('opens a link given at load after the last session, as a new one', async () => {
    const a = await openPage(browser());
    a.s().setCode('print("shared")\n');
    const link = a.s().shareLink('http://127.0.0.1/');
    if (!link.ok) throw new Error(link.error);
    const b = browser();
    await openPage(b);
    const { s, ran } = await openPage(b, { shareHash: new URL(link.url).hash });
    expect(s().sessions).toHaveLength(2);
    expect(s().code).toBe('print("shared")\n');
    expect(s().sessionOrigin?.kind).toBe('link');
    expect(ran).toEqual([]);
    // Both are "Session 1": the one from the link gets a name of its own.
    expect(
      s()
        .sessions.map((m) => m.name)
        .sort(),
    ).toEqual(['Session 1', 'Session 1 (2)']);
  });

  it('refuses a bad link or file with one message, no new session, and the open session untouched', async () => {
    const b = browser();
    const { s } = await openPage(b);
    s().setCode('untouched = True\n');
    const before = { id: s().currentSessionId, sessions: s().sessions, files: s().files };

    expect(await s().openShareHash('#s/1/N4IgdghgtgpiBcIDCAXAlgGwgAgMoGMA')).toBe(false);
    expect(s().sessionError).toMatch(/^This session link was not opened: .*Your current session was not changed\.$/);
    expect(s().entries.at(-1)?.text).toBe(s().sessionError);
    expect(await s().openShareHash('#s/9/abc')).toBe(false);
    expect(s().sessionError).toMatch(/newer Executor/);
    expect(await s().importSessionText('{"format": "something-else"}', 'notes.json')).toBe(false);
    expect(s().sessionError).toMatch(/^The file “notes.json” was not imported: it is not an Executor session/);

    expect({ id: s().currentSessionId, sessions: s().sessions, files: s().files }).toEqual(before);
    expect(b.db.records.size).toBe(1);
  });

  it('imports a session file exported by another browser as a new session', async () => {
    const a = await openPage(browser());
    a.s().setCode('print("from a file")\n');
    await a.s().renameSession(a.s().currentSessionId as string, 'Exported');
    const text = JSON.stringify(a.s().sessionDocument());
    const { s } = await openPage(browser());
    expect(await s().importSessionText(text, 'exported.executor-session.json')).toBe(true);
    expect(s().sessions.map((m) => m.name)).toContain('Exported');
    expect(s().code).toBe('print("from a file")\n');
    expect(s().sessionOrigin).toMatchObject({ kind: 'file', fileName: 'exported.executor-session.json' });
  });

  it('keeps each session’s history; after a reload "Re-run history" replays the successful runs without recording them again', async () => {
    const b = browser();
    const page = await openPage(b);
    for (const code of ['a = 1\n', 'print(1 / 0)\n', 'b = a + 1\n']) {
      page.s().setCode(code);
      await page.s().runCode();
    }
    await expect.poll(() => page.s().history.length).toBe(3);
    const id = page.s().currentSessionId as string;
    expect(b.history.all.every((e) => e.session === id)).toBe(true);

    const reload = await openPage(b);
    const s = reload.s;
    expect(s().history).toHaveLength(3);
    expect(s().replayOffer).toBe(2);
    expect(s().entries.at(-1)?.text).toMatch(/variables do not survive a reload: its history has 2 successful runs/);
    const batch = await s().replayHistory();
    expect(batch?.summary.succeeded).toBe(2);
    expect(reload.ran.map((r) => [r.code, r.filename])).toEqual([
      ['a = 1\n', 'main.py'],
      ['b = a + 1\n', 'main.py'],
    ]);
    expect(s().history).toHaveLength(3);
    expect(b.history.all).toHaveLength(3);
    expect(s().replayOffer).toBeNull();

    await s().createSession();
    expect(s().history).toEqual([]);
    expect(s().replayOffer).toBeNull();
  });
});
