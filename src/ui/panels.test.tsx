// @vitest-environment happy-dom
import type { ReactElement } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appStore } from '../store/useAppStore.ts';
import { renderInDom } from '../testing/renderInDom.tsx';
import { parseProfile } from '../runs/parseProfile.ts';
import { makeRawProfile } from '../testing/makeRawProfile.ts';
import { EVAL_REFUSED } from '../testing/outcomeOfTool.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';
import { makeResult } from '../testing/makeResult.ts';
import { makeTestRecord, makeTestResult } from '../testing/makeTestResult.ts';
import { BatchPanel } from './BatchPanel.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { DebugPanel } from './DebugPanel.tsx';
import { DependenciesPanel } from './DependenciesPanel.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { EditorTabs } from './EditorTabs.tsx';
import { FileTree } from './FileTree.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { MetricsBar } from './MetricsBar.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TestsPanel } from './TestsPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { VariablesPanel } from './VariablesPanel.tsx';
import { SessionSwitcher } from './sessions/SessionSwitcher.tsx';
import { SharePanel } from './sessions/SharePanel.tsx';

/**
 * The panels as the page draws them, from a store brought into each state by its own actions over a
 * recording engine (no browser: React's server renderer gives the markup, test ids included).
 */
const html = async (element: ReactElement): Promise<string> => {
  const rendered = await renderInDom(element);
  const markup = rendered.html();
  await rendered.unmount();
  return markup;
};
const count = (markup: string, testId: string) => markup.split(`data-testid="${testId}"`).length - 1;

const PROFILE = makeRawProfile(50, [{ name: 'slow', file: 'main.py', line: 2, calls: 3, ownMs: 49, cumMs: 49 }]);

const { engine, emit } = createRecordingEngine((code) =>
  code.includes('def slow')
    ? makeResult({ profile: PROFILE })
    : code.includes('boom')
      ? makeResult({
          success: false,
          status: 'error',
          error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: 'Traceback...', line: 1 },
        })
      : makeResult({ stdout: 'hi\n', output: [{ stream: 'stdout', text: 'hi\n' }], value: '3' }),
);

beforeAll(async () => {
  engine.runTests = vi.fn(async () =>
    makeTestResult({
      records: [
        makeTestRecord({ nodeId: 'test_calc.py::test_add' }),
        makeTestRecord({ nodeId: 'test_calc.py::test_div', outcome: 'failed', message: 'ZeroDivisionError', file: 'calc.py', line: 4 }),
      ],
      coverage: {
        totalPercent: 75,
        perFile: { 'calc.py': { statements: 8, missingLines: [4, 5], partialLines: [3], branches: 2, missingBranches: 1, percent: 75 } },
        suggestions: [{ path: 'calc.py', function: 'div', lines: [4, 5] }],
        problems: [],
      },
      thresholdMet: false,
    }),
  );
  engine.profileCode = vi.fn(async () => ({ result: makeResult({ profile: PROFILE }), profile: parseProfile(PROFILE) }));
  engine.analyzeDependencies = vi.fn(async () => [
    { module: 'numpy', verdict: 'available' as const, package: 'numpy', source: 'cdn' as const },
    { module: 'json', verdict: 'stdlib' as const, package: null, source: null },
  ]);
  engine.validateCode = vi.fn(async () => EVAL_REFUSED);
  engine.listVariables = vi.fn(async () => ({
    rows: [{ name: 'data', type: 'dict', kind: 'value' as const, size: '1 item', repr: "{'a': 1}", expandable: true }],
    total: 1,
    offset: 0,
  }));
  const s = appStore.getState();
  s.attachEngine(engine);
  await s.hydrateProject?.();
  s.createFile?.('calc.py');
  s.createFile?.('test_calc.py');
  s.openFile('main.py');
  s.setCode('x = 1 + 2\nprint("hi")\nx');
  await s.runCode();
  await s.runCode({ code: '1 / boom' });
  await s.runTests();
  appStore.getState().setCode('def slow():\n    pass\nslow()');
  await appStore.getState().profileCode();
  await appStore.getState().analyzeDependencies();
  appStore.getState().setCode('eval("1")');
  await appStore.getState().validateNow();
  await appStore.getState().refreshVariables();
  appStore.getState().setBatchSelection(['calc.py']);
  await appStore.getState().runAll();
});

