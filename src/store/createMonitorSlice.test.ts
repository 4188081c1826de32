import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from './createAppStore.ts';
import { createMemoryHistoryStorage } from '../runs/historyStorage.ts';
import { HISTORY_BATCH_MS } from '../runs/createHistoryBatcher.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

async function setup() {
  const history = createMemoryHistoryStorage();
  const storage = memoryStorage();
  const store = createAppStore({ storage, historyStorage: history });
  const recording = createRecordingEngine((code) =>
    code.includes('fail')
      ? makeResult({ success: false, status: 'error', error: { type: 'ValueError', message: 'bad', traceback: '', line: 1 } })
      : makeResult({ stdout: `${code}\n`, output: [{ stream: 'stdout', text: `${code}\n` }] }),
  );
  store.getState().attachEngine(recording.engine);
  await store.getState().hydrateProject();
  return { store, history, storage, ...recording };
}

/** The history queues a run when the engine says it finished (a microtask or two later) and writes it in the next batch. */
const saved = async (store: Awaited<ReturnType<typeof setup>>['store']) => {
  await new Promise((r) => setTimeout(r, 0));
  await store.getState().flushHistory();
};

describe('the monitor slice: history', () => {
  it('records every run of the session, filters, selects, exports and clears', async () => {
    const { store } = await setup();
    await store.getState().runCode({ code: 'a = 1' });
    await store.getState().runCode({ code: 'fail()' });
    await saved(store);
    const s = store.getState();
    expect(s.history.map((e) => [e.code, e.status])).toEqual([
      ['a = 1', 'ok'],
      ['fail()', 'error'],
    ]);
    s.setHistoryFilter('error');
    expect(store.getState().historyFilter).toBe('error');
    s.selectHistory(s.history[1]?.id ?? null);
    expect(store.getState().historySelected).toBe(s.history[1]?.id);
    const exported = JSON.parse(s.exportHistory()) as { runs: unknown[]; session: string };
    expect(exported.runs).toHaveLength(2);
    expect(exported.session).toBe(s.historySessionKey());
    await s.clearHistory();
    expect(store.getState().history).toEqual([]);
    expect(store.getState().historySelected).toBeNull();
  });

  it('writes runs in one batch after they finish, never before their result', async () => {
    vi.useFakeTimers();
    try {
      const { store, history } = await setup();
      const addMany = vi.spyOn(history, 'addMany');
      await store.getState().runCode({ code: 'a = 1' });
      await store.getState().runCode({ code: 'b = 2' });
      await store.getState().runCode({ code: 'fail()' });
      // The results came back; nothing was written on their way.
      expect(addMany).not.toHaveBeenCalled();
      expect(history.all).toEqual([]);
      await vi.advanceTimersByTimeAsync(HISTORY_BATCH_MS);
      expect(addMany).toHaveBeenCalledTimes(1);
      expect(history.all.map((e) => e.code)).toEqual(['a = 1', 'b = 2', 'fail()']);
      expect(store.getState().history.map((e) => e.id)).toEqual(history.all.map((e) => e.id));
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when a batch cannot be written', async () => {
    const { store, history } = await setup();
    history.addMany = vi.fn(async () => {
      throw new Error('quota');
    });
    await store.getState().runCode({ code: 'a = 1' });
    await saved(store);
    expect(store.getState().historyError).toMatch(/could not be saved in the history: quota/);
  });

  it('keeps a limit in range, remembered on this device, and says what range a bad one must be in', async () => {
    const { store, storage } = await setup();
    for (let i = 0; i < 12; i++) await store.getState().runCode({ code: `x = ${i}` });
    await saved(store);
    expect(store.getState().setHistoryLimit(5)).toMatch(/between 10 and 10000/);
    expect(store.getState().setHistoryLimit(10.5)).toMatch(/whole number/);
    expect(store.getState().setHistoryLimit(10)).toBeNull();
    expect(store.getState().history).toHaveLength(10);
    expect(createAppStore({ storage }).getState().historyLimit).toBe(10);
  });

  it('runs a past run again as its file, and opens its code in a new file', async () => {
    const { store, ran } = await setup();
    await store.getState().runCode({ code: 'print(7)', filename: 'seven.py' });
    await saved(store);
    const id = store.getState().history[0]?.id ?? -1;
    await store.getState().rerunHistory(id);
    expect(ran.at(-1)).toMatchObject({ code: 'print(7)', filename: 'seven.py' });
    const before = store.getState().files.length;
    store.getState().openHistoryCode(id);
    expect(store.getState().files.length).toBe(before + 1);
    await store.getState().rerunHistory(999_999); // gone: nothing happens
    expect(ran).toHaveLength(2);
  });

  it('a session switch offers to replay its successful runs, and replay loads its packages first', async () => {
    const { store, history, engine, ran } = await setup();
    await history.add(
      { session: 'other', at: 1, source: 'main.py', kind: 'run', code: 'import six\nz = 3', status: 'ok', metrics: null, output: '' },
      500,
    );
    await history.add(
      { session: 'other', at: 2, source: 'main.py', kind: 'run', code: 'boom', status: 'error', metrics: null, output: '' },
      500,
    );
    expect(await store.getState().setHistorySession('other')).toBe(1);
    expect(store.getState().replayOffer).toBe(1);
    store.setState({ sessionPackages: [{ spec: 'six', name: 'six', version: '1.17.0', source: 'index' }] });
    const batch = await store.getState().replayHistory();
    expect(engine.install).toHaveBeenCalledWith(['six']);
    expect(batch?.summary.succeeded).toBe(1);
    expect(ran.at(-1)?.code).toBe('import six\nz = 3');
    expect(store.getState().replayOffer).toBeNull();
    expect(store.getState().running).toBe(false);
    expect(store.getState().entries.some((e) => e.text.startsWith('Re-run history:'))).toBe(true);
    store.getState().dismissReplayOffer();
    expect(store.getState().replayOffer).toBeNull();
  });

  it('says so when the history cannot be read, and when a replay fails', async () => {
    const { store, history, engine } = await setup();
    history.list = vi.fn(async () => {
      throw new Error('disk says no');
    });
    await store.getState().setHistorySession('broken');
    expect(store.getState().historyError).toMatch(/could not be read: disk says no/);
    store.setState({
      history: [{ id: 1, session: 'broken', at: 1, source: 'a.py', kind: 'run', code: 'x', status: 'ok', metrics: null, output: '' }],
    });
    engine.executeBatch = vi.fn(async () => {
      throw new Error('frame gone');
    });
    expect(await store.getState().replayHistory()).toBeNull();
    expect(store.getState().historyError).toMatch(/Re-running the history failed: frame gone/);
  });
});

describe('the monitor slice: profile and Run all', () => {
  it('says why nothing was measured, and that profiling is off when it is', async () => {
    const { store } = await setup();
    store.getState().setCode('x = 1');
    await store.getState().profileCode();
    expect(store.getState().profileError).toMatch(/Nothing was measured/);
    store.getState().updateSettings({ enableProfiling: false });
    await store.getState().profileCode();
    expect(store.getState().profileError).toMatch(/Profiling is off|ENABLE_PROFILING/);
  });

  it('Run all runs the ticked files in order, counts their runs, and a session switch forgets the result', async () => {
    const { store, ran } = await setup();
    store.getState().createFile('a.py', 'print("a")');
    store.getState().createFile('b.py', 'print("b")');
    store.getState().setBatchSelection(['b.py', 'a.py']);
    store.getState().setBatchOptions({ stopOnError: false, sharedState: true });
    const before = store.getState().runCount;
    const batch = await store.getState().runAll();
    expect(ran.slice(-2).map((r) => r.filename)).toEqual(['b.py', 'a.py']);
    expect(batch?.summary.total).toBe(2);
    expect(store.getState().runCount).toBe(before + 2);
    expect(store.getState().batchResult).toBe(batch);
    store.getState().resetMonitorForSession();
    expect(store.getState().batchResult).toBeNull();
    expect(store.getState().batchSelection).toBeNull();
  });
});
