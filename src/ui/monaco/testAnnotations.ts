import type { TestResult } from '../../protocol/testProtocol.ts';
import { monaco } from './monaco.ts';

/** Shows the last test run on the open file: failures as error markers, uncovered and partial lines in the gutter. */
export function applyTestAnnotations(
  editor: monaco.editor.IStandaloneCodeEditor,
  decorations: monaco.editor.IEditorDecorationsCollection,
  result: TestResult | null,
  path: string,
): { missing: number[]; partial: number[]; failures: number[] } {
  const model = editor.getModel();
  if (!model) return { missing: [], partial: [], failures: [] };
  const lines = model.getLineCount();
  const markers = (result?.records ?? [])
    .filter((r) => (r.outcome === 'failed' || r.outcome === 'error') && r.file === path && r.line !== null && r.line <= lines)
    .map((r) => ({
      severity: monaco.MarkerSeverity.Error,
      message: `${r.nodeId}: ${r.message ?? r.outcome}`,
      startLineNumber: r.line as number,
      endLineNumber: r.line as number,
      startColumn: model.getLineFirstNonWhitespaceColumn(r.line as number) || 1,
      endColumn: model.getLineMaxColumn(r.line as number),
      source: 'pytest',
    }));
  monaco.editor.setModelMarkers(model, 'pytest', markers);
  const file = result?.coverage?.perFile[path];
  const gutter = (line: number, className: string, hover: string) => ({
    range: new monaco.Range(line, 1, line, 1),
    options: { isWholeLine: true, linesDecorationsClassName: className, hoverMessage: { value: hover } },
  });
  decorations.set(
    file
      ? [
          ...file.missingLines.filter((l) => l <= lines).map((l) => gutter(l, 'cov-missing', 'Not run by any test')),
          ...file.partialLines.filter((l) => l <= lines).map((l) => gutter(l, 'cov-partial', 'Branch only partly taken by the tests')),
        ]
      : [],
  );
  return { missing: file?.missingLines ?? [], partial: file?.partialLines ?? [], failures: markers.map((m) => m.startLineNumber) };
}
