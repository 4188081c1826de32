import { describe, expect, it } from 'vitest';
import { createMemoryHistoryStorage } from '../runs/historyStorage.ts';
import { createMemoryProjectStorage } from '../project/projectStorage.ts';
import { createMemorySessionDb } from '../session/sessionDb.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { createAppStore } from './createAppStore.ts';
import { persistSessions } from './persistSessions.ts';
import type { SessionRecord } from './sessionTypes.ts';
import { startOver } from './startOver.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

async function openPage() {
  const store = createAppStore({
    storage: memoryStorage(),
    chatStorage: memoryStorage(),
    projectStorage: createMemoryProjectStorage(null),
    historyStorage: createMemoryHistoryStorage(),
    sessionDb: createMemorySessionDb<SessionRecord>(),
  });
  const { engine } = createRecordingEngine();
  store.getState().attachEngine(engine);
  await persistSessions(store, {}, 60_000).ready;
  return { store, engine };
}

describe('startOver', () => {
  it('leaves what the last user did behind: a new empty session in a fresh interpreter, default settings and layout', async () => {
    const { store, engine } = await openPage();
    const s = () => store.getState();
    s().setCode('x = 1\n');
    s().updateSettings({ timeoutSeconds: 3 });
    s().showPanel('profile');
    s().setPaneOpen('chat', false);
    s().setSettingsOpen(true);
    s().appendEntry('notice', 'from the last test');
    store.setState({ runCount: 3 });
    const before = s().currentSessionId;

    await startOver(store);

    expect(s().currentSessionId).not.toBe(before);
    expect(s().sessions).toHaveLength(2); // the old session is kept
    expect(s().code).not.toContain('x = 1');
    expect(s().settings.timeoutSeconds).toBe(30);
    expect(s().entries).toEqual([]);
    expect([s().panelTab, s().chatOpen, s().settingsOpen]).toEqual(['console', true, false]);
    expect([s().runCount, s().lastResult]).toEqual([0, null]);
    expect(engine.reset).toHaveBeenCalledTimes(1);
  });

  it('stops a running program first, and says so when it will not stop', async () => {
    const { store, engine } = await openPage();
    store.setState({ running: true });
    await expect(startOver(store, 50)).rejects.toThrow('The running program or the assistant did not stop within 0.05 s.');
    expect(engine.stop).toHaveBeenCalled();
    setTimeout(() => store.setState({ running: false }), 10);
    await startOver(store, 1000);
    expect(store.getState().running).toBe(false);
  });
});
