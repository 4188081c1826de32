import { makeResult } from '../testing/makeResult.ts';
import { describe, expect, it, vi } from 'vitest';
import type { Engine, EngineEvents } from '../engine/engine.ts';
import type { ExecutionResult, RunOptions } from '../protocol/results.ts';
import { createAppStore } from './createAppStore.ts';
import { RUNNING_SHOWN_AFTER_MS } from './createEngineSlice.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const statusListeners = new Set<EngineEvents['status']>();

function fakeEngine(respond: (code: string, opts: Partial<RunOptions>, emit: EngineEvents['output']) => ExecutionResult) {
  const out = new Set<EngineEvents['output']>();
  const engine: Engine = {
    status: { state: 'ready', detail: 'Ready', progress: null },
    capabilities: { sharedMemory: true, reason: null },
    whenReady: () => Promise.resolve(),
    execute: vi.fn(async (code: string, opts: Partial<RunOptions> = {}) =>
      respond(code, opts, (chunks, id) => out.forEach((l) => l(chunks, id))),
    ),
    debug: vi.fn(async () => {
      throw new Error('not used here');
    }),
    resumeDebug: vi.fn(() => false),
    inspectFrame: vi.fn(async () => {
      throw new Error('not used here');
    }),
    stop: vi.fn(),
    sendInput: vi.fn(),
    reset: vi.fn(async () => undefined),
    analyzeDependencies: vi.fn(async () => []),
    install: vi.fn(async () => ({ installed: [], failed: [] })),
    setPypiIndex: () => undefined,
    setSessionPackages: () => undefined,
    declaredDependencies: async () => null,
    validateCode: vi.fn(async () => ({ diagnostics: [], imports: [] })),
    listVariables: vi.fn(async () => ({ rows: [], total: 0, offset: 0 })),
    language: vi.fn(async () => ({ ok: false as const, error: 'no language interpreter here' })),
    handleError: vi.fn(async () => null),
    runTests: vi.fn(async () => {
      throw new Error('not used here');
    }),
    collectTests: vi.fn(async () => []),
    policy: DEFAULT_RUN_POLICY,
    setPolicy: vi.fn(),
    profileCode: vi.fn(async () => {
      throw new Error('not used here');
    }),
    executeBatch: vi.fn(async () => {
      throw new Error('not used here');
    }),
    getLastExecutionMetrics: () => null,
    monitoring: { enableProfiling: true, collectMetrics: true },
    setMonitoring: vi.fn(),
    on: (event, listener) => {
      if (event === 'output') out.add(listener as EngineEvents['output']);
      if (event === 'status') statusListeners.add(listener as EngineEvents['status']);
      return () => undefined;
    },
    dispose: () => undefined,
  };
  return engine;
}

describe('app store', () => {
  it('shows "Running" only for a run that lasts: a blink of a run costs the page no render', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore({ storage: memoryStorage() });
      statusListeners.clear();
      store.getState().attachEngine(fakeEngine(() => makeResult({})));
      const seen: string[] = [];
      store.subscribe((s, before) => {
        if (s.status !== before.status) seen.push(s.status.state);
      });
      const emit = (state: 'running' | 'ready') =>
        statusListeners.forEach((l) => l({ state, detail: state === 'ready' ? 'Ready' : 'Running', progress: null }));
      emit('running');
      vi.advanceTimersByTime(RUNNING_SHOWN_AFTER_MS - 10);
      emit('ready');
      vi.advanceTimersByTime(1000);
      expect(seen).toEqual([]);
      emit('running');
      vi.advanceTimersByTime(RUNNING_SHOWN_AFTER_MS);
      expect(store.getState().status.state).toBe('running');
      emit('ready');
      expect(seen).toEqual(['running', 'ready']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs the code with the settings as limits and shows streamed output, then the value', async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage: storage });
    const engine = fakeEngine((code, opts, emit) => {
      emit(
        [
          { stream: 'stdout', text: 'hi\n' },
          { stream: 'stderr', text: 'warn\n' },
        ],
        1,
      );
      return makeResult({ value: '42' });
    });
    store.getState().attachEngine(engine);
    store.getState().setCode('print("hi")\n42');
    store.getState().updateSettings({ timeoutSeconds: '2', maxMemoryMB: '128', maxOutputChars: '300' });
    await store.getState().runCode();
    expect(engine.execute).toHaveBeenCalledWith('print("hi")\n42', {
      timeoutMs: 2000,
      maxMemoryMB: 128,
      maxOutputChars: 300,
      autoLoadPackages: true,
      // The project's files go with every run; the active file runs as __main__.
      files: [{ path: 'main.py', content: 'print("hi")\n42' }],
      filename: 'main.py',
    });
    expect(store.getState().entries.map((e) => [e.kind, e.text])).toEqual([
      ['stdout', 'hi\n'],
      ['stderr', 'warn\n'],
      ['value', '42'],
    ]);
  });

  it('explains a timeout and keeps invalid settings out', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().attachEngine(fakeEngine(() => makeResult({ success: false, status: 'timeout', stateKept: true })));
    const check = store.getState().updateSettings({ timeoutSeconds: '-3', maxMemoryMB: '256', maxOutputChars: '100' });
    expect(check.ok).toBe(false);
    expect(store.getState().settings.maxMemoryMB).toBe(512);
    expect(store.getState().settingsErrors.timeoutSeconds).toMatch(/Timeout/);
    await store.getState().runCode();
    const last = store.getState().entries.at(-1);
    expect(last?.kind).toBe('notice');
    expect(last?.text).toMatch(/time limit of 30 s.*Variables were kept/);
  });
});

describe('console scrollback', () => {
  it('keeps the newest output of a huge stream and marks what scrolled away', async () => {
    const { MAX_ENTRY_CHARS, SCROLLED_MARKER } = await import('./createOutputSlice.ts');
    const store = createAppStore({ storage: memoryStorage() });
    for (let i = 0; i < 30; i++) store.getState().appendOutput([{ stream: 'stdout', text: `${i}`.padEnd(10_000, '.') }]);
    const entry = store.getState().entries[0];
    expect(entry?.text.length).toBe(MAX_ENTRY_CHARS);
    expect(entry?.text.startsWith(SCROLLED_MARKER)).toBe(true);
    expect(entry?.text.endsWith('29'.padEnd(10_000, '.'))).toBe(true);
  });
});
