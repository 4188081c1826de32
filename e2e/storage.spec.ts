import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROMIUM_PATH, CHROMIUM_TEST_ARGS } from '../scripts/chromium.ts';
import { ExecutorPage } from './pages/ExecutorPage.ts';
import { SessionPage } from './pages/SessionPage.ts';

/** Letters that do not compress, `n` of them, from a fixed seed. */
function noise(n: number, seed = 7): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(
    { length: n },
    (_, i) => ((seed = (seed * 48271) % 2147483647), (i + 1) % 80 === 0 ? '\n' : letters[seed % letters.length]),
  ).join('');
}

test.describe('storage that can fail', () => {
  // Chromium enforces an overridden quota only on a profile on disk (a test's usual context keeps storage in memory).
  test('a full disk shows one banner; Export works, nothing typed is lost, and freeing space saves again', async ({
    playwright,
    baseURL,
  }) => {
    const profile = mkdtempSync(join(tmpdir(), 'executor-quota-'));
    const context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_TEST_ARGS],
      baseURL,
      acceptDownloads: true,
    });
    try {
      await fullDisk(new ExecutorPage(await context.newPage()));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

async function fullDisk(executor: ExecutorPage): Promise<void> {
  const page = executor.page;
  // The quota is set before the app touches storage: Chromium's IndexedDB reads it when the origin's storage is first used.
  await page.goto('/favicon.svg');
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000_000 });
  await executor.open();
  const session = new SessionPage(executor);
  await executor.setCode('print("typed before the disk filled")');
  await expect.poll(async () => (await session.sessionNames()).length).toBe(1);

  const data = `DATA = """${noise(1_500_000)}"""\n`;
  await page.getByTestId('import-files').setInputFiles({ name: 'data.py', mimeType: 'text/x-python', buffer: Buffer.from(data) });
  await expect(session.fileItem('data.py')).toBeVisible();
  await session.fileItem('main.py').click();
  await executor.setCode('print("typed while the disk was full")');
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-kind', 'quota');
  await expect(banner).toContainText("Changes to this session are not being saved: the browser's storage for Executor is full.");
  await expect(banner).toContainText(/Executor uses [\d.]+ (bytes|KB|MB) of the [\d.]+ (MB|GB) this browser allows it/);
  await expect(page.getByTestId('storage-banner')).toHaveCount(1);

  // Export now: the session file holds everything typed, the big file included.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('storage-export').click();
  const doc = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as { files: Array<{ path: string; content: string }> };
  expect(doc.files.find((f) => f.path === 'main.py')?.content).toBe('print("typed while the disk was full")');
  expect(doc.files.find((f) => f.path === 'data.py')?.content).toBe(data);
  await expect.poll(() => executor.code()).toBe('print("typed while the disk was full")');

  // Free space: the quota back, and the Python snapshots deleted from Settings → Storage.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByTestId('storage-manage').click();
  const storage = page.getByTestId('settings-storage');
  await expect(storage.getByTestId('storage-total')).toContainText(
    /Executor uses [\d.]+ (bytes|KB|MB) in this browser, of [\d.]+ (MB|GB) it may use/,
  );
  await expect(storage.getByTestId('storage-session')).toHaveCount(1);
  await expect(storage.getByTestId('storage-session')).toContainText('Session “Session 1” (open)');
  await expect(storage.getByTestId('storage-persistence')).toContainText('Persistent storage:');
  page.once('dialog', (d) => void d.accept());
  await storage
    .getByTestId('storage-snapshots')
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(banner).toHaveCount(0);
  await expect(storage.getByTestId('storage-snapshots')).toContainText('0 bytes');
  await executor.closeSettings();

  await session.reload();
  await session.expectFile('main.py', 'print("typed while the disk was full")');
  await expect(session.fileItem('data.py')).toBeVisible();
}
