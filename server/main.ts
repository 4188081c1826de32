/**
 * `npm start`: serves the built app on http://127.0.0.1:$PORT (default 8080).
 * HOST may widen the address (e.g. 0.0.0.0 in a container).
 */
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp, DEFAULT_DIST_DIR } from './createApp.ts';
import { createConfigApp } from './createConfigApp.ts';
import { describePackageSources, loadPackageLock, packageCdn, pypiIndex, sandboxPackageSources } from './packageLock.ts';
import { createProxyApp } from './proxy/createProxyApp.ts';
import { loadProxyConfig } from './proxy/loadProxyConfig.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = process.env.EXECUTOR_DIST_DIR || DEFAULT_DIST_DIR;

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535); got "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No built app in ${distDir}: run "npm run build" first (npm start does this for you).`);
  process.exit(1);
}

const { config, problems } = loadProxyConfig(process.env);
for (const line of problems) console.warn(`[config] ${line}`);
const proxy = createProxyApp(config);
proxy.ready().catch((err: Error) => console.warn(`[config] ${err.message}`));
const cdn = packageCdn(process.env);
const packageLock = await loadPackageLock(distDir, cdn);
let pypi: ReturnType<typeof pypiIndex> = null;
try {
  pypi = pypiIndex(process.env);
} catch (err) {
  console.warn(`[config] ${(err as Error).message} Installs from PyPI are off until this is fixed.`);
}

// GET /api/config (deployment defaults from EXECUTOR_* variables) next to the chat proxy.
const api = new Hono()
  .route(
    '/',
    createConfigApp(process.env, (line) => console.warn(`[config] ${line}`), describePackageSources(packageLock, cdn, pypi)),
  )
  .route('/', proxy);
// The sandbox may fetch packages from the CDN and, for micropip, from the PyPI index's hosts.
// EXECUTOR_CROSS_ORIGIN_ISOLATION=off serves the page without COOP/COEP, as a static host that cannot set headers
// would: Python still runs, without SharedArrayBuffer (see the README's supported browsers).
const isolated = process.env.EXECUTOR_CROSS_ORIGIN_ISOLATION !== 'off';
const app = createApp({ distDir, api, packageLock, packageSources: sandboxPackageSources(cdn, pypi), isolated });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Executor is running at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`);
});
const shutdown = () => {
  void proxy.close();
  server.close(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
