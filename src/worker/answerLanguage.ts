import { ensureSessionPackages } from './installPackages.ts';
import type { PyProxy } from 'pyodide/ffi';
import type { LanguageRequest, LanguageResponse, LanguageValue } from '../protocol/language.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { pythonErrorLine } from './pythonErrorLine.ts';

type LanguageModule = PyProxy &
  Record<'sync_files' | 'set_names' | 'complete' | 'hover' | 'signatures' | 'definition', (...args: unknown[]) => unknown>;

let language: Promise<LanguageModule> | null = null;
const importsSeen = new Set<string>();

/** Jedi, loaded the first time it is needed (from the package index, through the page). */
function loadLanguage(rt: PythonRuntime): Promise<LanguageModule> {
  language ??= rt.pyodide
    .loadPackage(['jedi'], { messageCallback: () => undefined })
    .then(() => rt.pyodide.pyimport('_executor.language') as LanguageModule);
  // A failed load is tried again on the next request.
  language.catch(() => (language = null));
  return language;
}

const toJs = (value: unknown): unknown => {
  if (value && typeof value === 'object' && 'toJs' in value) {
    const proxy = value as PyProxy;
    const js: unknown = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
    return js;
  }
  return value ?? null;
};

/**
 * Answers the editor's question with Jedi in this interpreter, which never runs user code:
 * the project's files are written for Jedi to read, the last run's names stand in as empty
 * values of their types, and packages the code imports are loaded from the index (not imported).
 */
export async function answerLanguage(rt: PythonRuntime, request: LanguageRequest): Promise<LanguageResponse> {
  try {
    const lang = await loadLanguage(rt);
    const { query } = request;
    // The session's packages, as every interpreter has them (nothing to say: the editor has no console line).
    await ensureSessionPackages(rt, request.packages, undefined, request.pypiIndex ?? null, () => undefined);
    if (request.files) lang.sync_files(rt.pyodide.toPy(request.files.flatMap((f) => ('content' in f ? [[f.path, f.content]] : []))));
    // Packages of the index that the code imports, or that the run's values come from: Jedi reads their files.
    const typeModules = (request.names ?? []).flatMap(([, type]) => (type.includes('.') ? [type.split('.')[0] ?? ''] : []));
    const codeModules = [...query.code.matchAll(/^\s*(?:import|from)\s+([A-Za-z_]\w*)/gm)].map((m) => m[1] ?? '');
    const imports = [...new Set([...codeModules, ...typeModules])].filter((m) => m !== '' && !importsSeen.has(m));
    if (imports.length) {
      imports.forEach((m) => importsSeen.add(m));
      const source = imports.map((m) => `import ${m}`).join('\n');
      await rt.pyodide
        .loadPackagesFromImports(source, { messageCallback: () => undefined, errorCallback: () => undefined })
        .catch(() => undefined);
    }
    if (request.names) lang.set_names(rt.pyodide.toPy(request.names));
    const args = [query.code, query.path, query.line, query.column - 1] as const;
    let value: LanguageValue;
    switch (query.kind) {
      case 'complete':
        value = { kind: 'complete', items: toJs(lang.complete(...args)) as Extract<LanguageValue, { kind: 'complete' }>['items'] };
        break;
      case 'hover':
        value = { kind: 'hover', hover: toJs(lang.hover(...args)) as Extract<LanguageValue, { kind: 'hover' }>['hover'] };
        break;
      case 'signatures':
        value = {
          kind: 'signatures',
          signatures: toJs(lang.signatures(...args)) as Extract<LanguageValue, { kind: 'signatures' }>['signatures'],
        };
        break;
      case 'definition':
        value = { kind: 'definition', places: toJs(lang.definition(...args)) as Extract<LanguageValue, { kind: 'definition' }>['places'] };
        break;
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: pythonErrorLine(err) };
  }
}
