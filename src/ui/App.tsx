import { useEffect } from 'react';
import { appStore } from '../store/useAppStore.ts';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { StatusBar } from './StatusBar.tsx';
import { StatusLine } from './StatusLine.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { Toolbar } from './Toolbar.tsx';
import { PaneToggles } from './layout/PaneToggles.tsx';
import { COMPACT_QUERY, Workbench } from './layout/Workbench.tsx';
import { SessionBanner } from './sessions/SessionBanner.tsx';
import { StorageBanner } from './sessions/StorageBanner.tsx';
import { CapabilityNotice } from './CapabilityNotice.tsx';
import { SessionSwitcher } from './sessions/SessionSwitcher.tsx';
import { SharePanel } from './sessions/SharePanel.tsx';
import { useEffectiveTheme } from './useEffectiveTheme.ts';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useMediaQuery } from './useMediaQuery.ts';

/** The page: the top bar, the workbench, the status bar and the dialogs. */
export function App() {
  const theme = useEffectiveTheme();
  const compact = useMediaQuery(COMPACT_QUERY);
  useGlobalShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▸
          </span>
          <span className="brand-name">Executor</span>
        </h1>
        <SessionSwitcher />
        <Toolbar />
        <div className="topbar-end">
          <StatusLine />
          <SharePanel />
          {compact ? null : <PaneToggles />}
          <ThemeToggle />
          <button
            type="button"
            className="btn btn-icon"
            data-testid="shortcuts-open"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => appStore.getState().setShortcutsOpen(true)}
          >
            <span aria-hidden="true">?</span>
          </button>
          <button
            type="button"
            className="btn btn-icon"
            data-testid="settings-open"
            aria-label="Settings"
            title="Settings: limits, safe mode, tests, monitoring, packages"
            onClick={() => appStore.getState().setSettingsOpen(true)}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>
      <CapabilityNotice />
      <StorageBanner />
      <SessionBanner />
      <Workbench />
      <StatusBar />
      <SettingsDialog />
      <ShortcutsDialog />
    </div>
  );
}
