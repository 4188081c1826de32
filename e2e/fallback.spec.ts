import { noIsolationBaseUrl } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { CALCULATOR_FILES } from './support/calculatorProject.ts';

// The page served without COOP/COEP, as a static host serves it: no SharedArrayBuffer in the sandbox.
// What still works there (run, Stop, limits, input, tests, share) is the smoke suite's project
// chromium-no-isolation (e2e/engines/smoke.spec.ts); this is the notice itself.
test.use({ baseURL: noIsolationBaseUrl });

test('without isolation the notice says why, once, and can be closed', async ({ executor }) => {
  const { page } = executor;
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const notice = page.getByTestId('capability-notice');
  await expect(notice).toContainText('not cross-origin isolated');
  await expect(notice).toContainText('Cross-Origin-Embedder-Policy');
  await expect(page.getByTestId('debug')).toBeDisabled();
  await expect(page.getByTestId('debug')).toHaveAttribute('title', /debugger needs SharedArrayBuffer/);
  await executor.run('print("still runs")');
  await expect(executor.output).toContainText('still runs');
  await notice.getByRole('button', { name: 'Close this notice' }).click();
  await expect(notice).toHaveCount(0);
  await executor.run('print("and again")');
  await expect(notice).toHaveCount(0);
});

test("a test row's Debug is off too, with the reason", async ({ executor }) => {
  const { page } = executor;
  await page.evaluate((files) => {
    for (const f of files) window.executor.project.writeFile(f.path, f.content);
  }, CALCULATOR_FILES);
  await page.getByTestId('tests-run').click();
  await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed', { timeout: 60_000 });
  const debugRow = page.getByTestId('test-row').first().getByTestId('test-debug');
  await expect(debugRow).toBeDisabled();
  await expect(debugRow).toHaveAttribute('title', /debugger needs SharedArrayBuffer/);
});
