import { lazy, Suspense } from 'react';
import { DependenciesPanel } from './DependenciesPanel.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { EditorBoundary } from './EditorBoundary.tsx';
import { EditorTabs } from './EditorTabs.tsx';
import { FileTree } from './FileTree.tsx';
import { TestsPanel } from './TestsPanel.tsx';
import { MetricsBar } from './MetricsBar.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { BatchPanel } from './BatchPanel.tsx';
import { OutputConsole } from './OutputConsole.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { StdinPanel } from './StdinPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ChatPane } from './chat/ChatPane.tsx';
import { RunSuggestions } from './chat/RunSuggestions.tsx';
import { SessionBanner } from './sessions/SessionBanner.tsx';
import { SessionSwitcher } from './sessions/SessionSwitcher.tsx';
import { SharePanel } from './sessions/SharePanel.tsx';

// Monaco is most of the page's JavaScript: load it after the shell, while Python boots.
const CodeEditor = lazy(() => import('./CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

/** The page. */
export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▸
          </span>
          Executor
        </h1>
        <SessionSwitcher />
        <Toolbar />
        <SharePanel />
        <StatusLine />
      </header>
      <SessionBanner />
      <main className="workspace">
        <section className="pane pane-editor pane-project" aria-label="Editor">
          <FileTree />
          <div className="editor-column">
            <EditorTabs />
            <EditorBoundary>
              <Suspense fallback={<div className="editor editor-loading">Loading the editor…</div>}>
                <CodeEditor />
              </Suspense>
            </EditorBoundary>
          </div>
        </section>
        <section className="pane pane-console" aria-label="Console">
          <SettingsPanel />
          <DiagnosticsPanel />
          <DependenciesPanel />
          <TestsPanel />
          <BatchPanel />
          <ProfilePanel />
          <HistoryPanel />
          <StdinPanel />
          <OutputConsole />
          <RunSuggestions />
          <MetricsBar />
        </section>
        <ChatPane />
      </main>
    </div>
  );
}
