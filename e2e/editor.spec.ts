import { expect, test } from './fixtures.ts';

test.describe('editor: Ruff', () => {
  test('an unused import is flagged as you type and its quick fix removes it', async ({ executor }) => {
    const { page, editor } = executor;
    await executor.setCode('import os\nprint("hi")\n');
    await expect(editor).toHaveAttribute('data-lint-codes', 'F401');
    // The lint marker is in the editor, with the rule's code.
    await expect(editor.locator('.squiggly-warning, .squiggly-unnecessary').first()).toBeAttached();
    await editor.locator('.view-line', { hasText: 'import os' }).click();
    await page.keyboard.press('ControlOrMeta+.');
    const fix = page.locator('.action-widget').getByText(/Remove unused import/);
    await expect(fix).toBeVisible();
    await fix.click();
    await expect.poll(() => executor.code()).toBe('print("hi")\n');
    await expect(editor).toHaveAttribute('data-lint-codes', '');
  });

  test('Shift+Alt+F and the Format command format with Ruff; Undo takes it back', async ({ executor }) => {
    const { page } = executor;
    await executor.setCode('x=[1,2 ,3]\n');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => executor.code()).toBe('x = [1, 2, 3]\n');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => executor.code()).toBe('x=[1,2 ,3]\n');
    await page.getByTestId('format').click();
    await expect.poll(() => executor.code()).toBe('x = [1, 2, 3]\n');
    await executor.editor.locator('.monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => executor.code()).toBe('x=[1,2 ,3]\n');
  });

  test('code that does not parse is not formatted, and the console says why', async ({ executor }) => {
    await executor.setCode('x = (\n');
    await executor.page.getByTestId('format').click();
    await expect(executor.output).toContainText('Could not format main.py');
    await expect(executor.output).toContainText('Fix the syntax first');
    expect(await executor.code()).toBe('x = (\n');
  });

  test("the project's ruff.toml chooses the rules and the line length", async ({ executor }) => {
    const { page, editor } = executor;
    await page.evaluate(() => window.executor.project.writeFile('ruff.toml', 'line-length = 20\n[lint]\nselect = ["E501", "F"]\n'));
    await executor.setCode('import os\nvalue = "a string longer than twenty"\n');
    await expect(editor).toHaveAttribute('data-lint-codes', 'F401,E501');
    await page.evaluate(() => window.executor.project.writeFile('ruff.toml', 'line-length = \n'));
    await expect(editor.locator('.squiggly-info').first()).toBeAttached();
    await expect(editor).toHaveAttribute('data-lint-codes', 'F401');
  });
});

test('Format on run formats the file before it runs', async ({ executor }) => {
  await executor.withSettings(() => executor.page.getByTestId('setting-format-on-run').check());
  await executor.run('print( "formatted" )\n');
  await expect(executor.output).toContainText('formatted');
  await expect.poll(() => executor.code()).toBe('print("formatted")\n');
});
