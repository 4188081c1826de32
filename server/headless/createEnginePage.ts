import type { BrowserContext, Page } from 'playwright-core';
import type { PageProgress } from '../../src/headless/pageProgress.ts';

/** What a session's engine needs of the page it lives in (see createPageEngine). */
export interface EnginePageLink {
  readonly page: Page;
  /** Why the page is gone (crashed, closed, its browser stopped), or null while it works. */
  readonly lost: string | null;
  /** Calls `listener` once when the page is gone. Returns the function that stops it. */
  onLost(listener: (reason: string) => void): () => void;
  /** Sends session `id`'s progress events to `listener` while registered. Returns the function that stops it. */
  onProgress(id: string, listener: (event: PageProgress) => void): () => void;
}

/** One engine.html page, holding every session of this server (each with its own frame and interpreter). */
export interface EnginePage extends EnginePageLink {
  close(): Promise<void>;
}

/**
 * Opens engine.html at `url` in `context`. All sessions share it: a session costs its frame's interpreter, not a
 * renderer of its own, and each session's frame is a separate opaque origin that hears only its own engine. If
 * the page crashes or closes, every session in it is lost; the host opens a new page for the next one.
 */
export async function createEnginePage(context: BrowserContext, url: string): Promise<EnginePage> {
  const page = await context.newPage();
  let lost: string | null = null;
  const lostListeners = new Set<(reason: string) => void>();
  const progress = new Map<string, Set<(event: PageProgress) => void>>();
  const lose = (reason: string) => {
    if (lost) return;
    lost = reason;
    for (const listener of [...lostListeners]) listener(reason);
    lostListeners.clear();
  };
  page.on('crash', () => lose('The browser tab running the sessions crashed (out of memory?).'));
  const browser = context.browser();
  const browserGone = 'The browser running this session stopped (it crashed or was killed).';
  browser?.on('disconnected', () => lose(browserGone));
  // A killed browser closes its pages before it reports the disconnect: wait a moment to say which it was.
  page.on('close', () =>
    setTimeout(() => lose(browser?.isConnected() === false ? browserGone : 'The browser tab running the sessions was closed.'), 200),
  );
  try {
    // Before the page loads: every session's streamed calls report through it.
    await page.exposeBinding('executorProgress', (_source, id: string, event: PageProgress) => {
      for (const listener of [...(progress.get(id) ?? [])]) listener(event);
    });
    await page.goto(url);
    await page.waitForFunction(() => typeof window.executorOpen === 'function');
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
  return {
    page,
    get lost() {
      return lost;
    },
    onLost(listener) {
      if (lost) {
        listener(lost);
        return () => undefined;
      }
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onProgress(id, listener) {
      const set = progress.get(id) ?? new Set();
      set.add(listener);
      progress.set(id, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) progress.delete(id);
      };
    },
    async close() {
      lose('The browser tab running the sessions was closed.');
      await page.close().catch(() => undefined);
    },
  };
}
