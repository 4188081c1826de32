import { noIsolationBaseUrl } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { SessionPage } from './pages/SessionPage.ts';
import { CALCULATOR_FILES } from './support/calculatorProject.ts';

// The page served without COOP/COEP, as a static host serves it: no SharedArrayBuffer in the sandbox.
test.use({ baseURL: noIsolationBaseUrl });

test.describe('without SharedArrayBuffer (no cross-origin isolation)', () => {
  test('Python starts, says once what is reduced and why, runs and keeps state between runs', async ({ executor }) => {
    const { page } = executor;
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const notice = page.getByTestId('capability-notice');
    await expect(notice).toContainText('not cross-origin isolated');
    await expect(notice).toContainText('the debugger is off');
    await expect(page.getByTestId('debug')).toBeDisabled();
    await executor.run('x = 41\nprint("hello from the fallback")');
    await expect(executor.output).toContainText('hello from the fallback');
    await executor.run('print(x + 1)');
    await expect(executor.output).toContainText('42');
    await notice.getByRole('button', { name: 'Close this notice' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('Stop and the time limit end the interpreter, say so, and the next run works', async ({ executor }) => {
    await executor.run('kept = 1');
    await executor.setCode('while True:\n    pass\n');
    const runs = await executor.startRun();
    await expect(executor.status).toContainText('Running');
    await executor.stopButton.click();
    await executor.waitRunsDone(runs);
    expect(await executor.lastStatus()).toBe('stopped');
    await expect(executor.output).toContainText('cannot be interrupted');
    await executor.setLimits({ timeout: '1' });
    await executor.run('while True:\n    pass\n');
    expect(await executor.lastStatus()).toBe('timeout');
    await executor.run('print("kept" in globals())');
    await expect(executor.output).toContainText('False');
  });

  test('MemoryError holds, input() explains itself, and pre-filled input is read', async ({ executor }) => {
    const { page } = executor;
    await executor.setLimits({ memory: '256' });
    await executor.run('block = bytearray(400 * 2**20)');
    expect(await executor.lastStatus()).toBe('memory');
    await executor.run('name = input("Name? ")');
    await expect(executor.output).toContainText('interactive input needs a browser that gives the sandbox SharedArrayBuffer');
    await expect(executor.output).toContainText('EOFError');
    await page.getByTestId('stdin-panel').locator('summary').click();
    await page.getByTestId('setting-stdin-enabled').check();
    await page.getByTestId('setting-stdin').fill('Ada');
    await executor.run('print("hello", input())');
    await expect(executor.output).toContainText('hello Ada');
  });

  test('a share link round-trips and a test run works', async ({ executor, browser }) => {
    const { page } = executor;
    await page.evaluate((files) => {
      for (const f of files) window.executor.project.writeFile(f.path, f.content);
    }, CALCULATOR_FILES);
    await page.getByTestId('tests-run').click();
    await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed', { timeout: 60_000 });
    const session = new SessionPage(executor);
    const link = await session.share();
    const other = await browser.newPage();
    try {
      await other.goto(link);
      await expect(other.getByTestId('status')).toContainText('Ready', { timeout: 45_000 });
      await expect(other.locator('[data-testid="file-item"][data-path="test_calculator.py"]')).toBeVisible();
    } finally {
      await other.close();
    }
  });
});
