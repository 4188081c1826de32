import { test as base, expect } from '@playwright/test';
import { ExecutorPage } from './pages/ExecutorPage.ts';

/** Tests get `executor`: the app opened in a fresh context and ready to run Python. */
export const test = base.extend<{ executor: ExecutorPage }>({
  executor: async ({ page }, use) => {
    const executor = new ExecutorPage(page);
    await executor.open();
    await use(executor);
  },
});

export { expect };
