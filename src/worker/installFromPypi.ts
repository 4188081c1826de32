import type { PyProxy } from 'pyodide/ffi';
import type { InstallReport } from '../protocol/results.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { loadPackages } from './packages.ts';

/** The deployment's PyPI setting as the worker gets it: an index URL, `'pypi'` for PyPI itself, or null (off). */
export type PypiIndex = string | null;

const each = (names: string[], reason: (name: string) => string): InstallReport => ({
  installed: [],
  failed: names.map((name) => ({ name, reason: reason(name) })),
});

/**
 * Installs packages that are not in Executor's index from PyPI with micropip (which
 * itself loads from the package CDN). Each failure is one line that says why: PyPI
 * turned off, micropip or the index unreachable (offline), no pure-Python wheel.
 */
export async function installFromPypi(
  rt: PythonRuntime,
  names: string[],
  index: PypiIndex,
  notify: (text: string) => void,
): Promise<InstallReport> {
  if (names.length === 0) return { installed: [], failed: [] };
  if (index === null) {
    return each(
      names,
      (n) => `${n} is not in Executor's package index, and installs from PyPI are turned off in this deployment (EXECUTOR_PYPI_URL=off).`,
    );
  }
  const micropip = await loadPackages(rt, ['micropip'], notify);
  if (micropip.failed.length > 0) {
    return each(
      names,
      (n) =>
        `${n} is not in Executor's package index. Installing it from PyPI needs micropip, which comes from the package CDN and could not be loaded: PyPI installs need the internet.`,
    );
  }
  notify(`Installing ${names.join(', ')} from ${index === 'pypi' ? 'PyPI' : index} with micropip…`);
  const pypi = rt.pyodide.pyimport('_executor.pypi');
  const pyNames = rt.pyodide.toPy(names);
  try {
    const proxy = (await pypi.install(pyNames, index === 'pypi' ? null : index)) as PyProxy;
    const report = proxy.toJs({ dict_converter: Object.fromEntries }) as InstallReport;
    proxy.destroy();
    return report;
  } finally {
    pyNames.destroy();
    pypi.destroy();
  }
}
