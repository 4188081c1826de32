/** Where the interpreter's packages come from, as the deployment configured it (served by GET /api/config). */
export interface PackageSources {
  /** This server's own index (built by `npm run packages`): its URL path and the packages it holds. */
  selfHosted: { path: string; packages: string[] };
  /** The package CDN for everything else (EXECUTOR_PACKAGE_CDN), or null when the deployment turned it off. */
  cdn: string | null;
  /**
   * Installs of packages in neither (EXECUTOR_PYPI_URL, through micropip): `index` is an index URL or
   * 'pypi' for PyPI itself, `hosts` the origins the sandbox may fetch from for it; null when turned off.
   */
  pypi: { index: string; hosts: string[] } | null;
}

/** Reads `packageSources` from an /api/config body; null when absent or malformed. */
export function parsePackageSources(value: unknown): PackageSources | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { selfHosted?: { path?: unknown; packages?: unknown }; cdn?: unknown };
  const path = v.selfHosted?.path;
  const packages = v.selfHosted?.packages;
  if (typeof path !== 'string' || !Array.isArray(packages) || !packages.every((p) => typeof p === 'string')) return null;
  if (v.cdn !== null && typeof v.cdn !== 'string') return null;
  const pypi = (value as { pypi?: { index?: unknown; hosts?: unknown } | null }).pypi ?? null;
  if (pypi !== null && (typeof pypi.index !== 'string' || !Array.isArray(pypi.hosts) || !pypi.hosts.every((h) => typeof h === 'string')))
    return null;
  return {
    selfHosted: { path, packages: packages },
    cdn: v.cdn,
    pypi: pypi ? { index: pypi.index as string, hosts: pypi.hosts as string[] } : null,
  };
}
