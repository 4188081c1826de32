import { launchChromium, type LaunchedChromium } from './launchChromium.ts';
import { startEngineServer, type EngineServer } from './startEngineServer.ts';
import type { PoolHost } from './createSessionPool.ts';

/** The browser and the loopback app server behind the sessions. */
export interface HeadlessHost extends PoolHost {
  /** Stops the browser and the server. */
  close(): Promise<void>;
  /** The browser's process id (for tests that kill it), null before launch. */
  browserPid(): Promise<number | null>;
}

/**
 * Starts, on first use, the loopback app server and one headless Chromium; launches Chromium again when it has
 * crashed or been killed.
 */
export function createHeadlessHost(env: NodeJS.ProcessEnv, warn: (line: string) => void): HeadlessHost {
  let server: Promise<EngineServer> | null = null;
  let launched: Promise<LaunchedChromium> | null = null;

  const serverOnce = () => {
    server ??= startEngineServer(env, warn);
    server.catch(() => (server = null));
    return server;
  };

  return {
    async browser() {
      const current = launched ? await launched.catch(() => null) : null;
      if (current?.browser.isConnected()) return current.browser;
      void current?.close().catch(() => undefined);
      launched = launchChromium(env);
      launched.catch(() => (launched = null));
      return (await launched).browser;
    },
    async relaunch() {
      const current = launched ? await launched.catch(() => null) : null;
      launched = null;
      await current?.close().catch(() => undefined);
    },
    async engineUrl() {
      return `${(await serverOnce()).origin}/engine.html`;
    },
    async browserPid() {
      return (launched ? await launched.catch(() => null) : null)?.pid ?? null;
    },
    async close() {
      const current = launched ? await launched.catch(() => null) : null;
      await current?.close().catch(() => undefined);
      const s = server ? await server.catch(() => null) : null;
      await s?.close();
    },
  };
}
