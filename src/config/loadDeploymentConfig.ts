import { parsePackageSources, type PackageSources } from './packageSources.ts';

/** What GET /api/config tells the page: the deployment's defaults and its package sources. */
export interface DeploymentInfo {
  config: Record<string, unknown> | null;
  packageSources: PackageSources | null;
  /** False when the deployment turned memory snapshots off (EXECUTOR_SNAPSHOTS=off). */
  snapshots: boolean;
}

/**
 * Fetches the deployment's defaults (GET /api/config, set by the server's EXECUTOR_*
 * variables) and package sources. Null when the server does not serve them (e.g. a
 * static host): the seed's defaults apply.
 */
export async function loadDeploymentConfig(fetchFn: typeof fetch = fetch): Promise<DeploymentInfo | null> {
  try {
    const res = await fetchFn('/api/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { config?: unknown; packageSources?: unknown; snapshots?: unknown };
    const config = body.config && typeof body.config === 'object' ? (body.config as Record<string, unknown>) : null;
    return { config, packageSources: parsePackageSources(body.packageSources), snapshots: body.snapshots !== false };
  } catch {
    return null;
  }
}
