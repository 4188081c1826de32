import { describe, expect, it, vi } from 'vitest';
import type { DebugPause } from '../protocol/debug.ts';
import type { ExecutionResult } from '../protocol/results.ts';
import type { VariableRow } from '../protocol/variables.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import { commands, matchesShortcut } from '../commands/commands.ts';
import { createAppStore } from './createAppStore.ts';
import { runBreakpoints } from './createDebugSlice.ts';
import { debugKey } from './debugTypes.ts';

const row = (name: string, repr: string, expandable = false): VariableRow => ({
  name,
  type: 'int',
  kind: 'value',
  size: null,
  repr,
  expandable,
});

const pauseAt = (file: string, line: number, frames = [{ name: '<module>', file, line }]): DebugPause => ({
  reason: 'breakpoint',
  message: null,
  file,
  line,
  frames,
  locals: { rows: [row('i', '0')], total: 1, offset: 0 },
});

/** A store with a project of two files and an engine whose debug run lasts until `finish`. */
function setup() {
  const store = createAppStore();
  const { engine, emit } = createRecordingEngine();
  let finish: (r: ExecutionResult) => void = () => undefined;
  engine.debug = vi.fn(() => new Promise<ExecutionResult>((resolve) => (finish = resolve)));
  store.getState().attachEngine(engine);
  store.getState().loadProject({
    files: [
      { path: 'main.py', content: 'import calc\nfor i in range(3):\n    calc.add(i, 1)\n' },
      { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
    ],
    activePath: 'main.py',
    openPaths: ['main.py'],
  });
  return { store, engine, emit, finish: (r: ExecutionResult = makeResult()) => finish(r) };
}

describe('debug slice', () => {
  it('toggles breakpoints per file and line, keeps conditions, and gives runs those of existing files', () => {
    const { store } = setup();
    const s = () => store.getState();
    s().toggleBreakpoint('main.py', 3);
    s().toggleBreakpoint('calc.py', 2);
    s().toggleBreakpoint('gone.py', 1);
    s().setBreakpointCondition('main.py', 3, ' i == 2 ');
    expect(s().breakpoints).toEqual([
      { file: 'calc.py', line: 2 },
      { file: 'gone.py', line: 1 },
      { file: 'main.py', line: 3, condition: 'i == 2' },
    ]);
    expect(runBreakpoints(s())).toEqual([
      { file: 'calc.py', line: 2 },
      { file: 'main.py', line: 3, condition: 'i == 2' },
    ]);
    s().setBreakpointCondition('main.py', 3, '');
    s().toggleBreakpoint('calc.py', 2);
    s().removeBreakpoint('gone.py', 1);
    expect(s().breakpoints).toEqual([{ file: 'main.py', line: 3 }]);
  });

  it('the project snapshot keeps the breakpoints, and opening a project restores them', () => {
    const { store } = setup();
    store.getState().toggleBreakpoint('main.py', 2);
    const snapshot = {
      files: store.getState().files,
      activePath: 'main.py',
      openPaths: ['main.py'],
      breakpoints: store.getState().breakpoints,
    };
    const other = createAppStore();
    other.getState().loadProject(snapshot);
    expect(other.getState().breakpoints).toEqual([{ file: 'main.py', line: 2 }]);
  });

  it('a debug run gets the breakpoints (and run to cursor a temporary one); a pause shows the Debug tab, the frame and its file', async () => {
    const { store, engine, emit, finish } = setup();
    store.getState().toggleBreakpoint('calc.py', 2);
    const done = store.getState().debugCode({ toLine: 3 });
    await vi.waitFor(() => expect(engine.debug).toHaveBeenCalled());
    expect(engine.debug).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({
        breakpoints: [
          { file: 'calc.py', line: 2 },
          { file: 'main.py', line: 3, temporary: true },
        ],
        filename: 'main.py',
      }),
    );
    expect(store.getState()).toMatchObject({ debugging: true, running: true });
    emit(
      'paused',
      pauseAt('calc.py', 2, [
        { name: 'add', file: 'calc.py', line: 2 },
        { name: '<module>', file: 'main.py', line: 3 },
      ]),
      1,
    );
    expect(store.getState()).toMatchObject({ panelTab: 'debug', activePath: 'calc.py', debugFrame: 0 });
    expect(store.getState().debugTree.locals?.rows).toEqual([row('i', '0')]);
    // The editor's own debug run shows the Output view on a phone.
    expect(store.getState().compactView).toBe('output');
    // Commands: Debug (F5) continues while paused; the steps are enabled.
    const debugCommand = commands.find((c) => c.id === 'debug');
    expect(debugCommand?.isEnabled(store.getState())).toBe(true);
    expect(commands.find((c) => c.id === 'debug-step-out')?.isEnabled(store.getState())).toBe(true);

    store.getState().resumeDebug('step-over');
    expect(engine.resumeDebug).toHaveBeenCalledWith('step-over', [{ file: 'calc.py', line: 2 }]);
    expect(store.getState().debugPause).toBeNull();
    expect(commands.find((c) => c.id === 'debug-step-out')?.isEnabled(store.getState())).toBe(false);
    finish();
    await done;
    expect(store.getState()).toMatchObject({ debugging: false, running: false, debugPause: null });
  });

  it('selecting a frame lists its names; values open lazily; watches are evaluated at each pause', async () => {
    const { store, engine, emit, finish } = setup();
    engine.inspectFrame = vi.fn(async (query) => {
      if (query.kind === 'evaluate') return row(query.expression, `frame ${query.frame}`);
      if (query.request.name === null) return { rows: [row(`${query.scope}-of-${query.frame}`, '1', true)], total: 1, offset: 0 };
      return { rows: [row('[0]', '7')], total: 1, offset: 0 };
    });
    await store.getState().addDebugWatch('a + b');
    expect(store.getState().debugWatches).toEqual([{ expression: 'a + b', result: null, error: null, loading: false }]);
    const done = store.getState().debugCode();
    await vi.waitFor(() => expect(engine.debug).toHaveBeenCalled());
    const frames = [
      { name: 'add', file: 'calc.py', line: 2 },
      { name: '<module>', file: 'main.py', line: 3 },
    ];
    emit('paused', pauseAt('calc.py', 2, frames), 1);
    await vi.waitFor(() => expect(store.getState().debugWatches[0]?.result?.repr).toBe('frame 0'));
    await store.getState().selectDebugFrame(1);
    expect(store.getState().activePath).toBe('main.py');
    expect(store.getState().debugTree.locals?.rows.map((r) => r.name)).toEqual(['locals-of-1']);
    await vi.waitFor(() => expect(store.getState().debugWatches[0]?.result?.repr).toBe('frame 1'));
    const key = debugKey('locals', 'locals-of-1');
    await store.getState().toggleDebugVariable(key);
    expect(store.getState().debugTree[key]?.rows).toEqual([row('[0]', '7')]);
    expect(engine.inspectFrame).toHaveBeenCalledWith({
      kind: 'variables',
      frame: 1,
      scope: 'locals',
      request: { name: 'locals-of-1', path: [], offset: 0 },
    });
    await store.getState().toggleDebugVariable('globals');
    expect(store.getState().debugTree.globals?.rows.map((r) => r.name)).toEqual(['globals-of-1']);
    store.getState().removeDebugWatch(0);
    expect(store.getState().debugWatches).toEqual([]);
    finish();
    await done;
  });

  it("Debug on a test runs that node id with the test file's source", async () => {
    const { store, engine, finish } = setup();
    store.getState().loadProject({
      files: [
        { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
        { path: 'test_calc.py', content: 'from calc import add\ndef test_add():\n    assert add(1, 2) == 3\n' },
      ],
      activePath: 'calc.py',
      openPaths: ['calc.py'],
    });
    const done = store.getState().debugTest('test_calc.py::test_add');
    await vi.waitFor(() => expect(engine.debug).toHaveBeenCalled());
    expect(engine.debug).toHaveBeenCalledWith(
      'from calc import add\ndef test_add():\n    assert add(1, 2) == 3\n',
      expect.objectContaining({ filename: 'test_calc.py', test: 'test_calc.py::test_add', breakpoints: [] }),
    );
    finish();
    await done;
  });

  it('shortcuts: F11 steps into, Shift+F11 steps out', () => {
    const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });
    expect(commands.find((c) => c.shortcut && matchesShortcut(c.shortcut, key('F11')))?.id).toBe('debug-step-into');
    expect(commands.find((c) => c.shortcut && matchesShortcut(c.shortcut, key('F11', true)))?.id).toBe('debug-step-out');
    expect(commands.find((c) => c.shortcut && matchesShortcut(c.shortcut, key('Enter', true)))).toBeUndefined();
  });
});

