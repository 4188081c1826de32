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

test.describe('Variables tab', () => {
  test("lists the run's names with type, size and repr, and opens a value's parts", async ({ executor }) => {
    const { page } = executor;
    await executor.run("import math\ndata = {'a': [1, 2, 3]}\ndef f():\n    pass\n");
    await page.getByTestId('panel-tab-variables').click();
    const panel = page.getByTestId('variables');
    const data = panel.locator('[data-testid="variable-row"][data-name="data"]');
    await expect(data).toContainText('dict');
    await expect(data).toContainText('1 item');
    await expect(data).toContainText("{'a': [1, 2, 3]}");
    // Modules and functions are folded away.
    await expect(panel.locator('[data-testid="variable-row"][data-name="math"]')).toBeHidden();
    await expect(panel.getByText('Modules, functions and classes (2)')).toBeVisible();
    await data.getByTestId('variable-toggle').click();
    const a = data.locator(`[data-testid="variable-row"][data-name="'a'"]`);
    await expect(a).toContainText('list');
    await expect(a).toContainText('3 items');
    await a.getByTestId('variable-toggle').click();
    await expect(a.locator('[data-testid="variable-row"][data-name="[2]"]')).toContainText('3');
    // The next run updates the tab, keeping what was open.
    await page.getByTestId('panel-tab-console').click();
    await executor.run("data['b'] = 2\n");
    await page.getByTestId('panel-tab-variables').click();
    await expect(data).toContainText('2 items');
    await expect(data.locator(`[data-testid="variable-row"][data-name="'b'"]`)).toContainText('int');
    // After a Restart it shows nothing.
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('variables-empty')).toBeVisible();
    await expect(panel.getByTestId('variable-row')).toHaveCount(0);
  });

  test('a __repr__ that loops forever does not hang the inspector', async ({ executor }) => {
    const { page } = executor;
    await executor.run('class Forever:\n    def __repr__(self):\n        while True:\n            pass\n\nstuck = Forever()\nfine = 42\n');
    await page.getByTestId('panel-tab-variables').click();
    const panel = page.getByTestId('variables');
    await expect(panel.locator('[data-testid="variable-row"][data-name="stuck"]')).toContainText('took over 100 ms');
    await expect(panel.locator('[data-testid="variable-row"][data-name="fine"]')).toContainText('42');
    // The interpreter is fine.
    await page.getByTestId('panel-tab-console').click();
    await executor.run('print(fine + 1)\n');
    await expect(executor.output).toContainText('43');
  });
});

test.describe('editor: Python language (Jedi)', () => {
  test('completes module members, shows hover and signatures', async ({ executor }) => {
    const { page, editor } = executor;
    await executor.setCode('import math\nmath.sq');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    const suggest = editor.locator('.suggest-widget');
    await expect(suggest).toContainText('sqrt', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => executor.code()).toBe('import math\nmath.sqrt');
    await page.keyboard.type('(');
    await expect(editor.locator('.parameter-hints-widget')).toContainText('sqrt(x');
    await page.keyboard.press('Escape');
    // The keyboard's hover (Ctrl+K Ctrl+I) with the cursor in `sqrt`.
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.press('ControlOrMeta+I');
    await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText('square root', { timeout: 15_000 });
    await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText('sqrt(x');
  });

  test('go to definition opens the other project file at the function', async ({ executor }) => {
    const { page, editor } = executor;
    await page.evaluate(() =>
      window.executor.project.writeFile('calc.py', '# helpers\n\n\ndef add(a, b):\n    """Add two numbers."""\n    return a + b\n'),
    );
    await executor.setCode('from calc import add\n\nprint(add(1, 2))\n');
    await editor.locator('.view-line', { hasText: 'print(add' }).getByText('add', { exact: true }).click();
    await page.keyboard.press('F12');
    await expect(page.locator('[data-testid="editor-tab"].tab-active')).toHaveAttribute('data-path', 'calc.py', { timeout: 30_000 });
    await expect.poll(() => executor.code()).toContain('def add(a, b)');
    await expect(editor.locator('.line-numbers.active-line-number')).toHaveText('4');
  });

  test('completions know the names of the last run, and work while a program runs', async ({ executor }) => {
    const { page, editor } = executor;
    await executor.run('import json\nsettings = json.loads(\'{"a": 1}\')\n');
    await executor.setCode('settings.ke');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await expect(editor.locator('.suggest-widget')).toContainText('keys', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    // A long run does not hold completions up.
    await executor.setCode('import time\nwhile True:\n    time.sleep(0.01)\n');
    const done = await executor.startRun();
    await executor.editor.locator('.monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\ntime.mono');
    await page.keyboard.press('Control+Space');
    await expect(editor.locator('.suggest-widget')).toContainText('monotonic', { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await executor.stopButton.click();
    await executor.waitRunsDone(done);
  });
});
