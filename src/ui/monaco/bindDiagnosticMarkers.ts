import type { Diagnostic } from '../../protocol/policy.ts';
import { appStore } from '../../store/useAppStore.ts';
import { monaco } from './monaco.ts';

const OWNER = 'executor-validate';

/** Monaco marker of one validate_code diagnostic (message with rule and suggestion). */
export function markerOf(d: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: `${d.message}\n${d.suggestion}`,
    code: d.rule,
    source: 'validate_code',
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: d.endLine,
    endColumn: Math.max(d.endColumn, d.column + 1),
  };
}

/** Shows the store's validate_code diagnostics as markers in the editor; returns the unsubscribe. */
export function bindDiagnosticMarkers(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  const show = () => {
    const model = editor.getModel();
    const report = appStore.getState().validation;
    if (model) monaco.editor.setModelMarkers(model, OWNER, (report?.diagnostics ?? []).map(markerOf));
  };
  show();
  return appStore.subscribe((s, prev) => {
    if (s.validation !== prev.validation) show();
  });
}
