import type { KeyboardEvent, ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PANEL_TABS, type PanelTab } from '../../store/layoutTypes.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { BatchPanel } from '../BatchPanel.tsx';
import { CoveragePanel } from '../CoveragePanel.tsx';
import { DependenciesPanel } from '../DependenciesPanel.tsx';
import { DiagnosticsPanel } from '../DiagnosticsPanel.tsx';
import { HistoryPanel } from '../HistoryPanel.tsx';
import { ProfilePanel } from '../ProfilePanel.tsx';
import { TestsPanel } from '../TestsPanel.tsx';
import { VariablesPanel } from '../VariablesPanel.tsx';
import { DebugPanel } from '../DebugPanel.tsx';
import { ConsolePanel } from './ConsolePanel.tsx';
import { PANEL_LABELS, panelBadge } from './panelTabs.ts';
import { useRovingTabs } from './useRovingTabs.ts';

const CONTENT: Record<PanelTab, () => ReactNode> = {
  console: () => <ConsolePanel />,
  variables: () => <VariablesPanel />,
  debug: () => <DebugPanel />,
  tests: () => <TestsPanel />,
  coverage: () => <CoveragePanel />,
  profile: () => <ProfilePanel />,
  batch: () => <BatchPanel />,
  history: () => <HistoryPanel />,
  packages: () => <DependenciesPanel />,
  problems: () => <DiagnosticsPanel />,
};

function Tab({ tab, selected, onKeyDown }: { tab: PanelTab; selected: boolean; onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void }) {
  const badge = useAppStore(useShallow((s) => panelBadge(tab, s)));
  return (
    <button
      type="button"
      role="tab"
      id={`panel-tab-${tab}`}
      data-testid={`panel-tab-${tab}`}
      className="panel-tab"
      aria-selected={selected}
      aria-controls={`panel-${tab}`}
      tabIndex={selected ? 0 : -1}
      onClick={() => appStore.getState().showPanel(tab)}
      onKeyDown={onKeyDown}
    >
      {PANEL_LABELS[tab]}
      {badge ? (
        <span className={`tab-badge tab-badge-${badge.tone}`} data-testid={`panel-badge-${tab}`} aria-label={badge.label}>
          {badge.text}
        </span>
      ) : null}
    </button>
  );
}

/**
 * The panel area under the editor: one tab per panel (WAI-ARIA tabs: arrow keys,
 * Home and End move between them). Every panel stays mounted, so a hidden one keeps
 * its state and its work (the Problems tab checks the code as you type).
 */
export function PanelArea() {
  const current = useAppStore((s) => s.panelTab);
  const { list, onKeyDown: move } = useRovingTabs(PANEL_TABS, current, (tab) => appStore.getState().showPanel(tab), 'panel-tab-');
  return (
    <section className="panel-area" aria-label="Output and tools">
      <div className="panel-tabs" role="tablist" aria-label="Panels" ref={list}>
        {PANEL_TABS.map((tab) => (
          <Tab key={tab} tab={tab} selected={tab === current} onKeyDown={move} />
        ))}
      </div>
      {PANEL_TABS.map((tab) => (
        <div
          key={tab}
          className="panel-body"
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`panel-tab-${tab}`}
          tabIndex={0}
          hidden={tab !== current}
        >
          {CONTENT[tab]()}
        </div>
      ))}
    </section>
  );
}
