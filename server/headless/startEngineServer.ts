import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { builtAppDir, createServerApp } from '../createServerApp.ts';

/** The app server the headless browser loads the engine page from. */
export interface EngineServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built app (with its security headers and /api/config from the same EXECUTOR_* variables) on a free
 * loopback port, for the headless browser only.
 */
export async function startEngineServer(env: NodeJS.ProcessEnv, warn: (line: string) => void): Promise<EngineServer> {
  const distDir = builtAppDir(env);
  // The frame's CSP names the page's origin: here that is the loopback server, whatever the public deployment's is.
  const { app, close } = await createServerApp({ ...env, PUBLIC_ORIGIN: '' }, distDir, warn);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: async () => {
          await close();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
    server.once('error', reject);
  });
}
