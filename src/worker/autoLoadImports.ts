import type { ExecutionResult } from '../protocol/results.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { analyzeImports, loadPackages } from './packages.ts';

/**
 * Before a run: loads the packages from the index that the code imports and that
 * are not loaded yet. Returns module → reason for those that failed (the run goes
 * on: the code may handle the ImportError itself).
 */
export async function autoLoadImports(rt: PythonRuntime, code: string, notify: (text: string) => void): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  // Code that imports nothing needs no analysis (a parse in Python on every run otherwise).
  if (!code.includes('import')) return failed;
  const needed = analyzeImports(rt, code).filter((r) => r.verdict === 'available' && r.package);
  if (needed.length === 0) return failed;
  const packages = [...new Set(needed.map((r) => r.package as string))];
  notify(`Loading ${packages.join(', ')} (imported by the code)…`);
  const report = await loadPackages(rt, packages, () => undefined);
  // After a failure, the dependencies that did load ("Loaded packaging") are noise: say only what was asked for.
  const asked = new Set(packages.map((p) => p.toLowerCase()));
  const shown = report.failed.length ? report.installed.filter((p) => asked.has(p.name.toLowerCase())) : report.installed;
  if (shown.length) notify(`Loaded ${shown.map((p) => `${p.name} ${p.version}`).join(', ')}.`);
  // A failure's reason is not said here: the ModuleNotFoundError it causes carries it (explainMissingModule),
  // and code that catches the ImportError has chosen to carry on without it.
  for (const f of report.failed) {
    for (const r of needed) if (r.package?.toLowerCase() === f.name.toLowerCase()) failed.set(r.module, f.reason);
  }
  return failed;
}

/** Adds the load failure's reason to a ModuleNotFoundError for that module. */
export function explainMissingModule(result: ExecutionResult, failed: Map<string, string>): ExecutionResult {
  const error = result.error;
  if (!error || error.type !== 'ModuleNotFoundError') return result;
  const module = /No module named '([^'.]+)/.exec(error.message)?.[1];
  const reason = module ? failed.get(module) : undefined;
  if (!reason) return result;
  const message = `${error.message}. ${reason}`;
  return { ...result, error: { ...error, message, traceback: `${error.traceback.trimEnd()}\n\n${reason}\n` } };
}
