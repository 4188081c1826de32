import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium unless CHROMIUM_PATH names another. */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Chromium's flags for the headless engine. Chromium's own OS sandbox stays on unless the process runs as root,
 * where Chromium refuses to start with it (containers): run as a normal user in production (see the README).
 */
export function chromiumArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** A launched (or connected) Chromium. */
export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium for the engine, or throws an Error that says how to get one. With
 * EXECUTOR_CHROMIUM_ENDPOINT (a Playwright browser server's WebSocket endpoint) it connects to that Chromium
 * instead, in a context of its own, and closing only disconnects: several `executor` processes (the tests) share it.
 */
export async function launchChromium(env: NodeJS.ProcessEnv): Promise<LaunchedChromium> {
  const endpoint = env.EXECUTOR_CHROMIUM_ENDPOINT;
  if (endpoint) {
    try {
      const browser = await chromium.connect(endpoint);
      return { browser, close: () => browser.close() };
    } catch (err) {
      const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      throw new Error(
        `The Chromium at EXECUTOR_CHROMIUM_ENDPOINT (${endpoint}) could not be reached (${first}). Start it, or unset the variable.`,
        {
          cause: err,
        },
      );
    }
  }
  const executablePath = chromiumPath(env);
  try {
    // In-process, not launchServer + connect: that adds a WebSocket hop (and its serialisation) to every call,
    // about a millisecond of a trivial run_python's round trip.
    const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs(process.getuid?.() === 0) });
    return { browser, close: () => browser.close() };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new Error(
      `Chromium could not be started from ${executablePath} (${first}). Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
      { cause: err },
    );
  }
}
