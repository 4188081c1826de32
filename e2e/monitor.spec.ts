import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

// The seed's Example 3 (bubble sort), sizes trimmed so the test stays quick under the profiler.
const BUBBLE_SORT = `def bubble_sort(arr):
    n = len(arr)
    for i in range(n):
        for j in range(0, n-i-1):
            if arr[j] > arr[j+1]:
                arr[j], arr[j+1] = arr[j+1], arr[j]
    return arr

# Test with different sizes
import time
sizes = [100, 300, 600]
for size in sizes:
    arr = list(range(size, 0, -1))
    start = time.time()
    bubble_sort(arr.copy())
    end = time.time()
    print(f"Size {size}: {end-start:.4f} seconds")
`;

const BATCH = [
  { name: 'data_preparation.py', code: 'data = [1, 2, 3]\nprint("prepared", len(data))\n' },
  { name: 'model_training.py', code: 'print("training")\nmodel = 6 / 0\n' },
  { name: 'evaluation.py', code: 'print("evaluated", __name__)\n' },
];

async function runAll(executor: ExecutorPage): Promise<void> {
  const before = await executor.runCount();
  await executor.page.getByTestId('run-all').click();
  await expect(executor.page.getByTestId('batch-summary')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => executor.runCount()).toBeGreaterThan(before);
}