describe('panels', () => {
  it('the status line and the metrics show the last run', async () => {
    expect(await html(<StatusLine />)).toContain('data-testid="status"');
    expect(await html(<MetricsBar />)).toContain('data-testid="metrics"');
  });

  it('the toolbar offers the commands, and the tabs and the tree list the files', async () => {
    const toolbar = await html(<Toolbar />);
    expect(toolbar).toContain('data-testid="toolbar"');
    expect(toolbar).toContain('data-testid="run"');
    const tree = await html(<FileTree />);
    expect(count(tree, 'file-item')).toBeGreaterThanOrEqual(3);
    expect(tree).toContain('data-path="calc.py"');
    expect(await html(<EditorTabs />)).toContain('data-testid="editor-tab"');
  });

  it("the Tests tab shows pytest's summary line, and Coverage the files below the threshold", async () => {
    const tests = await html(<TestsPanel />);
    expect(tests).toContain('data-testid="tests-panel"');
    expect(tests).toContain('1 failed, 1 passed');
    const coverage = await html(<CoveragePanel />);
    expect(coverage).toContain('data-testid="coverage-total"');
    expect(coverage).toContain('data-testid="coverage-row"');
    expect(coverage).toContain('data-testid="coverage-below"');
    expect(coverage).toContain('data-testid="test-suggestions"');
  });

  it('the Profile tab lists the functions by own time', async () => {
    const profile = await html(<ProfilePanel />);
    expect(profile).toContain('data-testid="profile-panel"');
    expect(count(profile, 'profile-row')).toBeGreaterThanOrEqual(1);
    expect(profile).toContain('slow');
  });

  it('the Packages tab lists each import with its verdict', async () => {
    const deps = await html(<DependenciesPanel />);
    expect(count(deps, 'deps-row')).toBe(2);
    expect(deps).toContain('numpy');
  });

  it("the Problems tab shows safe mode's findings", async () => {
    const problems = await html(<DiagnosticsPanel />);
    expect(problems).toContain('data-testid="diagnostic"');
    expect(problems).toContain('eval is not allowed');
  });

  it('the Variables tab lists the names the runs defined', async () => {
    const vars = await html(<VariablesPanel />);
    expect(vars).toContain('data-testid="variable-row"');
    expect(vars).toContain('data');
  });

  it('the History tab lists the runs, and Run all its steps', async () => {
    const history = await html(<HistoryPanel />);
    expect(history).toContain('data-testid="history-filter"');
    const batch = await html(<BatchPanel />);
    expect(batch).toContain('data-testid="batch-summary"');
    expect(batch).toContain('data-testid="batch-step"');
  });

  it('the Debug tab shows a pause: the stack and the locals', async () => {
    let resume = (): void => undefined;
    engine.debug = vi.fn(async () => {
      emit(
        'paused',
        {
          reason: 'breakpoint',
          message: null,
          file: 'main.py',
          line: 2,
          frames: [{ name: '<module>', file: 'main.py', line: 2 }],
          locals: { rows: [{ name: 'x', type: 'int', kind: 'value', size: null, repr: '3', expandable: false }], total: 1, offset: 0 },
        },
        1,
      );
      await new Promise<void>((r) => (resume = r));
      return makeResult();
    });
    const run = appStore.getState().debugCode();
    await vi.waitFor(() => expect(appStore.getState().debugPause).not.toBeNull());
    const debug = await html(<DebugPanel />);
    expect(debug).toContain('data-testid="debug-stack"');
    expect(debug).toContain('data-testid="debug-frame"');
    expect(debug).toContain('data-name="x"');
    resume();
    await run;
    expect(appStore.getState().debugPause).toBeNull();
  });

  it('the settings form, the session switcher and the share panel draw', async () => {
    expect(await html(<SettingsPanel />)).toContain('data-testid="settings-form"');
    expect(await html(<SessionSwitcher />)).toContain('data-testid="session-switcher"');
    // Before the sessions are loaded there is nothing to share yet: the button is there, disabled.
    const share = await renderInDom(<SharePanel />);
    expect(share.container.querySelector<HTMLButtonElement>('[data-testid="share"]')?.disabled).toBe(true);
    await share.unmount();
  });
});
