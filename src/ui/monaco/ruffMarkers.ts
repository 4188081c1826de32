import type { RuffDiagnostic, RuffEdit } from '../../ruff/ruffProtocol.ts';
import { monaco } from './monaco.ts';

/** Where a rule's documentation is (Ruff's docs, searched by the rule's code). */
export function ruleDocsUrl(code: string): string {
  return `https://docs.astral.sh/ruff/rules/?q=${encodeURIComponent(code)}`;
}

/**
 * Monaco markers of Ruff's findings: warnings with the rule code linking to its documentation.
 * Syntax errors (no code) are left out: safe mode's check already marks them, with a suggestion.
 */
export function ruffMarkers(diagnostics: readonly RuffDiagnostic[]): monaco.editor.IMarkerData[] {
  return diagnostics
    .filter((d): d is RuffDiagnostic & { code: string } => d.code !== null)
    .map((d) => ({
      severity: monaco.MarkerSeverity.Warning,
      message: d.message,
      source: 'Ruff',
      code: { value: d.code, target: monaco.Uri.parse(ruleDocsUrl(d.code)) },
      startLineNumber: d.start_location.row,
      startColumn: d.start_location.column,
      endLineNumber: d.end_location.row,
      endColumn: Math.max(d.end_location.column, d.start_location.column + (d.end_location.row === d.start_location.row ? 1 : 0)),
      tags: d.tags?.includes('unnecessary')
        ? [monaco.MarkerTag.Unnecessary]
        : d.tags?.includes('deprecated')
          ? [monaco.MarkerTag.Deprecated]
          : [],
    }));
}

/** Monaco text edits of a fix. */
export function fixEdits(edits: readonly RuffEdit[]): monaco.languages.TextEdit[] {
  return edits.map((e) => ({
    range: new monaco.Range(e.location.row, e.location.column, e.end_location.row, e.end_location.column),
    text: e.content ?? '',
  }));
}

/** Whether a finding overlaps the 1-based line range (a code action request's range). */
export function touchesLines(d: RuffDiagnostic, startLine: number, endLine: number): boolean {
  return d.start_location.row <= endLine && d.end_location.row >= startLine;
}
