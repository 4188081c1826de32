import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from './createAppStore.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

async function setup() {
  const tab = memoryStorage();
  const store = createAppStore({ storage: memoryStorage(), chatStorage: tab });
  const recording = createRecordingEngine((code) =>
    code.includes('1 / 0')
      ? makeResult({
          success: false,
          status: 'error',
          error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: '', line: 1 },
        })
      : makeResult({ stdout: '42\n', output: [{ stream: 'stdout', text: '42\n' }] }),
  );
  recording.engine.runTests = vi.fn(async () =>
    makeTestResult({ records: [makeTestRecord({ nodeId: 'test_calc.py::test_add' })], collected: ['test_calc.py::test_add'] }),
  );
  store.getState().attachEngine(recording.engine);
  await store.getState().hydrateProject();
  store.getState().setAgentMode({ kind: 'offline', accessTokenRequired: false });
  return { store, tab, ...recording };
}

const lastMessage = (store: Awaited<ReturnType<typeof setup>>['store']) => store.getState().chatMessages.at(-1);

describe('the chat slice, with the offline assistant', () => {
  it('sends the draft, runs the code with execute_code, and records the run like an editor run', async () => {
    const { store, ran } = await setup();
    store.getState().setChatDraft('Execute this code:\n```python\nprint(6 * 7)\n```');
    await store.getState().sendChatMessage();
    const s = store.getState();
    expect(s.chatDraft).toBe('');
    expect(s.chatBusy).toBe(false);
    expect(s.chatMessages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(lastMessage(store)?.state).toBe('done');
    expect(lastMessage(store)?.parts.some((p) => p.kind === 'tool' && p.call.name === 'execute_code')).toBe(true);
    expect(ran.map((r) => r.code)).toEqual(['print(6 * 7)']);
    // The project goes with the agent's run, so it can import it and what it writes comes back.
    expect(ran[0]?.files).toEqual(s.files);
    expect(s.runCount).toBe(1);
    expect(s.lastResult?.stdout).toBe('42\n');
    // What the tool printed is in the console under a line naming the tool.
    expect(s.entries.some((e) => e.kind === 'run' && e.text.includes('execute_code (from the chat)'))).toBe(true);
  });

  it("shows the assistant's test runs in the Tests panel", async () => {
    const { store } = await setup();
    await store.getState().sendChatMessage('Run the tests');
    expect(store.getState().testResult?.records[0]?.nodeId).toBe('test_calc.py::test_add');
    expect(store.getState().collectedTests).toEqual(['test_calc.py::test_add']);
  });

  it('keeps installs for the session, and says in the console why one failed', async () => {
    const { store, engine } = await setup();
    engine.install = vi.fn(async () => ({
      installed: [{ name: 'six', version: '1.16' }],
      failed: [{ name: 'nope', reason: 'not in the index' }],
    }));
    await store.getState().runChatTool('install_packages', { packages: ['six', 'nope'] });
    expect(store.getState().lastInstall?.installed).toEqual([{ name: 'six', version: '1.16' }]);
    expect(store.getState().entries.some((e) => e.kind === 'notice' && e.text.includes('not in the index'))).toBe(true);
  });

  it('does nothing for an empty message, and nothing without an engine', async () => {
    const { store } = await setup();
    await store.getState().sendChatMessage('   ');
    expect(store.getState().chatMessages).toEqual([]);
    const bare = createAppStore();
    await bare.getState().sendChatMessage('hello');
    expect(bare.getState().chatMessages).toEqual([]);
  });

  it('answers offline on request, and clears the chat', async () => {
    const { store } = await setup();
    await store.getState().answerOffline('Show the files');
    expect(lastMessage(store)?.parts.some((p) => p.kind === 'tool' && p.call.name === 'list_files')).toBe(true);
    store.getState().clearChat();
    expect(store.getState().chatMessages).toEqual([]);
    expect(store.getState().chatSnapshot().history).toEqual([]);
  });

  it('inserts code in the editor and takes it back', async () => {
    const { store } = await setup();
    store.getState().setCode('mine = 1');
    store.getState().insertCode('theirs = 2');
    expect(store.getState().code).toBe('theirs = 2');
    expect(store.getState().codeBeforeInsert).toBe('mine = 1');
    store.getState().restoreCodeBeforeInsert();
    expect(store.getState().code).toBe('mine = 1');
    expect(store.getState().codeBeforeInsert).toBeNull();
    store.getState().restoreCodeBeforeInsert();
    expect(store.getState().code).toBe('mine = 1');
  });

  it('restores a chat with its draft, and keeps the conversation and the token for the tab', async () => {
    const { store, tab } = await setup();
    await store.getState().sendChatMessage('Show the files');
    const snapshot = store.getState().chatSnapshot();
    store.getState().restoreChat({ messages: [], history: [] }, 'half typed');
    expect(store.getState().chatMessages).toEqual([]);
    expect(store.getState().chatDraft).toBe('half typed');
    store.getState().restoreChat(snapshot, '');
    expect(store.getState().chatMessages).toHaveLength(2);
    store.getState().setChatAccessToken('  secret  ');
    expect(store.getState().chatAccessToken).toBe('secret');
    const again = createAppStore({ chatStorage: tab });
    expect(again.getState().chatAccessToken).toBe('secret');
  });

  it('Stop ends an answer, and stops the run a tool started', async () => {
    const { store, engine } = await setup();
    let release = (): void => undefined;
    engine.execute = vi.fn(
      () =>
        new Promise<ExecutionResult>((resolve) => {
          release = () => resolve(makeResult({ status: 'stopped', success: false }));
        }),
    );
    const answer = store.getState().sendChatMessage('Run this, then list the files\n```python\nwhile True: pass\n```');
    await vi.waitFor(() => expect(engine.execute).toHaveBeenCalled());
    store.getState().stopAgent();
    expect(engine.stop).toHaveBeenCalled();
    release();
    await answer;
    expect(lastMessage(store)?.state).toBe('stopped');
    expect(store.getState().chatBusy).toBe(false);
  });
});
