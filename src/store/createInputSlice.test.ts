import { describe, expect, it, vi } from 'vitest';
import type { Engine, EngineEvents } from '../engine/engine.ts';
import type { DisplayData, ExecutionResult } from '../protocol/results.ts';
import { makeResult } from '../testing/makeResult.ts';
import { createAppStore } from './createAppStore.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

/** An engine whose run is driven by the test through `emit` and `finish`. */
function fakeEngine() {
  const listeners: { [K in keyof EngineEvents]?: Array<EngineEvents[K]> } = {};
  let finish: (r: ExecutionResult) => void = () => undefined;
  const engine = {
    status: { state: 'ready', detail: 'Ready', progress: null },
    execute: vi.fn(() => new Promise<ExecutionResult>((resolve) => (finish = resolve))),
    sendInput: vi.fn(),
    stop: vi.fn(),
    setPolicy: vi.fn(),
    on: <K extends keyof EngineEvents>(event: K, listener: EngineEvents[K]) => {
      (listeners[event] ??= [] as never).push(listener as never);
      return () => undefined;
    },
  } as unknown as Engine;
  const emit = {
    input: () => listeners.input?.forEach((l) => l(1)),
    display: (d: DisplayData) => listeners.display?.forEach((l) => l(d, 1)),
    output: (text: string) => listeners.output?.forEach((l) => l([{ stream: 'stdout', text }], 1)),
  };
  return { engine, emit, finish: (r: ExecutionResult) => finish(r) };
}

describe('input and display in the store', () => {
  it('shows an input request, sends the typed line once and echoes it', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const { engine, emit, finish } = fakeEngine();
    store.getState().attachEngine(engine);
    const done = store.getState().runCode();
    emit.output('Name? ');
    emit.input();
    expect(store.getState().awaitingInput).toBe(true);
    store.getState().submitInput('Ada');
    store.getState().submitInput('twice'); // nothing waits any more
    expect(engine.sendInput).toHaveBeenCalledTimes(1);
    expect(engine.sendInput).toHaveBeenCalledWith('Ada');
    emit.input();
    store.getState().submitInput(null);
    expect(engine.sendInput).toHaveBeenLastCalledWith(null);
    emit.input(); // the run then ends (stopped) while waiting: the box goes away
    finish(makeResult());
    await done;
    expect(store.getState().awaitingInput).toBe(false);
    expect(store.getState().entries.map((e) => [e.kind, e.text])).toEqual([
      ['stdout', 'Name? '],
      ['stdin', 'Ada\n'],
      ['stdin', '^D\n'],
    ]);
  });

  it('keeps a line typed but not sent when the run ends, says so, and offers it at the next prompt', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const { engine, emit, finish } = fakeEngine();
    store.getState().attachEngine(engine);
    const done = store.getState().runCode();
    emit.input();
    store.getState().setInputDraft('half-typ');
    finish(makeResult({ status: 'stopped' }));
    await done;
    expect(store.getState().inputDraft).toBe('half-typ');
    expect(store.getState().entries.at(-1)?.text).toMatch(/"half-typ"\) is kept for the next prompt/);
    const again = store.getState().runCode();
    emit.input();
    store.getState().submitInput(store.getState().inputDraft + 'ed');
    expect(engine.sendInput).toHaveBeenLastCalledWith('half-typed');
    expect(store.getState().inputDraft).toBe('');
    finish(makeResult());
    await again;
  });

  it('runs with pre-filled stdin when it is on, and keeps the stdin settings', async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage: storage });
    const { engine, finish } = fakeEngine();
    store.getState().attachEngine(engine);
    store.getState().updateStdinSettings({ stdinText: '1\n2\n', stdinEnabled: true, inputCountsTowardTimeout: true });
    const done = store.getState().runCode();
    finish(makeResult());
    await done;
    expect(engine.execute).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ stdin: '1\n2\n', inputCountsTowardTimeout: true }),
    );
    const again = createAppStore({ storage: storage }).getState();
    expect([again.stdinText, again.stdinEnabled, again.inputCountsTowardTimeout]).toEqual(['1\n2\n', true, true]);
  });

  it('adds displays as console entries and does not repeat a rich trailing value as text', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const { engine, emit, finish } = fakeEngine();
    store.getState().attachEngine(engine);
    const done = store.getState().runCode();
    const table: DisplayData = { kind: 'result', data: { 'text/html': '<table></table>', 'text/plain': 'Frame()' } };
    emit.display(table);
    finish(makeResult({ value: 'Frame()', displays: [table] }));
    await done;
    expect(store.getState().entries).toEqual([{ id: expect.any(Number), kind: 'display', text: 'Frame()', display: table }]);
  });
});
