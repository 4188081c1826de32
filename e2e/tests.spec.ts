import { fileURLToPath } from 'node:url';
import { readFixtureProject } from '../src/testing/readFixtureProject.ts';
import { nativePytest } from '../src/testing/nativePytest.ts';
import { createZip } from '../scripts/packages/createZip.mjs';
import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

const CALCULATOR = fileURLToPath(new URL('./fixtures/calculator', import.meta.url));
const CLAMP = fileURLToPath(new URL('./fixtures/clamp', import.meta.url));
/** A package folder holding its own tests, laid out like mpmath's sources. */
const MINIMATH = fileURLToPath(new URL('./fixtures/minimath', import.meta.url));

/** The calculator project as a .zip with a top folder, the way a user zips a folder. */
function calculatorZip(): Buffer {
  const files = readFixtureProject(CALCULATOR);
  return createZip(files.map((f) => ({ path: `calculator/${f.path}`, data: new TextEncoder().encode(f.content) })));
}

async function importCalculator(executor: ExecutorPage): Promise<void> {
  await executor.page
    .getByTestId('import-files')
    .setInputFiles({ name: 'calculator.zip', mimeType: 'application/zip', buffer: calculatorZip() });
  await expect(executor.page.locator('[data-testid="file-item"][data-path="tests/test_calc.py"]')).toBeVisible();
}

async function runTests(executor: ExecutorPage, workers: number): Promise<void> {
  await executor.showPanel('tests');
  await executor.page.getByTestId('tests-workers').selectOption(String(workers));
  const panel = executor.page.getByTestId('tests-panel');
  // The panel counts the test runs it showed: wait for this one (a quick run may end before a check sees it start).
  const before = Number(await panel.getAttribute('data-runs'));
  await executor.page.getByTestId('tests-run').click();
  await expect(panel).toHaveAttribute('data-runs', String(before + 1), { timeout: 90_000 });
  await expect(executor.page.getByTestId('tests-run')).toBeEnabled();
}

const rows = (executor: ExecutorPage) =>
  executor.page
    .getByTestId('test-row')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-node-id')} ${e.getAttribute('data-outcome')}`));

