import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import type { RunPolicy } from '../../src/protocol/policy.ts';
import { createPageEngine, type PageEngine } from './createPageEngine.ts';
import { createEnginePage, type EnginePage } from './createEnginePage.ts';
import { EngineLostError } from './EngineLostError.ts';
import { launchChromium, type LaunchedChromium } from './launchChromium.ts';
import { startEngineServer, type EngineServer } from './startEngineServer.ts';
import type { PoolHost } from './createSessionPool.ts';

/** The browser and the loopback app server behind the sessions. */
export interface HeadlessHost extends PoolHost {
  /** Stops the browser and the server. */
  close(): Promise<void>;
}

/**
 * Starts, on first use, the loopback app server, one headless Chromium and one engine.html page in it; each engine
 * is a session of that page (a sandbox frame and interpreter of its own). Launches Chromium again when it has
 * crashed or been killed.
 */
export function createHeadlessHost(env: NodeJS.ProcessEnv, warn: (line: string) => void): HeadlessHost {
  let server: Promise<EngineServer> | null = null;
  let launched: Promise<LaunchedChromium> | null = null;
  let context: Promise<BrowserContext> | null = null;
  let page: Promise<EnginePage> | null = null;

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

  // One context for every session: they share the origin's memory snapshots (IndexedDB).
  async function sharedContext(): Promise<BrowserContext> {
    const current = context ? await context.catch(() => null) : null;
    if (current?.browser()?.isConnected()) return current;
    context = browser().then((b) => b.newContext());
    return context;
  }

  // One page for every session (each session is a sandbox frame of it): a new one when it is gone.
  async function enginePage(): Promise<EnginePage> {
    const current = page ? await page.catch(() => null) : null;
    if (current && !current.lost) return current;
    const url = `${(await serverOnce()).origin}/engine.html`;
    page = (async () => {
      try {
        return await createEnginePage(await sharedContext(), url);
      } catch {
        // The browser died and its disconnect has not been noticed yet: start a new one.
        const dead = launched ? await launched.catch(() => null) : null;
        launched = null;
        context = null;
        await dead?.close().catch(() => undefined);
        return createEnginePage(await sharedContext(), url);
      }
    })();
    page.catch(() => (page = null));
    return page;
  }

  return {
    async startEngine(policy?: RunPolicy): Promise<PageEngine> {
      let engine: PageEngine | null = null;
      try {
        engine = await createPageEngine(await enginePage(), randomUUID());
        await engine.whenReady();
        if (policy) await engine.setPolicy(policy);
        return engine;
      } catch (err) {
        await engine?.close();
        throw err instanceof EngineLostError ? err : new Error(`Python could not start: ${(err as Error).message}`, { cause: err });
      }
    },
    async close() {
      const current = launched ? await launched.catch(() => null) : null;
      await current?.close().catch(() => undefined);
      const s = server ? await server.catch(() => null) : null;
      await s?.close();
    },
  };
}
