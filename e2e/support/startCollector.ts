import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records every request it gets: proof that nothing reached it. */
export interface Collector {
  url: string;
  requests: Array<{ method: string; url: string }>;
  close(): Promise<void>;
}

/** Starts a collector on 127.0.0.1 at a free port. It answers every request permissively, so only the sandbox can stop one. */
export async function startCollector(): Promise<Collector> {
  const requests: Collector['requests'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Type': 'text/plain',
    });
    res.end('collected');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
