import type { LanguageQuery, LanguageValue } from '../../protocol/language.ts';
import { appStore } from '../../store/useAppStore.ts';
import { monaco } from './monaco.ts';
import { hoverMarkdown, toSignatureHelp, toSuggestions } from './languageMapping.ts';
import { textOf } from '../../project/fileContent.ts';

/** Scheme of the read-only models that show other project files in a peek. */
const PROJECT_SCHEME = 'executor-project';

/** Asks the language interpreter about `model` at `position`; null when there is no answer (or it was superseded or cancelled). */
async function ask<K extends LanguageQuery['kind']>(
  kind: K,
  model: monaco.editor.ITextModel,
  position: monaco.Position,
  token: monaco.CancellationToken,
): Promise<Extract<LanguageValue, { kind: K }> | null> {
  const { engine, activePath, files } = appStore.getState();
  if (!engine || !activePath || model.uri.scheme === PROJECT_SCHEME) return null;
  const others = files.filter((f) => f.path !== activePath);
  const response = await engine.language(
    { kind, path: activePath, code: model.getValue(), line: position.lineNumber, column: position.column },
    others,
  );
  if (token.isCancellationRequested || !response.ok || response.value.kind !== kind) return null;
  return response.value as Extract<LanguageValue, { kind: K }>;
}

/** A read-only model holding a project file, so a peek at a definition in it can show it. */
function projectModel(path: string): monaco.Uri | null {
  const content = textOf(appStore.getState().files.find((f) => f.path === path));
  if (content === null) return null;
  const uri = monaco.Uri.from({ scheme: PROJECT_SCHEME, path: `/${path}` });
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(content, 'python', uri);
  if (model.getValue() !== content) model.setValue(content);
  return uri;
}

let registered = false;

/**
 * Completions, hover, signature help and go to definition (and peek) for Python, from Jedi in the
 * sandbox's language interpreter. Registered once for the page; a definition in another project file
 * opens that file's tab at the line.
 */
export function registerLanguageProviders(): void {
  if (registered) return;
  registered = true;
  const kinds = monaco.languages.CompletionItemKind;
  monaco.languages.registerCompletionItemProvider('python', {
    triggerCharacters: ['.', '"', "'", '/'],
    async provideCompletionItems(model, position, _context, token) {
      const value = await ask('complete', model, position, token);
      if (!value) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, position.column);
      return { suggestions: toSuggestions(value.items, kinds).map((s) => ({ ...s, range })) };
    },
  });
  monaco.languages.registerHoverProvider('python', {
    async provideHover(model, position, token) {
      const value = await ask('hover', model, position, token);
      const parts = hoverMarkdown(value?.hover ?? null);
      return parts.length ? { contents: parts.map((v) => ({ value: v })) } : null;
    },
  });
  monaco.languages.registerSignatureHelpProvider('python', {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    async provideSignatureHelp(model, position, token) {
      const value = await ask('signatures', model, position, token);
      if (!value?.signatures.length) return null;
      return { value: toSignatureHelp(value.signatures), dispose() {} };
    },
  });
  monaco.languages.registerDefinitionProvider('python', {
    async provideDefinition(model, position, token) {
      const value = await ask('definition', model, position, token);
      if (!value) return null;
      const { activePath } = appStore.getState();
      return value.places.flatMap((p) => {
        const uri = p.path === activePath ? model.uri : projectModel(p.path);
        return uri ? [{ uri, range: new monaco.Range(p.line, p.column, p.line, p.column) }] : [];
      });
    },
  });
  // Going to a definition in another project file opens that file's tab at the line.
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      if (resource.scheme !== PROJECT_SCHEME) return false;
      const line = selectionOrPosition
        ? 'startLineNumber' in selectionOrPosition
          ? selectionOrPosition.startLineNumber
          : selectionOrPosition.lineNumber
        : 1;
      appStore.getState().revealLine(resource.path.slice(1), line);
      return true;
    },
  });
}

/** Quiet time after the first edit before the language interpreter is started without being asked. */
const WARM_AFTER_MS = 3_000;

/**
 * Starts the language interpreter (and Jedi's first, slowest analysis) a little after the user first
 * types, while Python is idle, so the first completion does not pay for it; never during start-up or
 * a run (on two cores a second interpreter's boot would slow the run). Returns the unbinder.
 */
export function warmLanguageOnFirstEdit(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const tryWarm = (): void => {
    const { engine, activePath, status } = appStore.getState();
    if (done || !engine || !activePath) return;
    if (status.state !== 'ready') {
      timer = setTimeout(tryWarm, WARM_AFTER_MS);
      return;
    }
    done = true;
    void engine.language({ kind: 'complete', path: activePath, code: 'import math\nmath.', line: 2, column: 6 }, []);
  };
  const sub = editor.onDidChangeModelContent((e) => {
    // Only typing starts the language service: a change the store made (a file shown, the session arriving, a
    // program's write) is in the store already when the editor applies it. Bound before the editor's own
    // listener, which puts typing into the store.
    if (e.isFlush || editor.getValue() === appStore.getState().code) return;
    sub.dispose();
    timer = setTimeout(tryWarm, WARM_AFTER_MS);
  });
  return () => {
    done = true;
    clearTimeout(timer);
    sub.dispose();
  };
}
