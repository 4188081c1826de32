import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { readZip } from '../scripts/packages/readZip.mjs';
import { readFixtureProject } from '../src/testing/readFixtureProject.ts';
import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

const CALCULATOR = fileURLToPath(new URL('./fixtures/calculator', import.meta.url));

const paths = (executor: ExecutorPage) =>
  executor.page.getByTestId('file-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')).sort());

test.describe('project files', () => {
  test('a picked folder keeps its structure, without the folder itself', async ({ executor }) => {
    await executor.page.getByTestId('import-folder').setInputFiles(CALCULATOR);
    const expected = readFixtureProject(CALCULATOR).map((f) => f.path);
    await expect.poll(() => paths(executor)).toEqual(['main.py', ...expected].sort());
  });

  test('files dropped on the file tree are imported', async ({ executor }) => {
    await executor.page.getByTestId('file-tree').evaluate((tree) => {
      const data = new DataTransfer();
      data.items.add(new File(['def double(x):\n    return 2 * x\n'], 'doubling.py', { type: 'text/x-python' }));
      data.items.add(new File(['from doubling import double\n\ndef test_double():\n    assert double(2) == 4\n'], 'test_doubling.py'));
      tree.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      tree.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => paths(executor)).toEqual(['doubling.py', 'main.py', 'test_doubling.py']);
    await executor.page.locator('[data-testid="file-item"][data-path="doubling.py"]').click();
    await expect.poll(() => executor.code()).toContain('return 2 * x');
  });

  test('Export downloads a .zip holding every file with its path and content', async ({ executor }) => {
    await executor.page.getByTestId('import-folder').setInputFiles(CALCULATOR);
    await expect(executor.page.locator('[data-testid="file-item"][data-path="tests/test_calc.py"]')).toBeVisible();
    await executor.page.locator('[data-testid="file-item"][data-path="main.py"]').click();
    await executor.setCode('print("edited before export")\n');
    const [download] = await Promise.all([executor.page.waitForEvent('download'), executor.page.getByTestId('export-zip').click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const entries: Map<string, Buffer> = readZip(await readFile(await download.path()));
    const exported = Object.fromEntries([...entries].map(([path, data]) => [path, data.toString('utf8')]));
    for (const f of readFixtureProject(CALCULATOR)) expect(exported[f.path]).toBe(f.content);
    expect(exported['main.py']).toBe('print("edited before export")\n');
  });
});
