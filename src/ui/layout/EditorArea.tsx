import { lazy, Suspense } from 'react';
import { fileSize, isTextFile, MAX_EDITABLE_BYTES } from '../../project/fileContent.ts';
import { formatBytes } from '../../format/formatBytes.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { EditorBoundary } from '../EditorBoundary.tsx';
import { EditorTabs } from '../EditorTabs.tsx';
import { FileViewer } from '../FileViewer.tsx';
import { TableView } from '../TableView.tsx';
import { isTablePath } from '../csvPreview.ts';

// Monaco is most of the page's JavaScript: load it after the shell, while Python boots.
const CodeEditor = lazy(() => import('../CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

/** The editor with its file tabs; a binary file's viewer in its place; a CSV's table beside it. */
export function EditorArea() {
  const viewing = useAppStore((s) => (s.viewingPath ? s.files.find((f) => f.path === s.viewingPath) : undefined));
  const activePath = useAppStore((s) => s.activePath);
  // The stored file's size (measured once per file object), not the buffer's: cheap on every keystroke.
  const large = useAppStore((s) => {
    const file = s.files.find((f) => f.path === s.activePath);
    return file !== undefined && fileSize(file) > MAX_EDITABLE_BYTES;
  });
  const tableText = useAppStore((s) => (isTablePath(s.activePath) ? s.code : null));
  const readOnlySession = useAppStore((s) => s.sessionAccess !== 'owner');
  return (
    <section className="editor-column" aria-label="Editor">
      <EditorTabs />
      {viewing && !isTextFile(viewing) ? <FileViewer file={viewing} /> : null}
      {large && !viewing ? (
        <p className="editor-notice" role="note" data-testid="editor-readonly">
          {activePath} is over {formatBytes(MAX_EDITABLE_BYTES)}: it opens read-only. Programs can still read and write it.
        </p>
      ) : null}
      {/* Hidden, not unmounted, while a viewer shows: the editor keeps its undo history. */}
      <div className="editor-stack" hidden={viewing !== undefined}>
        <EditorBoundary>
          <Suspense fallback={<div className="editor editor-loading">Loading the editor…</div>}>
            <CodeEditor readOnly={large || readOnlySession} />
          </Suspense>
        </EditorBoundary>
        {tableText !== null ? <TableView text={tableText} path={activePath} /> : null}
      </div>
    </section>
  );
}
