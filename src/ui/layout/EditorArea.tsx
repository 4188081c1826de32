import { lazy, Suspense } from 'react';
import { EditorBoundary } from '../EditorBoundary.tsx';
import { EditorTabs } from '../EditorTabs.tsx';

// Monaco is most of the page's JavaScript: load it after the shell, while Python boots.
const CodeEditor = lazy(() => import('../CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

/** The editor with its file tabs. */
export function EditorArea() {
  return (
    <section className="editor-column" aria-label="Editor">
      <EditorTabs />
      <EditorBoundary>
        <Suspense fallback={<div className="editor editor-loading">Loading the editor…</div>}>
          <CodeEditor />
        </Suspense>
      </EditorBoundary>
    </section>
  );
}
