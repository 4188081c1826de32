import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ExecutorPage } from './pages/ExecutorPage.ts';
import { CHROMIUM_TEST_ARGS, CHROMIUM_PATH } from '../scripts/chromium.ts';
import { storedSnapshots } from './support/storedSnapshots.ts';
import { sandboxFileRequests, transferSizes } from './support/sandboxFileRequests.ts';
import { CALCULATOR_FILES } from './support/calculatorProject.ts';

// Every test here looks at what a browser keeps between visits: a context of its own each.
test.use({ freshPage: true });
// Each test waits for a snapshot to be made and boots again: a few minutes at most.
test.describe.configure({ timeout: 180_000 });

test('a second visit boots from the snapshot the first one saved, and Restart does too', async ({ executor }) => {
  const { page } = executor;
  await expect(executor.status).toHaveAttribute('data-boot', 'normal');
  await executor.run('secret = 42\nimport random\nprint("first", random.random())');
  await expect.poll(() => storedSnapshots(page), { timeout: 60_000 }).toBe(1);

  await page.reload();
  await executor.waitReady();
  await expect(executor.status).toHaveAttribute('data-boot', 'snapshot');
  // A fresh interpreter: the first visit's variables never reach a snapshot; the working folder and HOME are set.
  await executor.run('import os, random\nprint("fresh", "secret" in globals(), os.getcwd() == os.environ["HOME"], random.random())');
  await expect(executor.output).toContainText('fresh False True');
  const first = (await executor.output.innerText()).match(/fresh False True (0\.\d+)/)?.[1];

  // Restart is served by the spare, itself restored from the snapshot: another random state.
  await page.getByTestId('reset').click();
  await executor.waitReady();
  await expect(executor.status).toHaveAttribute('data-boot', 'snapshot');
  await executor.run('import random\nprint("again", random.random())');
  const again = (await executor.output.innerText()).match(/again (0\.\d+)/)?.[1];
  expect(first).toBeDefined();
  expect(again).toBeDefined();
  expect(again).not.toBe(first);
});

test('limits, Stop and test interpreters work in restored interpreters', async ({ executor }) => {
  const { page } = executor;
  await expect.poll(() => storedSnapshots(page), { timeout: 60_000 }).toBe(1);
  await page.reload();
  await executor.waitReady();
  await expect(executor.status).toHaveAttribute('data-boot', 'snapshot');

  await executor.setLimits({ timeout: '1' });
  await executor.run('while True:\n    pass');
  expect(await executor.lastStatus()).toBe('timeout');
  await executor.setLimits({ timeout: '30' });

  await executor.setCode('import time\nwhile True:\n    time.sleep(0.05)');
  const done = await executor.startRun();
  await expect(executor.status).toContainText('Running');
  await page.getByTestId('stop').click();
  await executor.waitRunsDone(done);
  expect(await executor.lastStatus()).toBe('stopped');

  const tests = await page.evaluate(async () => {
    const files = [
      { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
      {
        path: 'test_calc.py',
        content: 'from calc import add\n\ndef test_add():\n    assert add(2, 3) == 5\n\ndef test_bad():\n    assert add(2, 2) == 5\n',
      },
    ];
    const r = await window.executor.engine.runTests({ files, coverage: false, parallel: 1 });
    return { status: r.status, passed: r.passed, failed: r.failed };
  });
  expect(tests).toEqual({ status: 'failed', passed: 1, failed: 1 });
});

test('a corrupted stored snapshot falls back to a normal boot with one clear line', async ({ executor }) => {
  const { page } = executor;
  await expect.poll(() => storedSnapshots(page), { timeout: 60_000 }).toBe(1);
  // Overwrite the stored bytes with garbage of a plausible size.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.open('executor-snapshots', 1);
        req.onsuccess = () => {
          const store = req.result.transaction('snapshots', 'readwrite').objectStore('snapshots');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const entry of all.result as Array<{ key: string; savedAt: number }>)
              store.put({ ...entry, bytes: new Uint8Array(4 * 2 ** 20).fill(7) });
            store.transaction.oncomplete = () => resolve();
          };
        };
      }),
  );
  await page.reload();
  await executor.waitReady();
  await expect(executor.output).toContainText('The saved snapshot of Python could not be used');
  await expect(executor.status).toHaveAttribute('data-boot', 'normal');
  await executor.run('print("works", 6 * 7)');
  await expect(executor.output).toContainText('works 42');
  // A good snapshot replaces the bad one.
  await expect.poll(() => storedSnapshots(page), { timeout: 60_000 }).toBe(1);
});

test('?snapshots=off boots normally and stores nothing', async ({ executor }) => {
  const { page } = executor;
  await expect.poll(() => storedSnapshots(page), { timeout: 60_000 }).toBe(1);
  await page.goto('/?snapshots=off');
  await executor.waitReady();
  await expect(executor.status).toHaveAttribute('data-boot', 'normal');
});

test("nothing is downloaded twice: the page fetches Pyodide's files and the wheels, the sandbox none, and a second visit takes them from the cache", async ({
  baseURL,
}) => {
  // A profile on disk, as people browse: an incognito context's in-memory cache keeps no file over about 1 MB.
  const profile = await mkdtemp(join(tmpdir(), 'executor-cache-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_TEST_ARGS],
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const executor = new ExecutorPage(page);
    const requests = sandboxFileRequests(page);
    const runTests = () =>
      page.evaluate(async (files) => {
        const r = await window.executor.engine.runTests({ files, coverage: true, parallel: 1 });
        return r.passed > 0;
      }, CALCULATOR_FILES);
    await executor.open();
    // First visit: everything came over the wire, fetched by the page.
    const first = await transferSizes(page);
    expect(first['pyodide.asm.wasm']).toBeGreaterThan(1_000_000);
    expect(first['python_stdlib.zip']).toBeGreaterThan(1_000_000);
    expect(await runTests()).toBe(true);
    expect(requests.some((r) => r.url.endsWith('.whl'))).toBe(true);

    await page.reload();
    await executor.waitReady();
    const wheelRequests = requests.filter((r) => r.url.endsWith('.whl')).length;
    expect(await runTests()).toBe(true);
    const second = await transferSizes(page);
    // Versioned, immutable files come from the browser's cache; the lock is revalidated (a 304, headers only).
    expect(second['pyodide.asm.wasm']).toBe(0);
    expect(second['python_stdlib.zip']).toBe(0);
    expect(second['pyodide.asm.mjs']).toBe(0);
    expect(second['pyodide-lock.json']).toBeLessThan(2_000);
    // The wheels the first visit installed are kept by the page (Cache Storage): not one request for them.
    expect(requests.filter((r) => r.url.endsWith('.whl')).length).toBe(wheelRequests);
    // Not one request for these files came from the sandbox frame or its workers.
    expect(requests.filter((r) => !r.byPage)).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
