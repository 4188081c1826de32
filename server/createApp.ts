import { Hono } from 'hono';
import { join } from 'node:path';
import { FRAME_PATH, PACKAGES_PATH, PYODIDE_PATH } from '../src/protocol/paths.ts';
import { frameHeaders, isSandboxAsset, pageHeaders, publicOrigin, sandboxAssetHeaders } from './securityHeaders.ts';
import { isolationDropped } from '../src/protocol/isolationUrls.ts';
import { sandboxPathProblem } from '../src/protocol/sandboxPathProblem.ts';
import { createHash } from 'node:crypto';
import { matchesEtag, serveFile } from './serveFile.ts';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The built app (vite build output). */
  distDir: string;
  /** Extra sources the frame may fetch packages from (e.g. a package CDN). */
  packageSources?: string[];
  /** The lock file served at /packages/pyodide-lock.json (see loadPackageLock). */
  packageLock?: string;
  /** Mounted before the static files, e.g. the chat proxy. */
  api?: Hono;
  env?: NodeJS.ProcessEnv;
  /** Serve the page cross-origin isolated (COOP + COEP; default true). False serves it as a static host without those headers would. */
  isolated?: boolean;
}

/** Where the build puts the app's own files, each named by a hash of its content. */
export const HASHED_ASSETS_PATH = '/assets/';

/**
 * The Executor server: the built app with its isolation headers (its hashed assets cached for good), the sandbox
 * frame with its strict CSP, Pyodide and packages for the opaque-origin frame, and the API routes.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const { distDir } = options;
  const packageSources = options.packageSources ?? [];
  const lockEtag =
    options.packageLock === undefined ? '' : `"${createHash('sha256').update(options.packageLock).digest('base64url').slice(0, 27)}"`;
  if (options.api) app.route('/', options.api);
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No API route ${c.req.path}.` } }, 404));

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = c.req.path;
    const method = c.req.method;
    const ifNoneMatch = c.req.header('if-none-match') ?? null;
    const request = { method, ifNoneMatch, acceptEncoding: c.req.header('accept-encoding') ?? null, range: c.req.header('range') ?? null };
    // A document asked for without isolation (the page does so where isolation only breaks the sandbox).
    const isolated = options.isolated !== false && !isolationDropped(new URL(c.req.url).search);
    if (path === FRAME_PATH) {
      const origin = publicOrigin(c.req.url, options.env);
      const res = await serveFile(distDir, FRAME_PATH, frameHeaders(origin, isolated), { ...request, ifNoneMatch: null });
      if (res) return res;
    } else if (isSandboxAsset(path)) {
      // The raw path, as sent: Hono's path has some escapes decoded already.
      const problem = sandboxPathProblem(new URL(c.req.url).pathname);
      if (problem)
        return c.text(`Bad path: ${problem}. Request the file by its exact name.`, 400, sandboxAssetHeaders({ immutable: false }));
      const headers = sandboxAssetHeaders({ immutable: path.startsWith(PYODIDE_PATH) });
      if (path === `${PACKAGES_PATH}pyodide-lock.json` && options.packageLock !== undefined) {
        const lockHeaders = {
          ...sandboxAssetHeaders({ immutable: false }),
          'Content-Type': 'application/json; charset=utf-8',
          ETag: lockEtag,
        };
        if (matchesEtag(ifNoneMatch, lockEtag)) return new Response(null, { status: 304, headers: lockHeaders });
        return new Response(method === 'HEAD' ? null : options.packageLock, { headers: lockHeaders });
      }
      const res = await serveFile(distDir, path, headers, request);
      if (res) return res;
      return c.text('Not found', 404, sandboxAssetHeaders({ immutable: false }));
    } else {
      // Vite names what it builds under /assets/ by a hash of its content: a new build means new names.
      const caching: Record<string, string> = path.startsWith(HASHED_ASSETS_PATH)
        ? { 'Cache-Control': 'public, max-age=31536000, immutable' }
        : {};
      const res = await serveFile(distDir, path, { ...pageHeaders({ isolated, packageSources }), ...caching }, request);
      if (res) return res;
      // Unknown paths without a file extension are app routes (e.g. /?session=...).
      if (!/\.[a-z0-9]+$/i.test(path)) {
        const index = await serveFile(
          distDir,
          '/index.html',
          { ...pageHeaders({ isolated, packageSources }), 'Cache-Control': 'no-cache' },
          { ...request, ifNoneMatch: null },
        );
        if (index) return index;
      }
    }
    return c.text('Not found', 404, pageHeaders({ isolated, packageSources }));
  });
  return app;
}

/** The default location of the built app. */
export const DEFAULT_DIST_DIR = join(import.meta.dirname, '..', 'dist');
