import type { PyProxy } from 'pyodide/ffi';
import type { ImportReport, InstallReport } from '../protocol/results.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { beginDownloadBatch } from './meterFetch.ts';

interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  imports?: string[];
}

/** Import name → the package that provides it and where that package is served from. */
export type LockIndex = Record<string, { package: string; source: 'self-hosted' | 'cdn' }>;

/** Builds the import-name index from the lock file Pyodide loaded. */
export function lockIndex(packages: Record<string, LockPackage>): LockIndex {
  const index: LockIndex = {};
  for (const pkg of Object.values(packages)) {
    const source = /^https?:\/\//.test(pkg.file_name) ? 'cdn' : 'self-hosted';
    for (const name of pkg.imports ?? []) index[name] ??= { package: pkg.name, source };
  }
  return index;
}

function lockPackages(rt: PythonRuntime): Record<string, LockPackage> {
  return (rt.pyodide.lockfile as unknown as { packages: Record<string, LockPackage> }).packages;
}

/** Verdict on every top-level import of `code` (see `_executor.imports.analyze`). */
export function analyzeImports(rt: PythonRuntime, code: string): ImportReport[] {
  const imports = rt.pyodide.pyimport('_executor.imports');
  try {
    const index = rt.pyodide.toPy(lockIndex(lockPackages(rt)));
    const loaded = rt.pyodide.toPy(Object.keys(rt.pyodide.loadedPackages));
    const proxy = imports.analyze(code, index, loaded) as PyProxy;
    const report = proxy.toJs({ dict_converter: Object.fromEntries }) as Array<
      ImportReport & { package?: string | null; source?: ImportReport['source'] | null }
    >;
    proxy.destroy();
    index.destroy();
    loaded.destroy();
    return report.map((r) => ({ ...r, package: r.package ?? null, source: r.source ?? null }));
  } finally {
    imports.destroy();
  }
}

/** One line that says why a package could not be loaded and what to do. */
export function explainLoadFailure(pkg: { name: string; file_name: string } | undefined, name: string, raw: string): string {
  if (!pkg) {
    return `${name} is not in Executor's package index, so it cannot be loaded here. Pure-Python packages can be installed from PyPI (Packages → Install packages), which needs the internet.`;
  }
  if (/^https?:\/\//.test(pkg.file_name)) {
    const host = new URL(pkg.file_name).origin;
    return `${pkg.name} could not be downloaded from the package CDN (${host}): it is not available offline. Only the packages of this server's own index (Settings → Package sources: pytest, sympy, networkx, rich, …) work without the internet; connect to the internet, or ask the administrator to set EXECUTOR_PACKAGE_CDN to a reachable mirror.`;
  }
  return `${pkg.name} could not be loaded from this server's package index (${raw.split('\n')[0]?.slice(0, 160)}). Reload the page; if it persists, rebuild the index with "npm run packages".`;
}

/**
 * Loads packages from the lock (self-hosted first, else the CDN), one call to
 * Pyodide so dependencies resolve together. Never throws: failures are reported
 * per package with {@link explainLoadFailure}.
 */
export async function loadPackages(rt: PythonRuntime, names: string[], notify: (text: string) => void): Promise<InstallReport> {
  const packages = lockPackages(rt);
  const byName = new Map(Object.values(packages).map((p) => [p.name.toLowerCase(), p]));
  // A wheel URL loads as it is (within what the frame's CSP lets it fetch).
  const isWheelUrl = (n: string) => /^https?:\/\/.+\.whl$/.test(n);
  const known = names.filter((n) => byName.has(n.toLowerCase()) || isWheelUrl(n));
  const report: InstallReport = {
    installed: [],
    failed: names.filter((n) => !known.includes(n)).map((n) => ({ name: n, reason: explainLoadFailure(undefined, n, '') })),
  };
  if (known.length === 0) return report;
  const errors: string[] = [];
  const before = new Set(Object.keys(rt.pyodide.loadedPackages));
  const endBatch = beginDownloadBatch();
  try {
    await rt.pyodide.loadPackage(known, {
      messageCallback: (m) => notify(m),
      errorCallback: (m) => errors.push(m),
      checkIntegrity: true,
    });
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
  } finally {
    endBatch();
  }
  const loadedNow = new Set(Object.keys(rt.pyodide.loadedPackages).map((n) => n.toLowerCase()));
  for (const name of Object.keys(rt.pyodide.loadedPackages)) {
    if (!before.has(name)) report.installed.push({ name, version: byName.get(name.toLowerCase())?.version ?? '' });
  }
  for (const name of known) {
    if (isWheelUrl(name)) {
      const dist = (name.split('/').pop() ?? name).split('-')[0] ?? name;
      if (!loadedNow.has(dist.toLowerCase().replace(/_/g, '-')) && !loadedNow.has(dist.toLowerCase())) {
        report.failed.push({ name, reason: `The wheel at ${name} could not be loaded: ${errors[0] ?? 'unknown error'}` });
      }
      continue;
    }
    if (!loadedNow.has(name.toLowerCase())) {
      const pkg = byName.get(name.toLowerCase());
      const raw = errors.find((e) => e.toLowerCase().includes(name.toLowerCase())) ?? errors[0] ?? 'unknown error';
      report.failed.push({ name: pkg?.name ?? name, reason: explainLoadFailure(pkg, name, raw) });
    }
  }
  return report;
}
