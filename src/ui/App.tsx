import { lazy, Suspense } from 'react';
import { DependenciesPanel } from './DependenciesPanel.tsx';
import { EditorBoundary } from './EditorBoundary.tsx';
import { MetricsBar } from './MetricsBar.tsx';
import { OutputConsole } from './OutputConsole.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { Toolbar } from './Toolbar.tsx';

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
        <Toolbar />
        <StatusLine />
      </header>
      <main className="workspace">
        <section className="pane pane-editor" aria-label="Editor">
          <EditorBoundary>
            <Suspense fallback={<div className="editor editor-loading">Loading the editor…</div>}>
              <CodeEditor />
            </Suspense>
          </EditorBoundary>
        </section>
        <section className="pane pane-console" aria-label="Console">
          <SettingsPanel />
          <DependenciesPanel />
          <OutputConsole />
          <MetricsBar />
        </section>
      </main>
    </div>
  );
}
