import { Hono } from 'hono';
import { configFromEnv } from '../src/config/configFromEnv.ts';
import type { PackageSources } from '../src/config/packageSources.ts';

/** The deployment's ExecutorConfig as `GET /api/config` serves it. */
export interface ConfigResponse {
  config: ReturnType<typeof configFromEnv>['config'];
  /** Where packages come from; null when the server was not told (tests of the config alone). */
  packageSources: PackageSources | null;
  /** Whether the page may boot Python from memory snapshots it stores (EXECUTOR_SNAPSHOTS=off turns them off). */
  snapshots: boolean;
}

/** EXECUTOR_SNAPSHOTS: on unless "off", "false", "no" or "0". */
export function snapshotsFromEnv(env: Record<string, string | undefined>): boolean {
  return !/^(off|false|no|0)$/i.test((env.EXECUTOR_SNAPSHOTS ?? '').trim());
}

/**
 * `GET /api/config`: the deployment's defaults (the seed's ExecutorConfig names),
 * from EXECUTOR_TIMEOUT, EXECUTOR_MAX_MEMORY, EXECUTOR_SANDBOX_MODE, EXECUTOR_ALLOWED_MODULES, ...
 * Problems are reported once through `warn` (the server log), not to the browser.
 */
export function createConfigApp(
  env: Record<string, string | undefined>,
  warn: (line: string) => void = () => undefined,
  packageSources: PackageSources | null = null,
): Hono {
  const { config, problems } = configFromEnv(env);
  for (const line of problems) warn(`${line} The seed's defaults are used for every setting until this is fixed.`);
  const app = new Hono();
  const snapshots = snapshotsFromEnv(env);
  app.get('/api/config', (c) =>
    c.json({ config, packageSources, snapshots } satisfies ConfigResponse, 200, { 'Cache-Control': 'no-cache' }),
  );
  return app;
}
