import { expect, test } from './fixtures.ts';
import { DebuggerPanel } from './pages/DebuggerPanel.ts';
import { CALCULATOR_FILES } from './support/calculatorProject.ts';

const LOOP = ['total = 0', 'for i in range(10):', '    total += i', '    print(i)', 'print("done", total)', ''].join('\n');

test.describe('debugger', () => {
  test('a breakpoint stops the loop with i == 0; step over, continue, evaluate, Stop', async ({ executor }) => {
    const { page, editor } = executor;
    const debug = new DebuggerPanel(executor);
    await executor.setCode(LOOP);
    await debug.clickGutter(3);
    await expect(editor).toHaveAttribute('data-breakpoint-lines', '3');
    const runs = await executor.runCount();
    await page.getByTestId('debug').click();
    await debug.expectPausedAt('main.py', 3);
    await expect(debug.local('i')).toHaveText('0');
    // The paused line is highlighted in the editor.
    await expect(editor).toHaveAttribute('data-debug-line', '3');
    await expect(editor.locator('.debug-current-line')).toBeAttached();
    await expect(page.getByTestId('debug-frame')).toHaveCount(1);
    await expect(page.getByTestId('debug-frame')).toContainText('<module>');

    await debug.press('debug-step-over');
    await debug.expectPausedAt('main.py', 4);
    await expect(editor).toHaveAttribute('data-debug-line', '4');

    await debug.press('debug-continue');
    await debug.expectPausedAt('main.py', 3);
    await expect(debug.local('i')).toHaveText('1');
    // What the program printed before the pause is in the console.
    await expect(executor.output).toContainText('0');

    await debug.evaluate.fill('i * 2');
    await debug.evaluate.press('Enter');
    await expect(page.getByTestId('debug-watch-value')).toContainText('2');

    // Stop while paused ends the run; the interpreter keeps its state and runs the next program.
    await executor.stopButton.click();
    await executor.waitRunsDone(runs + 1);
    expect(await executor.lastStatus()).toBe('stopped');
    await expect(debug.where).not.toContainText('Paused');
    await executor.run('print("after", total)');
    await expect(executor.output).toContainText('after 0'); // stopped at line 3 with i == 1, before total += 1
  });

  test('step into opens the other file’s tab, step out comes back', async ({ executor }) => {
    const { page } = executor;
    const debug = new DebuggerPanel(executor);
    await page.evaluate(() => window.executor.project.writeFile('calc.py', 'def add(a, b):\n    result = a + b\n    return result\n'));
    await executor.setCode('import calc\nx = calc.add(1, 2)\nprint("x is", x)\n');
    await debug.toggleWithF9(2);
    await expect(executor.editor).toHaveAttribute('data-breakpoint-lines', '2');
    const runs = await executor.runCount();
    await page.keyboard.press('F5');
    await debug.expectPausedAt('main.py', 2);

    await debug.press('debug-step-into');
    await debug.expectPausedAt('calc.py', 2);
    await expect(page.locator('[data-testid="editor-tab"].tab-active')).toHaveAttribute('data-path', 'calc.py');
    await expect(page.getByTestId('debug-frame')).toHaveCount(2);
    await expect(page.getByTestId('debug-frame').first()).toContainText('add');
    await expect(debug.local('a')).toHaveText('1');
    // Another frame's names: the caller's.
    await page.getByTestId('debug-frame').nth(1).click();
    await expect(debug.locals.locator('[data-name="calc"]')).toBeVisible();

    await debug.press('debug-step-out');
    await debug.expectPausedAt('main.py', 3);
    await expect(page.locator('[data-testid="editor-tab"].tab-active')).toHaveAttribute('data-path', 'main.py');
    await debug.press('debug-continue');
    await executor.waitRunsDone(runs + 1);
    await expect(executor.output).toContainText('x is 3');
  });

  test('a conditional breakpoint i == 5 stops once, with i == 5', async ({ executor }) => {
    const { page } = executor;
    const debug = new DebuggerPanel(executor);
    await executor.setCode(LOOP);
    await debug.clickGutter(3);
    await executor.showPanel('debug');
    const condition = page.getByTestId('debug-breakpoint').getByTestId('debug-condition');
    await condition.fill('i == 5');
    await condition.press('Enter');
    const runs = await executor.runCount();
    await page.getByTestId('debug').click();
    await debug.expectPausedAt('main.py', 3);
    await expect(debug.local('i')).toHaveText('5');
    await expect(debug.local('total')).toHaveText('10');
    await debug.press('debug-continue');
    await executor.waitRunsDone(runs + 1);
    expect(await executor.lastStatus()).toBe('ok');
    await expect(executor.output).toContainText('done 45');
  });

  test('a normal Run ignores breakpoints', async ({ executor }) => {
    const debug = new DebuggerPanel(executor);
    await executor.setCode(LOOP);
    await debug.clickGutter(3);
    await executor.waitRunsDone(await executor.startRun());
    expect(await executor.lastStatus()).toBe('ok');
    await expect(executor.output).toContainText('done 45');
  });

  test("a test row's Debug stops inside the code under test", async ({ executor }) => {
    const { page } = executor;
    const debug = new DebuggerPanel(executor);
    await page.evaluate((files) => {
      for (const f of files) window.executor.project.writeFile(f.path, f.content);
    }, CALCULATOR_FILES);
    await page.getByTestId('tests-run').click();
    const row = page.locator('[data-testid="test-row"][data-node-id="test_calculator.py::test_add"]');
    await expect(row).toBeVisible({ timeout: 60_000 });
    // A breakpoint on add's return line, in calculator.py.
    await page.locator('[data-testid="file-item"][data-path="calculator.py"]').click();
    await expect(page.locator('[data-testid="editor-tab"].tab-active')).toHaveAttribute('data-path', 'calculator.py');
    await debug.toggleWithF9(5);
    await expect(executor.editor).toHaveAttribute('data-breakpoint-lines', '5');
    const runs = await executor.runCount();
    await row.getByTestId('test-debug').click();
    await debug.expectPausedAt('calculator.py', 5);
    await expect(debug.local('a')).toHaveText('2');
    await expect(page.getByTestId('debug-frame').nth(1)).toContainText('test_add');
    await debug.press('debug-continue');
    await executor.waitRunsDone(runs + 1);
    await expect(executor.output).toContainText('1 passed');
  });
});
