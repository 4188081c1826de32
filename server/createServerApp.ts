import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp, DEFAULT_DIST_DIR } from './createApp.ts';
import { createConfigApp } from './createConfigApp.ts';
import { describePackageSources, loadPackageLock, packageCdn, pypiIndex, sandboxPackageSources } from './packageLock.ts';
import { createProxyApp } from './proxy/createProxyApp.ts';
import { loadProxyConfig } from './proxy/loadProxyConfig.ts';

/** The whole Executor server for an environment: the app, /api/config and the chat proxy. */
export interface ServerApp {
  app: Hono;
  /** Closes what the proxy holds open (its Redis connection). */
  close: () => Promise<void>;
}

/** Where the built app is (EXECUTOR_DIST_DIR, else dist/), or an Error saying how to build it. */
export function builtAppDir(env: NodeJS.ProcessEnv): string {
  const distDir = env.EXECUTOR_DIST_DIR || DEFAULT_DIST_DIR;
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'engine.html')))
    throw new Error(`No built app in ${distDir}: run "npm run build" first (npm start does this for you).`);
  return distDir;
}

/**
 * Builds the server `npm start` runs, from the environment (EXECUTOR_*, AZURE_OPENAI_*, ...); `warn` gets
 * each configuration problem (the server starts anyway, with the defaults for what is wrong).
 */
export async function createServerApp(env: NodeJS.ProcessEnv, distDir: string, warn: (line: string) => void): Promise<ServerApp> {
  const { config, problems } = loadProxyConfig(env);
  for (const line of problems) warn(line);
  const proxy = createProxyApp(config);
  proxy.ready().catch((err: Error) => warn(err.message));
  const cdn = packageCdn(env);
  const packageLock = await loadPackageLock(distDir, cdn);
  let pypi: ReturnType<typeof pypiIndex> = null;
  try {
    pypi = pypiIndex(env);
  } catch (err) {
    warn(`${(err as Error).message} Installs from PyPI are off until this is fixed.`);
  }
  // GET /api/config (deployment defaults from EXECUTOR_* variables) next to the chat proxy.
  const api = new Hono().route('/', createConfigApp(env, warn, describePackageSources(packageLock, cdn, pypi))).route('/', proxy);
  // The sandbox may fetch packages from the CDN and, for micropip, from the PyPI index's hosts.
  // EXECUTOR_CROSS_ORIGIN_ISOLATION=off serves the page without COOP/COEP, as a static host that cannot set headers
  // would: Python still runs, without SharedArrayBuffer (see the README's supported browsers).
  const isolated = env.EXECUTOR_CROSS_ORIGIN_ISOLATION !== 'off';
  const app = createApp({ distDir, api, packageLock, packageSources: sandboxPackageSources(cdn, pypi), isolated, env });
  return { app, close: () => proxy.close() };
}
