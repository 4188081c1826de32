/**
 * Fetches the deployment's defaults (GET /api/config, set by the server's EXECUTOR_*
 * variables). Null when the server does not serve them (e.g. a static host): the
 * seed's defaults apply.
 */
export async function loadDeploymentConfig(fetchFn: typeof fetch = fetch): Promise<Record<string, unknown> | null> {
  try {
    const res = await fetchFn('/api/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { config?: unknown };
    return body.config && typeof body.config === 'object' ? (body.config as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
