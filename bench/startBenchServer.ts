import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/createApp.ts';
import { loadPackageLock, packageCdn } from '../server/packageLock.ts';
import { serveFile } from '../server/serveFile.ts';
import { BARE_DIR, BARE_PATH } from './paths.ts';
import { throttleFetch, type LinkConditions } from './throttleFetch.ts';
import { meterTraffic, type Traffic } from './meterTraffic.ts';

/** A running bench server. */
export interface BenchServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Serves everything through a slow link from now on (null: full speed again). */
  setLink(link: LinkConditions | null): void;
  /** The bytes sent since the last call, by who asked. */
  takeTraffic(): Traffic;
  close(): Promise<void>;
}

/** The bare page is cross-origin isolated like the app page, so it can use SharedArrayBuffer. */
const BARE_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * Serves the built app exactly as the Executor server does (createApp, same
 * headers) and, on the same origin, the bare baseline page under /bench-bare/.
 * Listens on 127.0.0.1 on a free port.
 */
export async function startBenchServer(distDir: string): Promise<BenchServer> {
  const cdn = packageCdn(process.env);
  const packageLock = await loadPackageLock(distDir, cdn);
  const app = createApp({ distDir, packageLock, packageSources: cdn ? [cdn] : [] });
  let link: LinkConditions | null = null;
  const handle = async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    if (path.startsWith(BARE_PATH)) {
      const file = path === BARE_PATH ? '/index.html' : path.slice(BARE_PATH.length - 1);
      const res = await serveFile(BARE_DIR, file, BARE_HEADERS, {
        method: req.method,
        ifNoneMatch: req.headers.get('if-none-match'),
        acceptEncoding: req.headers.get('accept-encoding'),
        range: req.headers.get('range'),
      });
      return res ?? new Response('Not found', { status: 404, headers: BARE_HEADERS });
    }
    return app.fetch(req);
  };
  const meter = meterTraffic(handle);
  const fetch = throttleFetch(meter.fetch, () => link);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        setLink: (next) => {
          link = next;
        },
        takeTraffic: () => meter.take(),
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.on('error', reject);
  });
}