test.describe('test runner', () => {
  test.setTimeout(180_000);

  test('an imported project gives native pytest counts, coverage.py numbers, markers; edits are seen', async ({ executor }) => {
    await importCalculator(executor);
    await runTests(executor, 1);
    // Native pytest 7.2.1 (Debian 12) on e2e/fixtures/calculator: "1 failed, 11 passed, 2 skipped, 1 xfailed".
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 failed, 11 passed, 2 skipped, 1 xfailed');
    await expect(executor.page.getByTestId('test-row')).toHaveCount(15);
    await expect(executor.page.locator('[data-testid="test-row"][data-node-id="tests/test_calc.py::test_wrong"]')).toContainText('failed');
    await expect(executor.page.locator('[data-testid="test-row"][data-node-id="tests/test_calc.py::test_later"]')).toContainText('skipped');
    // coverage.py (`coverage run --branch --source=. -m pytest; coverage report -m`) on the same files:
    // calc.py 22 statements, 4 missing (27-30), 8 branches, 2 partial exits, 80%.
    const calcRow = executor.page.locator('[data-testid="coverage-row"][data-path="calc.py"]');
    await expect(calcRow).toContainText('calc.py2248280%27-30');
    await expect(executor.page.getByTestId('coverage-panel')).toContainText(/Coverage \d+%/);
    await expect(executor.page.getByTestId('test-suggestions')).toContainText('calc.py: power');

    // The failure is a marker at its line; calc.py's untested lines are marked in the gutter.
    await executor.page.locator('[data-testid="file-item"][data-path="tests/test_calc.py"]').click();
    // Monaco draws only the lines in view: move the cursor to line 25 to bring it into view.
    await executor.editor.locator('.monaco-editor').click();
    await executor.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < 25; i += 1) await executor.page.keyboard.press('ArrowDown');
    await expect(executor.editor.locator('.squiggly-error')).toHaveCount(1);
    await expect(executor.page.locator('[data-failure-lines]')).toHaveAttribute('data-failure-lines', '25');
    await executor.page.locator('[data-testid="file-item"][data-path="calc.py"]').click();
    await expect(executor.page.locator('[data-uncovered-lines]')).toHaveAttribute('data-uncovered-lines', '27,28,29,30');
    await executor.editor.locator('.monaco-editor').click();
    await executor.page.keyboard.press('ControlOrMeta+End'); // the gutter marks render once the lines are in view
    await expect(executor.editor.locator('.cov-missing')).toHaveCount(4);

    // A new test file, then an edit and a re-run: the edit is seen (in the test and in calc.py's coverage).
    executor.page.once('dialog', (d) => void d.accept('tests/test_power.py'));
    await executor.page.getByTestId('file-new').click();
    await executor.setCode('from calc import power\n\ndef test_power():\n    assert power(2, 3) == 9\n');
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('2 failed, 11 passed, 2 skipped, 1 xfailed');
    await expect(executor.editor.locator('.squiggly-error')).toHaveCount(1);
    await executor.setCode('from calc import power\n\ndef test_power():\n    assert power(2, 3) == 8\n');
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 failed, 12 passed, 2 skipped, 1 xfailed');
    await expect(executor.editor.locator('.squiggly-error')).toHaveCount(0);
    await expect(executor.page.locator('[data-testid="coverage-row"][data-path="calc.py"]')).toContainText('100%');

    // The files survive a reload (IndexedDB), edit included.
    await executor.page.reload();
    await executor.waitReady();
    await expect(executor.page.getByTestId('file-item')).toHaveCount(7); // main.py, the five imported files and test_power.py
    await expect.poll(() => executor.code()).toContain('assert power(2, 3) == 8');
  });

  test('a zipped package with its tests inside (like mpmath) imports as it is and gives native pytest counts', async ({ executor }) => {
    const files = readFixtureProject(MINIMATH);
    const zip = createZip(files.map((f) => ({ path: f.path, data: new TextEncoder().encode(f.content) })));
    await executor.page.getByTestId('import-files').setInputFiles({ name: 'minimath.zip', mimeType: 'application/zip', buffer: zip });
    // The zip's top folder is the package: it is kept, so `import minimath` resolves.
    await expect(executor.page.locator('[data-testid="file-item"][data-path="minimath/tests/test_core.py"]')).toBeVisible();
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText(nativePytest(MINIMATH).summary);
    await expect(executor.page.getByTestId('test-row')).toHaveCount(11);
    await expect(executor.page.getByTestId('tests-panel')).not.toContainText('platform limit');
  });

  test('a parallel run gives the same records as a serial one', async ({ executor }) => {
    await importCalculator(executor);
    await runTests(executor, 1);
    const serial = await rows(executor);
    const serialCoverage = await executor.page.getByTestId('coverage-panel').getAttribute('data-total');
    await runTests(executor, 2);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('2 interpreters');
    expect(await rows(executor)).toEqual(serial);
    expect(await executor.page.getByTestId('coverage-panel').getAttribute('data-total')).toBe(serialCoverage);
  });

  test('safe mode covers test files: a test that imports js is refused with its file and line, and runs once safe mode is off', async ({
    executor,
  }) => {
    await importCalculator(executor);
    executor.page.once('dialog', (d) => void d.accept('tests/test_escape.py'));
    await executor.page.getByTestId('file-new').click();
    await executor.setCode('import js\n\ndef test_escape():\n    assert js is not None\n');
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toHaveAttribute('data-status', 'security');
    await expect(executor.page.getByTestId('tests-message')).toContainText('tests/test_escape.py:1:');
    await expect(executor.page.getByTestId('tests-message')).toContainText('(js-access)');
    await expect(executor.page.getByTestId('test-row')).toHaveCount(0);

    await executor.setSafeMode(false);
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 failed, 12 passed, 2 skipped, 1 xfailed');
  });

  test('a branch the tests take only one way is marked partial, not missing', async ({ executor }) => {
    const files = readFixtureProject(CLAMP);
    await executor.page
      .getByTestId('import-files')
      .setInputFiles(files.map((f) => ({ name: f.path, mimeType: 'text/x-python', buffer: Buffer.from(f.content) })));
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 passed');
    // Native `coverage run --branch --source=. -m pytest; coverage report -m` (coverage 6.5, Debian 12) in
    // e2e/fixtures/clamp: bounds.py 4 statements, 0 missing, 2 branches, 1 partial, 83%, missing arc 3->5.
    await expect(executor.page.locator('[data-testid="coverage-row"][data-path="bounds.py"]')).toContainText('bounds.py402183%');
    await executor.page.locator('[data-testid="file-item"][data-path="bounds.py"]').click();
    await expect(executor.page.locator('[data-partial-lines]')).toHaveAttribute('data-partial-lines', '3');
    await expect(executor.page.locator('[data-uncovered-lines]')).toHaveAttribute('data-uncovered-lines', '');
    await expect(executor.editor.locator('.cov-partial')).toHaveCount(1);
    await expect(executor.editor.locator('.cov-missing')).toHaveCount(0);
  });

  test('a hanging test is stopped by the timeout and named', async ({ executor }) => {
    await executor.setLimits({ timeout: '4' });
    executor.page.once('dialog', (d) => void d.accept('test_hang.py'));
    await executor.page.getByTestId('file-new').click();
    await expect(executor.page.locator('[data-testid="editor-tab"][data-path="test_hang.py"]')).toBeVisible();
    await executor.setCode('def test_fine():\n    assert True\n\ndef test_hangs():\n    while True:\n        pass\n');
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toHaveAttribute('data-status', 'timeout');
    await expect(executor.page.getByTestId('tests-stopped')).toContainText('test_hang.py::test_hangs');
    await expect(executor.page.locator('[data-testid="test-row"][data-node-id="test_hang.py::test_fine"]')).toContainText('passed');
    // The next run works.
    await executor.setCode('def test_fine():\n    assert True\n');
    await runTests(executor, 1);
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 passed');
  });

  test.describe('in a page of its own (it rewrites what the browser keeps before the app starts)', () => {
    test.use({ freshPage: true });

    test('the old single editor buffer becomes main.py, and Run executes the active file with the project', async ({ executor }) => {
      // As before projects existed: code in localStorage, no project in IndexedDB.
      await executor.page.addInitScript(() => {
        if (sessionStorage.getItem('migrated')) return;
        sessionStorage.setItem('migrated', '1');
        localStorage.setItem('executor.code.v1', 'print("kept from before")\n');
        indexedDB.deleteDatabase('executor');
      });
      await executor.page.reload();
      await executor.waitReady();
      await expect(executor.page.locator('[data-testid="file-item"][data-path="main.py"]')).toBeVisible();
      await expect.poll(() => executor.code()).toContain('kept from before');
      executor.page.once('dialog', (d) => void d.accept('helper.py'));
      await executor.page.getByTestId('file-new').click();
      await executor.setCode('GREETING = "hello from helper"\n');
      await executor.page.locator('[data-testid="file-item"][data-path="main.py"]').click();
      await executor.run('import helper\nprint(helper.GREETING, __name__)\n');
      await expect(executor.output).toContainText('hello from helper __main__');
    });
  });
});
