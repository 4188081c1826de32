import type { InstallReport } from '../protocol/results.ts';
import type { RunPolicy } from '../protocol/policy.ts';

interface LockEntry {
  name: string;
  imports?: string[];
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '_');

/** Executor's own tooling (the test runner): installable whatever the allowlist says, as at run time. */
const TOOLING_MODULES = ['pytest', '_pytest', 'py', 'coverage'];

/**
 * Splits an install request by the safe-mode policy, BEFORE anything is downloaded:
 * a package is allowed when a module it provides (from the lock's `imports`, else
 * its own name) is on the allowlist. Its other modules (matplotlib's `pylab` and
 * `mpl_toolkits`) do not block the install: safe mode checks every import when the
 * code runs, so they stay refused unless they are allowed too. With safe mode off,
 * everything is allowed.
 */
export function checkPackagePolicy(
  names: string[],
  packages: Record<string, LockEntry>,
  policy: RunPolicy | undefined,
): { allowed: string[]; refused: InstallReport['failed'] } {
  if (!policy?.sandboxMode) return { allowed: names, refused: [] };
  const allowlist = new Set([...policy.allowedModules, ...TOOLING_MODULES].map(normalize));
  const byName = new Map(Object.values(packages).map((p) => [normalize(p.name), p]));
  const allowed: string[] = [];
  const refused: InstallReport['failed'] = [];
  for (const name of names) {
    // A wheel's URL names its distribution first; a pinned name ("humanize==4.9.0") is checked by its name.
    const dist = /^https?:\/\//.test(name)
      ? ((name.split('/').pop() ?? name).split('-')[0] ?? name)
      : (name.split(/[=<>!~;[\s]/)[0] ?? name);
    const modules = byName.get(normalize(dist))?.imports ?? [dist];
    const blocked = modules.filter((m) => !allowlist.has(normalize(m)));
    if (blocked.length < modules.length) allowed.push(name);
    else
      refused.push({
        name,
        reason: `${name} is not allowed in safe mode: ${blocked.join(', ')} ${blocked.length === 1 ? 'is' : 'are'} not in ALLOWED_MODULES, so nothing was downloaded. Add ${blocked.length === 1 ? 'it' : 'them'} to the allowed modules in Settings, or turn off safe mode.`,
      });
  }
  return { allowed, refused };
}
