import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A fetch handler, e.g. `app.fetch` of a Hono app. */
export type FetchHandler = Parameters<typeof serve>[0]['fetch'];

/** An HTTP server started by {@link serveOnLoopback}. */
export interface LoopbackServer {
  /** Base URL, e.g. `http://127.0.0.1:43123` (no trailing slash). */
  url: string;
  /** The `Host` value clients send, e.g. `127.0.0.1:43123`. */
  host: string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler with `@hono/node-server` on 127.0.0.1 and a random port, for tests
 * where real sockets matter (streaming, disconnects, remote addresses).
 * @param fetch the handler, e.g. `app.fetch`.
 */
export async function serveOnLoopback(fetch: FetchHandler): Promise<LoopbackServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      const host = `127.0.0.1:${info.port}`;
      resolve({
        url: `http://${host}`,
        host,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
