// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appStore } from '../store/useAppStore.ts';
import { renderInDom, type Rendered } from '../testing/renderInDom.tsx';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';
import { FileTree } from './FileTree.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { TestsPanel } from './TestsPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { SessionSwitcher } from './sessions/SessionSwitcher.tsx';
import { SharePanel } from './sessions/SharePanel.tsx';

/**
 * What a click or a key does in a panel, in happy-dom with React's client renderer, against the real store
 * over a recording engine.
 */
const { engine, ran } = createRecordingEngine();
let view: Rendered | null = null;

// happy-dom has no dialogs: the tests answer them.
const prompt = vi.fn<(message?: string, value?: string) => string | null>();
const confirm = vi.fn<(message?: string) => boolean>();
window.prompt = prompt;
window.confirm = confirm;

beforeAll(async () => {
  engine.runTests = vi.fn(async () => makeTestResult({ records: [makeTestRecord({ nodeId: 'test_a.py::test_a' })] }));
  appStore.getState().attachEngine(engine);
  await appStore.getState().hydrateSessions();
});
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const byTestId = (id: string): HTMLElement => {
  const found = view?.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
};
const click = (el: HTMLElement) => act(async () => el.click());
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('clicks and keys', () => {
  it('the file tree creates, renames, opens and deletes files through the store', async () => {
    view = await renderInDom(<FileTree />);
    prompt.mockReturnValueOnce('util.py');
    await click(byTestId('file-new'));
    expect(appStore.getState().files.map((f) => f.path)).toContain('util.py');
    prompt.mockReturnValueOnce('helpers.py');
    await click(byTestId('file-rename'));
    expect(appStore.getState().activePath).toBe('helpers.py');
    const main = view.container.querySelector<HTMLElement>('[data-testid="file-item"][data-path="main.py"]');
    if (!main) throw new Error('main.py is not in the tree');
    await click(main);
    expect(appStore.getState().activePath).toBe('main.py');
    await click(view.container.querySelector<HTMLElement>('[data-path="helpers.py"]') ?? main);
    confirm.mockReturnValueOnce(true);
    await click(byTestId('file-delete'));
    expect(appStore.getState().files.map((f) => f.path)).not.toContain('helpers.py');
    prompt.mockReturnValueOnce(null);
    await click(byTestId('file-new'));
    expect(appStore.getState().files.map((f) => f.path)).toEqual(['main.py']);
  });

  it('the toolbar runs the code, and the Tests tab runs the tests', async () => {
    view = await renderInDom(<Toolbar />);
    await act(async () => appStore.getState().setCode('print("toolbar")'));
    await click(byTestId('run'));
    await settle();
    expect(ran.at(-1)?.code).toBe('print("toolbar")');
    await view.unmount();
    view = await renderInDom(<TestsPanel />);
    await click(byTestId('tests-run-all'));
    await settle();
    expect(engine.runTests).toHaveBeenCalled();
    expect(view.html()).toContain('1 passed');
  });

  it('the history filters by status', async () => {
    await settle();
    view = await renderInDom(<HistoryPanel />);
    const filter = byTestId('history-filter') as HTMLSelectElement;
    await act(async () => {
      filter.value = 'error';
      filter.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(appStore.getState().historyFilter).toBe('error');
  });

  it('the session switcher makes a new session and renames it with Enter', async () => {
    view = await renderInDom(<SessionSwitcher />);
    const before = appStore.getState().sessions.length;
    await click(byTestId('session-new'));
    await settle();
    expect(appStore.getState().sessions.length).toBe(before + 1);
    const name = byTestId('session-name') as HTMLInputElement;
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(name, 'Experiments');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await settle();
    const current = appStore.getState().sessions.find((m) => m.id === appStore.getState().currentSessionId);
    expect(current?.name).toBe('Experiments');
  });

  it('Share makes a link that carries the session', async () => {
    view = await renderInDom(<SharePanel />);
    await click(byTestId('share'));
    expect(byTestId('share-link').textContent).toContain('#s/1/');
    expect(byTestId('share-size').textContent).toMatch(/\d/);
  });
});
