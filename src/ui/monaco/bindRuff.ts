import { ruffClient } from '../../ruff/ruffClient.ts';
import { ruffOptions } from '../../ruff/ruffOptions.ts';
import type { RuffDiagnostic } from '../../ruff/ruffProtocol.ts';
import { appStore } from '../../store/useAppStore.ts';
import { monaco } from './monaco.ts';
import { fixEdits, ruffMarkers, touchesLines } from './ruffMarkers.ts';

const OWNER = 'ruff';
/** Pause in typing before the text is linted again. */
const LINT_DEBOUNCE_MS = 150;
/** How often a waiting first lint checks whether Python is idle. */
const START_RETRY_MS = 1_000;

// The last findings per model, with the version they were made for: code actions offer their fixes.
const findings = new WeakMap<monaco.editor.ITextModel, { version: number; diagnostics: RuffDiagnostic[] }>();

const currentOptions = () => {
  const s = appStore.getState();
  return ruffOptions(s.settings, s.files);
};

let providersRegistered = false;
function registerProviders(): void {
  if (providersRegistered) return;
  providersRegistered = true;
  monaco.languages.registerCodeActionProvider('python', {
    provideCodeActions(model, range) {
      const found = findings.get(model);
      if (!found || found.version !== model.getVersionId()) return { actions: [], dispose() {} };
      const markers = monaco.editor.getModelMarkers({ owner: OWNER, resource: model.uri });
      const actions = found.diagnostics
        .filter((d) => d.fix && d.code && touchesLines(d, range.startLineNumber, range.endLineNumber))
        .map((d) => ({
          title: `${d.fix?.message ?? 'Fix'} (${d.code})`,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: markers.filter(
            (m) => m.code && typeof m.code === 'object' && m.code.value === d.code && m.startLineNumber === d.start_location.row,
          ),
          edit: { edits: fixEdits(d.fix?.edits ?? []).map((textEdit) => ({ resource: model.uri, textEdit, versionId: found.version })) },
        }));
      return { actions, dispose() {} };
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider('python', {
    displayName: 'Ruff',
    async provideDocumentFormattingEdits(model) {
      const text = model.getValue();
      const formatted = await ruffClient.format(text, currentOptions().options).catch(() => null);
      if (formatted === null || formatted === text) return [];
      return [{ range: model.getFullModelRange(), text: formatted }];
    },
  });
}

/**
 * Lints the editor's text with Ruff as the user types (markers and quick fixes); formatting is a provider
 * registered once. The first lint waits for the first edit and an idle Python (Format works at once).
 */
export function bindRuff(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  registerProviders();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const lint = async () => {
    const model = editor.getModel();
    if (!model || disposed) return;
    const version = model.getVersionId();
    const { options, problem, source } = currentOptions();
    let diagnostics: RuffDiagnostic[] = [];
    let markers: monaco.editor.IMarkerData[];
    try {
      diagnostics = await ruffClient.lint(model.getValue(), options);
      markers = ruffMarkers(diagnostics);
    } catch (err) {
      const where = source ? `${source}: ` : 'Lint settings: ';
      markers = [configMarker(`${where}${err instanceof Error ? err.message : String(err)}. Fix it to see Ruff's findings.`)];
    }
    if (problem) markers.unshift(configMarker(problem));
    // The text changed while Ruff worked: a newer lint is on its way.
    if (disposed || editor.getModel() !== model || model.getVersionId() !== version) return;
    findings.set(model, { version, diagnostics });
    monaco.editor.setModelMarkers(model, OWNER, markers);
    editor.getContainerDomNode().dataset.lintCodes = diagnostics.map((d) => d.code ?? 'syntax').join(',');
  };
  // Ruff's 11 MB of WebAssembly compile once the user edits and Python is idle: on two cores, compiling
  // them during the start or a run would slow that down.
  let started = false;
  let edited = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    if (started) timer = setTimeout(() => void lint(), LINT_DEBOUNCE_MS);
  };
  const startWhenIdle = () => {
    clearTimeout(startTimer);
    if (started || disposed || !edited) return;
    const { status, running } = appStore.getState();
    if (status.state !== 'ready' || running) {
      startTimer = setTimeout(startWhenIdle, START_RETRY_MS);
      return;
    }
    started = true;
    schedule();
  };
  const changed = editor.onDidChangeModelContent(() => {
    if (!edited) {
      edited = true;
      startTimer = setTimeout(startWhenIdle, START_RETRY_MS);
    }
    schedule();
  });
  const unsub = appStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings || s.files !== prev.files) schedule();
  });
  return () => {
    disposed = true;
    clearTimeout(timer);
    clearTimeout(startTimer);
    unsub();
    changed.dispose();
    const model = editor.getModel();
    if (model) monaco.editor.setModelMarkers(model, OWNER, []);
  };
}

function configMarker(message: string): monaco.editor.IMarkerData {
  return {
    severity: monaco.MarkerSeverity.Info,
    message,
    source: 'Ruff',
    startLineNumber: 1,
    startColumn: 1,
    endLineNumber: 1,
    endColumn: 2,
  };
}
