/**
 * Vite plugin: serves the sandbox frame, its script and Pyodide in dev with the
 * same headers as production, and emits them into dist/ on build.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { compressDist } from './compressDist.ts';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { FRAME_PATH, FRAME_SCRIPT_PATH, PACKAGES_PATH, PYODIDE_PATH } from '../src/protocol/paths.ts';
import { DEFAULT_CDN_BASE_URL, mergeLock, type Lockfile } from './packages/mergeLock.mjs';
import { frameHeaders, isSandboxAsset, pageHeaders, sandboxAssetHeaders } from '../server/securityHeaders.ts';
import { bundleFrame, FRAME_SOURCE_DIRS } from './bundleFrame.ts';
import { sandboxPathProblem } from '../src/protocol/sandboxPathProblem.ts';
import { runtimeFileUrls } from '../src/engine/fetchRuntimeFiles.ts';
import { contentTypeOf, PYODIDE_DIR, PYODIDE_FILES } from './pyodideFiles.ts';

const FRAME_HTML = new URL('../src/frame/frame.html', import.meta.url);

function setHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
}

function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

/** The dev server's lock: the built one from public/packages, else Pyodide's own pointed at the CDN. */
async function devPackageLock(): Promise<string> {
  const built = await readFile(new URL('../public/packages/pyodide-lock.json', import.meta.url), 'utf8').catch(() => null);
  if (built) return built;
  const upstream = JSON.parse(await readFile(join(PYODIDE_DIR, 'pyodide-lock.json'), 'utf8')) as Lockfile;
  return JSON.stringify(mergeLock(upstream, []));
}

function devMiddleware(server: ViteDevServer) {
  let frameJs: Promise<string> | null = null;
  server.watcher.on('change', (file) => {
    if (FRAME_SOURCE_DIRS.some((d) => file.startsWith(d))) frameJs = null;
  });
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path === FRAME_PATH) {
        setHeaders(res, frameHeaders(originOf(req)));
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(await readFile(FRAME_HTML));
        return;
      }
      if (isSandboxAsset(path)) {
        setHeaders(res, sandboxAssetHeaders({ immutable: false }));
        // As the server does: only exact names under the folders the frame's CSP names.
        const problem = sandboxPathProblem(path);
        if (problem) {
          res.statusCode = 400;
          res.end(`Bad path: ${problem}. Request the file by its exact name.`);
          return;
        }
        if (path === FRAME_SCRIPT_PATH) {
          frameJs ??= bundleFrame({ minify: false });
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(await frameJs);
          return;
        }
        if (path === `${PACKAGES_PATH}pyodide-lock.json`) {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(await devPackageLock());
          return;
        }
        if (path.startsWith(PYODIDE_PATH)) {
          const name = path.slice(PYODIDE_PATH.length);
          if (!(PYODIDE_FILES as readonly string[]).includes(name)) {
            res.statusCode = 404;
            res.end('Not found');
            return;
          }
          res.setHeader('Content-Type', contentTypeOf(name));
          res.end(await readFile(join(PYODIDE_DIR, name)));
          return;
        }
        next(); // packages: served from public/ by Vite, with the headers set above
        return;
      }
      setHeaders(res, pageHeaders({ dev: true, packageSources: [DEFAULT_CDN_BASE_URL] }));
      next();
    } catch (err) {
      frameJs = null;
      res.statusCode = 500;
      res.end(String(err));
    }
  };
}

/** The Executor Vite plugin. */
export function executorVitePlugin(): Plugin {
  let outDir = 'dist';
  let compress = false;
  return {
    name: 'executor-sandbox',
    configResolved(config) {
      outDir = config.build.outDir;
      compress = config.command === 'build';
    },
    // Pyodide's files start downloading while the app's script does (src/main.tsx fetches them for the frame).
    transformIndexHtml() {
      return Object.values(runtimeFileUrls('')).map((href) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href },
        injectTo: 'head-prepend' as const,
      }));
    },
    configureServer(server) {
      const handle = devMiddleware(server);
      server.middlewares.use((req, res, next) => void handle(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        setHeaders(res, pageHeaders({ packageSources: [DEFAULT_CDN_BASE_URL] }));
        next();
      });
    },
    async writeBundle() {
      await mkdir(join(outDir, 'frame'), { recursive: true });
      await writeFile(join(outDir, FRAME_SCRIPT_PATH), await bundleFrame({ minify: true }));
      await copyFile(FRAME_HTML, join(outDir, FRAME_PATH));
      const pyodideOut = join(outDir, PYODIDE_PATH);
      await mkdir(pyodideOut, { recursive: true });
      await Promise.all(PYODIDE_FILES.map((f) => copyFile(join(PYODIDE_DIR, f), join(pyodideOut, f))));
    },
    // Everything is written (the bundle, the frame, Pyodide, the public folder): brotli and gzip copies beside it.
    async closeBundle() {
      if (!compress) return;
      const started = Date.now();
      const written = await compressDist(outDir);
      const before = written.reduce((n, f) => n + f.bytes, 0);
      const after = written.reduce((n, f) => n + (f.br ?? f.bytes), 0);
      console.log(
        `executor: brotli and gzip copies of ${written.length} files, ${(before / 2 ** 20).toFixed(1)} MB → ${(after / 2 ** 20).toFixed(1)} MB with brotli (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    },
  };
}
