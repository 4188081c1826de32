import { describe, expect, it } from 'vitest';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import { makeTestResult } from '../testing/makeTestResult.ts';
import { panelBadge } from '../ui/layout/panelTabs.ts';
import { createAppStore } from './createAppStore.ts';
import { loadLayoutPrefs } from './createLayoutSlice.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('the layout slice', () => {
  it('keeps the panel tab, theme and folded panes per device, ignoring malformed values field by field', () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage: storage });
    store.getState().showPanel('history');
    store.getState().toggleTheme('dark');
    store.getState().setPaneOpen('chat', false);
    expect(loadLayoutPrefs(storage)).toEqual({ panelTab: 'history', themePreference: 'light', filesOpen: true, chatOpen: false });
    expect(createAppStore({ storage: storage }).getState()).toMatchObject({
      panelTab: 'history',
      themePreference: 'light',
      chatOpen: false,
    });

    const bad = memoryStorage({
      'executor.layout.v1': JSON.stringify({ panelTab: 'nope', themePreference: 'neon', filesOpen: 'yes', chatOpen: false }),
    });
    expect(loadLayoutPrefs(bad)).toEqual({ panelTab: 'console', themePreference: 'system', filesOpen: true, chatOpen: false });
    expect(loadLayoutPrefs(memoryStorage({ 'executor.layout.v1': '{not json' }))).toMatchObject({ panelTab: 'console' });
  });

  it('a run shows the console, a test run the Tests tab, and on a phone the output view', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const { engine } = createRecordingEngine();
    engine.runTests = async () => makeTestResult();
    store.getState().attachEngine(engine);
    store.getState().showPanel('problems');
    store.getState().setCompactView('editor');
    await store.getState().runCode();
    expect(store.getState()).toMatchObject({ panelTab: 'console', compactView: 'output' });
    await store.getState().runTests();
    expect(store.getState().panelTab).toBe('tests');
  });

  it('tab badges count failures and problems, and say nothing when there is nothing to say', () => {
    const store = createAppStore({ storage: memoryStorage() });
    const s = () => store.getState();
    expect(panelBadge('tests', s())).toBeNull();
    expect(panelBadge('console', s())).toBeNull();
    store.setState({ testResult: makeTestResult({ failed: 2, errors: 1, passed: 5, status: 'failed' }) });
    expect(panelBadge('tests', s())).toMatchObject({ text: '3', tone: 'error' });
    store.setState({ lastResult: makeResult({ success: false, status: 'timeout' }) });
    expect(panelBadge('console', s())).toMatchObject({ text: 'timeout', tone: 'error' });
    const diagnostic = {
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'warning' as const,
      rule: 'r',
      message: 'm',
      suggestion: 's',
    };
    store.setState({ code: 'x', validatedCode: 'x', validation: { diagnostics: [diagnostic], imports: [] } });
    expect(panelBadge('problems', s())).toMatchObject({ text: '1', tone: 'warn' });
    // A report about code that has changed since is not counted.
    store.setState({ code: 'x = 1' });
    expect(panelBadge('problems', s())).toBeNull();
  });
});
