import { test as base, expect, type Browser, type Page, type ViewportSize } from '@playwright/test';
import { ExecutorPage } from './pages/ExecutorPage.ts';

interface Fixtures {
  /** The app, ready to run Python, as a first visit shows it. Use `executor.page`, not `page`, beside it. */
  executor: ExecutorPage;
  /**
   * `test.use({ freshPage: true })` for tests that need a page of their own (routes, init scripts,
   * reloads that check what a browser keeps); the others share one page per worker and server.
   */
  freshPage: boolean;
}

interface WorkerFixtures {
  /** One booted app page per base URL, reused by the tests of this worker. */
  sharedPages: Map<string, Page>;
}

/**
 * Tests get `executor`. By default it is a page this worker opened once (booting Python takes most of
 * a test's time), started over between tests through the page's own API (`executor.startOver()`: a new
 * empty session, a fresh interpreter, the default layout); a page that a test broke or navigated away is
 * replaced. With `freshPage` every test opens its own context.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  freshPage: [false, { option: true }],
  sharedPages: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function wants from its first parameter
    async ({}, use) => {
      const pages = new Map<string, Page>();
      await use(pages);
      for (const page of pages.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
  executor: async ({ browser, baseURL, viewport, freshPage, sharedPages }, use) => {
    const url = baseURL ?? '';
    if (freshPage) {
      const page = await newAppPage(browser, url, viewport);
      const executor = new ExecutorPage(page);
      await executor.open();
      await use(executor);
      await page.context().close();
      return;
    }
    const executor = await sharedExecutor(browser, url, viewport, sharedPages);
    await use(executor);
  },
});

async function newAppPage(browser: Browser, baseURL: string, viewport: ViewportSize | null): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  return context.newPage();
}

/** The worker's page for `baseURL`, started over; a new one when there is none or it cannot start over. */
async function sharedExecutor(
  browser: Browser,
  baseURL: string,
  viewport: ViewportSize | null,
  pages: Map<string, Page>,
): Promise<ExecutorPage> {
  const existing = pages.get(baseURL);
  if (existing && !existing.isClosed()) {
    const executor = new ExecutorPage(existing);
    try {
      if (viewport) await existing.setViewportSize(viewport);
      await executor.startOver();
      return executor;
    } catch {
      // A test left it unusable (crashed, navigated, wedged): open another.
      await existing.context().close();
    }
  }
  const page = await newAppPage(browser, baseURL, viewport);
  pages.set(baseURL, page);
  const executor = new ExecutorPage(page);
  await executor.open();
  return executor;
}

export { expect };