describe('debug slice: edges', () => {
  it("shows a pause of a debug run the agent started (not the slice), and clears it when that run's result comes", () => {
    const { store, emit } = setup();
    store.getState().setCompactView('assistant');
    emit('paused', { ...pauseAt('calc.py', 2), reason: 'exception', message: 'ZeroDivisionError: division by zero' }, 7);
    expect(store.getState().debugPause).toMatchObject({ file: 'calc.py', line: 2, reason: 'exception' });
    expect(store.getState().debugTree.locals?.rows).toEqual([row('i', '0')]);
    // The Debug tab is chosen, but a phone stays on the chat that asked.
    expect(store.getState().panelTab).toBe('debug');
    expect(store.getState().compactView).toBe('assistant');
    emit('result', { code: '', options: {} as never, result: makeResult() });
    expect(store.getState().debugPause).toBeNull();
    expect(store.getState().debugTree).toEqual({});
  });

  it('the Debug tab badge says paused, or counts breakpoints', async () => {
    const { panelBadge } = await import('../ui/layout/panelTabs.ts');
    const { store, emit, engine, finish } = setup();
    expect(panelBadge('debug', store.getState())).toBeNull();
    store.getState().toggleBreakpoint('main.py', 2);
    expect(panelBadge('debug', store.getState())).toMatchObject({ text: '1', tone: 'muted' });
    const done = store.getState().debugCode();
    await vi.waitFor(() => expect(engine.debug).toHaveBeenCalled());
    emit('paused', pauseAt('main.py', 2), 1);
    expect(panelBadge('debug', store.getState())).toMatchObject({ text: 'paused', tone: 'warn' });
    // Run to cursor while paused: a temporary breakpoint at the active file's line.
    store.getState().resumeDebug('continue', { toLine: 3 });
    expect(engine.resumeDebug).toHaveBeenLastCalledWith('continue', [
      { file: 'main.py', line: 2 },
      { file: 'main.py', line: 3, temporary: true },
    ]);
    // Not paused any more: nothing to resume.
    store.getState().resumeDebug('step-over');
    expect(engine.resumeDebug).toHaveBeenCalledTimes(1);
    finish();
    await done;
  });

  it('Debug is off without shared memory, continues when paused, and a failed listing says why', async () => {
    const { store, emit, engine, finish } = setup();
    const debugCommand = commands.find((c) => c.id === 'debug');
    store.setState({ capabilities: { sharedMemory: false, reason: 'no SharedArrayBuffer' } });
    expect(debugCommand?.isEnabled(store.getState())).toBe(false);
    store.setState({ capabilities: { sharedMemory: true, reason: null } });
    expect(debugCommand?.isEnabled(store.getState())).toBe(true);
    engine.inspectFrame = vi.fn(async () => {
      throw new Error('that frame is gone');
    });
    const done = debugCommand?.execute(store) as Promise<unknown>;
    await vi.waitFor(() => expect(engine.debug).toHaveBeenCalled());
    emit('paused', pauseAt('main.py', 2), 1);
    await store.getState().toggleDebugVariable('globals');
    expect(store.getState().debugTree.globals?.error).toBe('Could not list these: that frame is gone');
    await store.getState().toggleDebugVariable('globals'); // closes
    expect(store.getState().debugExpanded).not.toContain('globals');
    await store.getState().addDebugWatch('  ');
    await store.getState().addDebugWatch('x');
    await vi.waitFor(() => expect(store.getState().debugWatches[0]?.error).toBe('that frame is gone'));
    await store.getState().selectDebugFrame(5); // no such frame: nothing changes
    expect(store.getState().debugFrame).toBe(0);
    void debugCommand?.execute(store); // paused: Debug (F5) continues
    expect(engine.resumeDebug).toHaveBeenCalledWith('continue', []);
    finish();
    await done;
  });
});
