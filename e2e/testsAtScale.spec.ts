import { fileURLToPath } from 'node:url';
import { createZip } from '../scripts/packages/createZip.mjs';
import type { TextFile } from '../src/protocol/testProtocol.ts';
import { generateLargeSuite, LARGE_SUITE_SUMMARY, LARGE_SUITE_TESTS } from '../src/testing/generateLargeSuite.ts';
import { readFixtureProject } from '../src/testing/readFixtureProject.ts';
import { BIG_COVERAGE_PROJECT, generateCoverageProject } from '../src/testing/generateCoverageProject.ts';
import { lineRanges } from '../src/engine/describeTestResult.ts';
import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Imports files as a .zip with a top folder, as a user zips a project, and waits for the file tree. */
async function importProject(executor: ExecutorPage, files: TextFile[], marker: string): Promise<void> {
  const zip = createZip(files.map((f) => ({ path: `project/${f.path}`, data: new TextEncoder().encode(f.content) })));
  await executor.page
    .getByTestId('import-files')
    .setInputFiles({ name: 'project.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(executor.page.locator(`[data-testid="file-item"][data-path="${marker}"]`)).toBeAttached();
}

/** The Tests panel's choices are saved in the browser: what these tests change is put back after each. */
let saved: { workers: string; coverage: boolean } | null = null;

async function startTests(executor: ExecutorPage, workers: number, coverage: boolean): Promise<void> {
  await executor.showPanel('tests');
  saved ??= {
    workers: await executor.page.getByTestId('tests-workers').inputValue(),
    coverage: await executor.page.getByTestId('tests-coverage').isChecked(),
  };
  await executor.page.getByTestId('tests-workers').selectOption(String(workers));
  await executor.page.getByTestId('tests-coverage').setChecked(coverage);
  await executor.page.getByTestId('tests-run-all').click();
}

test.describe('test runner at scale', () => {
  test.setTimeout(240_000);

  test.afterEach(async ({ executor }) => {
    if (!saved) return;
    await executor.showPanel('tests');
    await expect(executor.page.getByTestId('tests-workers')).toBeEnabled();
    await executor.page.getByTestId('tests-workers').selectOption(saved.workers);
    await executor.page.getByTestId('tests-coverage').setChecked(saved.coverage);
    saved = null;
  });

  test("every outcome kind, on two interpreters, reads as native pytest's own summary line", async ({ executor }) => {
    await importProject(executor, readFixtureProject(fixture('outcomes')), 'test_outcomes.py');
    await startTests(executor, 2, false);
    // Native pytest 7.2.1 (Debian 12) in e2e/fixtures/outcomes; src/worker/pytestParity.test.ts checks it on every run.
    await expect(executor.page.getByTestId('tests-summary')).toContainText(
      /^3 failed, 9 passed, 5 skipped, 1 xfailed, 1 xpassed, 3 warnings, 2 errors in \d+\.\d\ds/,
      { timeout: 120_000 },
    );
    const skippedModule = executor.page.locator('[data-testid="test-row"][data-node-id="test_importorskip.py"]');
    await expect(skippedModule).toHaveAttribute('data-outcome', 'skipped');
    await expect(skippedModule).toContainText("could not import 'a_module_nobody_has'");
    await expect(executor.page.locator('[data-testid="test-row"][data-node-id="test_outcomes.py::test_error_at_teardown"]')).toContainText(
      'error at teardown: RuntimeError: the fixture could not clean up',
    );
  });

  test('a test that needs what the browser lacks is labelled, and the filter finds those', async ({ executor }) => {
    // Safe mode would refuse threading and subprocess before pytest starts: these are the platform's limits.
    await executor.setSafeMode(false);
    await importProject(executor, readFixtureProject(fixture('platform')), 'test_platform.py');
    await startTests(executor, 1, false);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('4 failed, 1 skipped', { timeout: 120_000 });
    await expect(
      executor.page.locator('[data-testid="test-row"][data-node-id="test_platform.py::test_thread"]').getByTestId('test-platform'),
    ).toHaveText('needs threads: not available in the browser');
    await expect(
      executor.page.locator('[data-testid="test-row"][data-node-id="test_platform.py::test_real_bug"]').getByTestId('test-platform'),
    ).toHaveCount(0);
    await executor.page.getByTestId('tests-filter-platform').click();
    await expect(executor.page.getByTestId('test-row')).toHaveCount(4);
    await executor.page.getByTestId('tests-search').fill('signals');
    await expect(executor.page.getByTestId('test-row')).toHaveCount(1);
    await expect(executor.page.getByTestId('test-row')).toHaveAttribute('data-node-id', 'test_platform.py::test_alarm');
  });

  test(`a project of ${LARGE_SUITE_TESTS} tests streams its results, shows pytest's summary and keeps the page responsive`, async ({
    executor,
  }) => {
    await importProject(executor, generateLargeSuite(), 'tests/test_part_099.py');
    // Every main-thread task over 50 ms while the results come in (the Long Tasks API).
    await executor.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await startTests(executor, 1, false);
    await expect(executor.page.getByTestId('tests-live')).toContainText(/[1-9]\d* tests? finished so far/, { timeout: 120_000 });
    await expect(executor.page.getByTestId('tests-summary')).toContainText(new RegExp(`^${LARGE_SUITE_SUMMARY} in \\d+\\.\\d\\ds`), {
      timeout: 180_000,
    });
    const longest = await executor.page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest, 'the longest main-thread task while the results came in (ms)').toBeLessThan(200);
    // Virtualized: a few dozen rows in the page, not thousands.
    expect(await executor.page.getByTestId('test-row').count()).toBeLessThan(200);
    await expect(executor.page.getByTestId('tests-filter-all')).toHaveText(`All ${LARGE_SUITE_TESTS + 10}`);

    // The last file is reached by scrolling the list; filters and search narrow it.
    await executor.page.getByTestId('test-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(executor.page.locator('[data-testid="test-file"][data-file="tests/test_part_099.py"]')).toBeVisible();
    await executor.page.getByTestId('tests-filter-xfailed').click();
    await executor.page.getByTestId('tests-search').fill('test_part_042.py::test_later');
    await expect(executor.page.getByTestId('test-row')).toHaveCount(1);
    await expect(executor.page.getByTestId('test-row')).toHaveAttribute('data-outcome', 'xfailed');
  });

  test("a coverage result over 2 MB (24,000 functions in 480 files) comes in pages and shows its total and a file's detail", async ({
    executor,
  }) => {
    const { modules, functions } = BIG_COVERAGE_PROJECT;
    const lastModule = `sample_${String(modules - 1).padStart(4, '0')}`;
    // The file tree draws only what is in view: the first module marks the import done (it lands in one change).
    await importProject(executor, generateCoverageProject(BIG_COVERAGE_PROJECT), 'pkg/sample_0000.py');
    // The frame's pages, as the page receives them: the result did not fit in one message.
    await executor.page.evaluate(() => {
      const w = window as unknown as { pagesSeen: number };
      w.pagesSeen = 0;
      addEventListener('message', (e: MessageEvent) => {
        if ((e.data as { type?: unknown } | null)?.type === 'page') w.pagesSeen += 1;
      });
    });
    await startTests(executor, 1, true);
    await expect(executor.page.getByTestId('tests-summary')).toContainText(new RegExp(`^${modules} passed in \\d+\\.\\d\\ds`), {
      timeout: 200_000,
    });
    expect(await executor.page.evaluate(() => (window as unknown as { pagesSeen: number }).pagesSeen)).toBeGreaterThan(1);
    await executor.showPanel('coverage');
    // Each function: 4 statements and 2 branch exits, of which its `return -x` and one exit never ran.
    // (The session's main.py, never imported by a test, is measured too: the total is a little under two thirds.)
    await expect(executor.page.getByTestId('coverage-total')).toHaveText('67%');
    await expect(executor.page.locator('[data-testid="coverage-row"][data-path^="pkg/"]')).toHaveCount(modules + 1);
    await expect(executor.page.locator('[data-testid="coverage-row"][data-path^="tests/"]')).toHaveCount(modules);
    const last = executor.page.locator(`[data-testid="coverage-row"][data-path="pkg/${lastModule}.py"]`);
    await expect(last.getByTestId('coverage-missing')).toHaveText(lineRanges(Array.from({ length: functions }, (_, f) => 3 + 6 * f)));
    // The panel lists 100 (MAX_LISTED_SUGGESTIONS) and counts the rest: the project's, and main.py's own.
    const more = await executor.page.getByTestId('test-suggestions-more').textContent();
    expect(Number(/and ([\d,]+) more functions/.exec(more ?? '')?.[1]?.replaceAll(',', ''))).toBeGreaterThanOrEqual(
      modules * functions - 100,
    );
  });
});
