import puppeteer from 'puppeteer-core';
import { byTestId, type RemoteBrowser } from './RemoteBrowser.ts';

/** Debian's Firefox ESR (`FIREFOX_PATH` for another). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Starts headless Firefox driven by puppeteer-core over WebDriver BiDi (Firefox's own remote agent; no geckodriver). */
export async function launchFirefox(): Promise<RemoteBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 800 },
  });
  const page = await browser.newPage();
  return {
    engine: 'firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: (testId) => page.click(byTestId(testId)),
    async type(testId, text, submit) {
      await page.type(byTestId(testId), text);
      if (submit) await page.keyboard.press('Enter');
    },
    close: () => browser.close(),
  };
}