test.describe('monitoring', () => {
  test.setTimeout(120_000);

  test('profiles the bubble sort with bubble_sort on top; a click on it goes to its line', async ({ executor }) => {
    await executor.setCode(BUBBLE_SORT);
    const runs = await executor.runCount();
    await executor.page.getByTestId('profile').click();
    await executor.waitRunsDone(runs + 1);
    await expect(executor.output).toContainText('Size 600');
    const panel = executor.page.getByTestId('profile-panel');
    await expect(panel).toBeVisible();
    const first = executor.page.getByTestId('profile-row').first();
    await expect(
      first,
      (await executor.page.getByTestId('profile-row').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.textContent))).join(' | '),
    ).toHaveAttribute('data-name', 'bubble_sort');
    await expect(first).toContainText(/main\.py:1/);
    await expect(first).toContainText(/\d+(\.\d)? %/);
    // The icicle chart has a box for it, under the module's.
    const flame = executor.page.getByTestId('flame');
    await expect(flame.locator('[data-testid="flame-box"][data-name="bubble_sort"]')).toHaveCount(1);
    // Sorting by calls puts another function first; sorting back restores bubble_sort.
    await panel.getByRole('button', { name: /Calls/ }).click();
    await expect(first).not.toHaveAttribute('data-name', 'bubble_sort');
    await panel.getByRole('button', { name: /Own ms/ }).click(); // a new column sorts heaviest first
    await expect(first).toHaveAttribute('data-name', 'bubble_sort');
    // Clicking the box puts the cursor on line 1 (def bubble_sort).
    await executor.editor.locator('.monaco-editor').click();
    await executor.page.keyboard.press('ControlOrMeta+End'); // the cursor on the last line first
    const activeLine = executor.editor.locator('.line-numbers.active-line-number');
    await expect(activeLine).not.toHaveText('1');
    await flame.locator('[data-testid="flame-box"][data-name="bubble_sort"]').click();
    await expect(activeLine).toHaveText('1');
  });

  test("metrics of a run that allocates 100 MB show it, and the engine reports them with the seed's names", async ({ executor }) => {
    await executor.run('blob = bytearray(100 * 1024 * 1024)\nprint(len(blob))');
    expect(await executor.lastStatus(), await executor.output.innerText()).toBe('ok');
    const growth = await executor.page.getByTestId('metric-heap-growth').innerText();
    expect(Number(/\+([\d.]+) MB/.exec(growth)?.[1])).toBeGreaterThanOrEqual(90);
    await expect(executor.metrics).toContainText('CPU share');
    // Tracing every Python allocation slows such code down several times: only profiled runs do it.
    await expect(executor.page.getByTestId('metric-python-peak')).toHaveCount(0);
    const seed = await executor.page.evaluate(() => window.executor.engine.getLastExecutionMetrics());
    expect(seed?.memory_used).toBeGreaterThanOrEqual(90);
    expect(seed?.execution_time).toBeGreaterThan(0);
    expect(seed?.cpu_percent).toBeGreaterThanOrEqual(0);

    await executor.setCode('blob = bytearray(100 * 1024 * 1024)\nprint(len(blob))');
    const runs = await executor.runCount();
    await executor.page.getByTestId('profile').click();
    await executor.waitRunsDone(runs + 1);
    const peak = await executor.page.getByTestId('metric-python-peak').innerText();
    expect(Number(/([\d.]+) MB/.exec(peak)?.[1])).toBeGreaterThanOrEqual(100);
  });

  test('shows live memory in the status line while a program runs', async ({ executor }) => {
    await executor.setCode('import time\nkeep = []\nend = time.time() + 3\nwhile time.time() < end:\n    keep.append([0] * 100)\n');
    const runs = await executor.startRun();
    await expect(executor.status).toContainText(/Running… [\d.]+ s · heap \d+ MB/);
    await executor.waitRunsDone(runs);
  });

  test('Run all over three files stops at the failing second with stopOnError, and goes on without it', async ({ executor }) => {
    await executor.page
      .getByTestId('import-files')
      .setInputFiles(BATCH.map((f) => ({ name: f.name, mimeType: 'text/x-python', buffer: Buffer.from(f.code) })));
    await expect(executor.page.locator('[data-testid="file-item"][data-path="evaluation.py"]')).toBeVisible();
    const panel = executor.page.getByTestId('batch-panel');
    await executor.showPanel('batch');
    // Untick everything, then tick the steps in the order they should run.
    for (const box of await panel.getByTestId('batch-file').all()) await box.uncheck();
    for (const f of BATCH) await panel.locator(`[data-testid="batch-file"][data-path="${f.name}"]`).check();
    const steps = executor.page.getByTestId('batch-step');

    await runAll(executor);
    await expect(steps).toHaveCount(3);
    expect(await steps.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')} ${e.getAttribute('data-status')}`))).toEqual([
      'data_preparation.py ok',
      'model_training.py error',
      'evaluation.py skipped',
    ]);
    await expect(executor.page.getByTestId('batch-summary')).toContainText('1 of 3 succeeded, 1 skipped');
    await expect(executor.page.getByTestId('batch-summary')).toContainText('model_training.py (ZeroDivisionError');

    await expect(executor.page.getByTestId('panel-tab-batch')).toHaveAttribute('aria-selected', 'true'); // Run all shows its steps when done
    await executor.page.getByTestId('batch-stop-on-error').uncheck();
    await runAll(executor);
    await expect(steps.nth(2)).toHaveAttribute('data-status', 'ok');
    await expect(executor.page.getByTestId('batch-summary')).toContainText('2 of 3 succeeded');
    await expect(executor.output).toContainText('evaluated __main__');

    // The engine API does the same for code blocks.
    const api = await executor.page.evaluate(async () => {
      const b = await window.executor.engine.executeBatch(['x = 20', 'y = x / 0', 'print(x + 22)'], { stopOnError: true });
      return b.steps.map((s) => (s.skipped ? 'skipped' : s.result?.status));
    });
    expect(api).toEqual(['ok', 'error', 'skipped']);
  });

  test('the history keeps runs across a reload, filters them and runs one again', async ({ executor }) => {
    const { page } = executor;
    await executor.run('print("first run")');
    await executor.run('raise ValueError("second run")');
    await executor.showPanel('history');
    await expect(page.getByTestId('history-row')).toHaveCount(2);

    await page.reload();
    await executor.waitReady();
    await executor.showPanel('history');
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    await page.getByTestId('history-filter').selectOption('error');
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await page.getByTestId('history-filter').selectOption('ok');
    await page.getByTestId('history-row').click();
    await expect(page.getByTestId('history-code')).toHaveText('print("first run")');
    await expect(page.getByTestId('history-output')).toContainText('first run');

    const runs = await executor.runCount();
    await page.getByTestId('history-rerun').click();
    await executor.waitRunsDone(runs + 1);
    await expect(executor.output).toContainText('first run');
    await executor.showPanel('history');
    await page.getByTestId('history-filter').selectOption('all');
    await expect(page.getByTestId('history-row')).toHaveCount(3);
    await expect(page.getByTestId('history-chart')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('history-export').click();
    const exported = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString())) as {
      runs: unknown[];
    };
    expect(exported.runs).toHaveLength(3);
  });
});
