import type { Page } from '@playwright/test';
import type { RemoteBrowser } from './RemoteBrowser.ts';

/** Chromium, driven by Playwright, behind the same interface as the WebDriver engines (one smoke suite for all). */
export function playwrightRemote(page: Page): RemoteBrowser {
  return {
    engine: 'chromium',
    version: `Chromium ${page.context().browser()?.version() ?? ''}`,
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: (testId) => page.getByTestId(testId).click(),
    async type(testId, text, submit) {
      await page.getByTestId(testId).fill(text);
      if (submit) await page.getByTestId(testId).press('Enter');
    },
    close: () => page.context().close(),
  };
}
