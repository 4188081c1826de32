import type { RunPolicy } from '../protocol/policy.ts';
import type { InstallReport, SessionPackage } from '../protocol/results.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { installFromPypi, type PypiIndex } from './installFromPypi.ts';
import { checkPackagePolicy } from './packagePolicy.ts';
import { loadPackages } from './packages.ts';

interface LockEntry {
  name: string;
  version: string;
  file_name: string;
  imports?: string[];
}

const WHEEL_URL = /^https?:\/\/.+\.whl$/;
const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** Specs this interpreter installed (a worker is one interpreter: a new one starts with none). */
const installedSpecs = new Set<string>();

/** Whether this interpreter installed `spec` already. */
export function hasInstalled(spec: string): boolean {
  return installedSpecs.has(spec);
}

/** `name==1.0` → name and version; a wheel URL → its distribution name and version; else the name as it is. */
export function specParts(spec: string): { name: string; version: string } {
  if (WHEEL_URL.test(spec)) {
    const [name = spec, version = ''] = (spec.split('/').pop() ?? spec).split('-');
    return { name, version };
  }
  const m = /^([A-Za-z0-9._-]+)\s*==\s*(\S+)$/.exec(spec);
  return m ? { name: m[1] ?? spec, version: m[2] ?? '' } : { name: spec, version: '' };
}

/**
 * Installs packages by name or wheel URL: those in the lock (the self-hosted index or the CDN) and wheel
 * URLs through Pyodide, the rest from PyPI with micropip; packages the policy does not allow are refused
 * before anything is downloaded. The report's `requested` says, for each spec that installed, what a
 * session keeps of it: the name and version it gave, where it came from, and the spec to ask for again
 * (a PyPI name pinned to the version it got).
 */
export async function installPackages(
  rt: PythonRuntime,
  specs: string[],
  policy: RunPolicy | undefined,
  pypiIndex: PypiIndex,
  notify: (text: string) => void,
): Promise<InstallReport> {
  const lock = (rt.pyodide.lockfile as unknown as { packages: Record<string, LockEntry> }).packages;
  const byName = new Map(Object.values(lock).map((p) => [normalize(p.name), p]));
  const { allowed, refused } = checkPackagePolicy(specs, lock, policy);
  const inIndex = allowed.filter((n) => byName.has(normalize(n)) || WHEEL_URL.test(n));
  const fromPypi = allowed.filter((n) => !inIndex.includes(n));
  const report = inIndex.length ? await loadPackages(rt, inIndex, notify) : { installed: [], failed: [] };
  // micropip takes the spec as it is: a session's PyPI package comes back pinned to the version it got.
  const pypi = await installFromPypi(rt, fromPypi, pypiIndex, notify);
  const failed = [...refused, ...report.failed, ...pypi.failed];
  const failedNames = new Set(failed.map((f) => normalize(f.name)));
  const requested: SessionPackage[] = [];
  for (const spec of allowed) {
    if (failedNames.has(normalize(spec)) || failedNames.has(normalize(specParts(spec).name))) continue;
    const entry = byName.get(normalize(spec));
    if (WHEEL_URL.test(spec)) requested.push({ spec, ...specParts(spec), source: 'url' });
    else if (entry)
      requested.push({ spec, name: entry.name, version: entry.version, source: /^https?:/.test(entry.file_name) ? 'cdn' : 'index' });
    else {
      const { name } = specParts(spec);
      const got = pypi.installed.find((p) => normalize(p.name) === normalize(name));
      if (!got) continue;
      requested.push({ spec: `${got.name}==${got.version}`, name: got.name, version: got.version, source: 'pypi' });
    }
  }
  for (const p of requested) {
    installedSpecs.add(p.spec);
    installedSpecs.add(specs.find((s) => normalize(specParts(s).name) === normalize(p.name)) ?? p.spec);
  }
  return { installed: [...report.installed, ...pypi.installed], failed, requested };
}

/**
 * Before a run or a test run: installs the session's packages this interpreter does not have yet (a new
 * interpreter after a Restart, a kill or a time-limit replacement; a test interpreter), in their order, with
 * one console line for what came back and one for each that could not.
 */
export async function ensureSessionPackages(
  rt: PythonRuntime,
  specs: readonly string[] | undefined,
  policy: RunPolicy | undefined,
  pypiIndex: PypiIndex,
  notify: (text: string) => void,
): Promise<void> {
  const missing = (specs ?? []).filter((s) => !installedSpecs.has(s));
  if (missing.length === 0) return;
  const report = await installPackages(rt, missing, policy, pypiIndex, () => undefined);
  // Tried once per interpreter: a failure is said once, not before every run.
  for (const s of missing) installedSpecs.add(s);
  const back = report.requested ?? [];
  if (back.length) notify(`Restored this session's packages: ${back.map((p) => `${p.name} ${p.version}`.trim()).join(', ')}.`);
  for (const f of report.failed) notify(`A package of this session could not be restored: ${f.reason}`);
}
