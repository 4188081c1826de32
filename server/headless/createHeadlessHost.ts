import type { BrowserContext, Page } from 'playwright-core';
import type { RunPolicy } from '../../src/protocol/policy.ts';
import { createPageEngine, type PageEngine } from './createPageEngine.ts';
import { EngineLostError } from './EngineLostError.ts';
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
 * Starts, on first use, the loopback app server and one headless Chromium; each engine is a page of it that loads
 * engine.html. Launches Chromium again when it has crashed or been killed.
 */
export function createHeadlessHost(env: NodeJS.ProcessEnv, warn: (line: string) => void): HeadlessHost {
  let server: Promise<EngineServer> | null = null;
  let launched: Promise<LaunchedChromium> | null = null;
  let context: Promise<BrowserContext> | null = null;

  const serverOnce = () => {
    server ??= startEngineServer(env, warn);
    server.catch(() => (server = null));
    return server;
  };

  async function browser() {
    const current = launched ? await launched.catch(() => null) : null;
    if (current?.browser.isConnected()) return current.browser;
    void current?.close().catch(() => undefined);
    launched = launchChromium(env);
    launched.catch(() => (launched = null));
    return (await launched).browser;
  }

  // One context for every session: they share the origin's memory snapshots (IndexedDB); each run is confined to
  // its own opaque-origin frame anyway.
  async function sharedContext(): Promise<BrowserContext> {
    const current = context ? await context.catch(() => null) : null;
    if (current?.browser()?.isConnected()) return current;
    context = browser().then((b) => b.newContext());
    return context;
  }

  async function openPage(): Promise<Page> {
    try {
      return await (await sharedContext()).newPage();
    } catch {
      // The browser died and its disconnect has not been noticed yet: start a new one.
      const current = launched ? await launched.catch(() => null) : null;
      launched = null;
      context = null;
      await current?.close().catch(() => undefined);
      return (await sharedContext()).newPage();
    }
  }

  return {
    async startEngine(policy?: RunPolicy): Promise<PageEngine> {
      const page = await openPage();
      const engine = createPageEngine(page);
      try {
        await page.goto(`${(await serverOnce()).origin}/engine.html`);
        await engine.whenReady();
        if (policy) await engine.setPolicy(policy);
        return engine;
      } catch (err) {
        await engine.close();
        throw err instanceof EngineLostError ? err : new Error(`Python could not start: ${(err as Error).message}`, { cause: err });
      }
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
