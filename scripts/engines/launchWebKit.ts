import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { byTestId, type RemoteBrowser } from './RemoteBrowser.ts';
import { freePort } from '../../server/testing/freePort.ts';

/** Debian's WebKitGTK driver (package webkit2gtk-driver) and the browser it drives. */
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Starts WebKitGTK's MiniBrowser (Safari's engine) under its WebKitWebDriver, driven with
 * selenium-webdriver over W3C WebDriver. MiniBrowser has no headless mode here: without a DISPLAY
 * it gets a virtual one (Xvfb, package xvfb). `sharedArrayBuffer`: as Safari, SharedArrayBuffer in a cross-origin
 * isolated page (WebKitGTK leaves it off unless JavaScriptCore is told).
 */
export async function launchWebKit(options: { sharedArrayBuffer?: boolean } = {}): Promise<RemoteBrowser> {
  const started: ChildProcess[] = [];
  const stopAll = (): void => {
    for (const p of started.reverse()) p.kill('SIGTERM');
  };
  try {
    const display = process.env.DISPLAY ?? (await startXvfb(started));
    const port = await freePort();
    const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], {
      // JavaScriptCore's switch for SharedArrayBuffer in cross-origin isolated pages: what Safari gives them.
      env: { ...process.env, DISPLAY: display, ...(options.sharedArrayBuffer ? { JSC_useSharedArrayBuffer: '1' } : {}) },
      stdio: 'ignore',
    });
    started.push(driverProcess);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/status`).catch(() => null))?.ok === true, 'WebKitWebDriver');
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 180_000, pageLoad: 120_000 });
    await driver.manage().window().setRect({ width: 1280, height: 800 });
    const caps = await driver.getCapabilities();
    return remote(driver, `${String(caps.getBrowserName())} ${String(caps.getBrowserVersion())}`, async () => {
      await driver.quit().catch(() => undefined);
      stopAll();
    });
  } catch (err) {
    stopAll();
    throw err;
  }
}

function remote(driver: WebDriver, version: string, close: () => Promise<void>): RemoteBrowser {
  return {
    engine: 'webkit',
    version,
    goto: (url) => driver.get(url),
    async evaluate(fn, arg) {
      // The function's own source, called with its argument; a rejection comes back as an error to throw here.
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then(
          (value) => done({ value: value === undefined ? null : value }),
          (err) => done({ error: String(err && err.stack || err) }));`;
      const reply = await driver.executeAsyncScript<{ value: never } | { error: string }>(script, arg);
      if ('error' in reply) throw new Error(`In WebKit: ${reply.error}`);
      return reply.value;
    },
    click: async (testId) => (await driver.findElement(By.css(byTestId(testId)))).click(),
    type: async (testId, text, submit) =>
      (await driver.findElement(By.css(byTestId(testId)))).sendKeys(text, ...(submit ? [Key.ENTER] : [])),
    close,
  };
}

async function startXvfb(started: ChildProcess[]): Promise<string> {
  for (let n = 90 + Math.floor(Math.random() * 100); ; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const failed = new Promise<never>((_, reject) => {
      xvfb.once('error', (e) => reject(new Error(`Xvfb could not start (install the xvfb package): ${e.message}`)));
    });
    started.push(xvfb);
    await Promise.race([waitFor(() => Promise.resolve(existsSync(`/tmp/.X11-unix/X${n}`)), 'Xvfb'), failed]);
    return `:${n}`;
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s.`);
}
