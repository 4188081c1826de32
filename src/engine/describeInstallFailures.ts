import type { InstallReport } from '../protocol/results.ts';

/**
 * One line per distinct reason: packages that failed for the same reason (eight
 * packages the offline CDN could not serve) share one explanation instead of eight.
 */
export function describeInstallFailures(failed: InstallReport['failed']): string[] {
  const groups = new Map<string, string[]>();
  for (const f of failed) {
    // The reason names its package; without the name, the same reason is the same text.
    const key = f.reason.split(f.name).join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), f.name]);
  }
  return [...groups.entries()].map(([key, names]) => {
    if (names.length === 1) return key.split('\u0000').join(names[0] ?? '');
    const all = names.join(', ');
    // "numpy could not be downloaded…" becomes "numpy, pandas (each) could not be downloaded…".
    if (key.startsWith('\u0000')) return `${all} (each)${key.slice(1).split('\u0000').join('it')}`;
    return `${all}: ${key.split('\u0000').join('each')}`;
  });
}
