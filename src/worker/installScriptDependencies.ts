import type { PyProxy } from 'pyodide/ffi';
import type { DeclaredDependencies } from '../protocol/calls.ts';
import type { RunPolicy } from '../protocol/policy.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import type { PypiIndex } from './installFromPypi.ts';
import { hasInstalled, installPackages } from './installPackages.ts';
import { loadPackages } from './packages.ts';

interface ScriptBlock {
  dependencies: string[];
  requires_python: string | null;
  unknown: string[];
  problem: string | null;
}

interface Resolved {
  install: Array<{ name: string; specifier: string; requirement: string }>;
  skipped: string[];
  problems: string[];
}

const toJs = <T>(proxy: unknown): T => {
  if (proxy && typeof (proxy as PyProxy).toJs === 'function') {
    const value = (proxy as PyProxy).toJs({ dict_converter: Object.fromEntries }) as T;
    (proxy as PyProxy).destroy();
    return value;
  }
  return proxy as T;
};

/**
 * Before a run: a file with a PEP 723 `# /// script` block gets its `dependencies` installed first (from the
 * index, or PyPI where the deployment allows), under safe mode's rules, and its `requires-python` checked
 * against the interpreter's Python. Returns null without a block; otherwise what keeps the run from starting,
 * one phrase each (empty when all is well). A version outside a requirement's specifier is said, not fatal:
 * the index has one version of each package.
 */
export async function installScriptDependencies(
  rt: PythonRuntime,
  code: string,
  policy: RunPolicy | undefined,
  pypiIndex: PypiIndex,
  notify: (text: string) => void,
): Promise<string[] | null> {
  if (!code.includes('# /// script')) return null;
  const metadata = rt.pyodide.pyimport('_executor.script_metadata');
  try {
    const block = toJs<ScriptBlock | undefined>(metadata.read(code));
    if (!block) return null;
    if (block.problem) return [block.problem];
    if (block.unknown.length)
      notify(`The script block's ${block.unknown.join(', ')} ${block.unknown.length === 1 ? 'is' : 'are'} not used by Executor.`);
    if (block.dependencies.length === 0 && !block.requires_python) return [];
    const packaging = await loadPackages(rt, ['packaging'], () => undefined);
    if (packaging.failed.length) return packaging.failed.map((f) => f.reason);
    const version = rt.pyodide.runPython('import platform; platform.python_version()') as string;
    const resolved = toJs<Resolved>(metadata.resolve(rt.pyodide.toPy(block.dependencies), block.requires_python, version));
    if (resolved.problems.length) return resolved.problems;
    const names = [...new Set(resolved.install.map((r) => r.name))].filter((n) => !hasInstalled(n));
    if (names.length) {
      notify(`Installing the script's dependencies (PEP 723): ${resolved.install.map((r) => r.requirement).join(', ')}…`);
      const report = await installPackages(rt, names, policy, pypiIndex, notify);
      if (report.failed.length) return report.failed.map((f) => f.reason);
    }
    const wanted = rt.pyodide.toPy(resolved.install);
    for (const [requirement, got] of toJs<Array<[string, string]>>(metadata.unmet(wanted))) {
      notify(`The script asks for ${requirement}; this run uses ${got}, the version Executor's index has.`);
    }
    wanted.destroy();
    return [];
  } finally {
    metadata.destroy();
  }
}

/** What the project's root requirements.txt and pyproject.toml declare (read with `packaging`, checked against this Python). */
export async function readDeclaredDependencies(
  rt: PythonRuntime,
  requirements: string | null,
  pyproject: string | null,
): Promise<DeclaredDependencies> {
  const packaging = await loadPackages(rt, ['packaging'], () => undefined);
  if (packaging.failed.length) return { sources: [], install: [], skipped: [], problems: packaging.failed.map((f) => f.reason) };
  const metadata = rt.pyodide.pyimport('_executor.script_metadata');
  try {
    const version = rt.pyodide.runPython('import platform; platform.python_version()') as string;
    // undefined, not null: Pyodide turns JavaScript's null into JsNull, undefined into None.
    return toJs<DeclaredDependencies>(metadata.declared(requirements ?? undefined, pyproject ?? undefined, version));
  } finally {
    metadata.destroy();
  }
}
