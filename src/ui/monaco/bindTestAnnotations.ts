import { appStore } from '../../store/useAppStore.ts';
import { type monaco } from './monaco.ts';
import { applyTestAnnotations } from './testAnnotations.ts';

/** Keeps the editor's test markers and coverage gutter in step with the last test run and the open file. */
export function bindTestAnnotations(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  const decorations = editor.createDecorationsCollection();
  let shown: { result: unknown; path: string } = { result: undefined, path: '' };
  const apply = () => {
    const { testResult, activePath, code } = appStore.getState();
    if (shown.result === testResult && shown.path === activePath) return;
    // A file switch sets the path first and the text next: annotate once the editor shows the new text.
    if (editor.getValue() !== code) return;
    shown = { result: testResult, path: activePath };
    const shownLines = applyTestAnnotations(editor, decorations, testResult, activePath);
    // What the gutter shows, on the editor's element too (Monaco renders only the visible lines).
    const host = editor.getContainerDomNode();
    host.dataset.uncoveredLines = shownLines.missing.join(',');
    host.dataset.partialLines = shownLines.partial.join(',');
    host.dataset.failureLines = shownLines.failures.join(',');
  };
  apply();
  const unsub = appStore.subscribe(apply);
  // Replacing the text (opening another file) drops decorations: put them back for the new text.
  const flushed = editor.onDidChangeModelContent((e) => {
    if (!e.isFlush) return;
    shown = { result: undefined, path: '' };
    apply();
  });
  return () => {
    flushed.dispose();
    unsub();
    decorations.clear();
  };
}
