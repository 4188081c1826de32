import lzString from 'lz-string';
import { expect, test } from './fixtures.ts';
import { ExecutorPage } from './pages/ExecutorPage.ts';

test('runs code and shows stdout and stderr apart, with metrics', async ({ executor }) => {
  await executor.run('import sys\nprint("hello from python")\nprint("careful", file=sys.stderr)');
  await expect(executor.output.locator('[data-kind="stdout"]')).toContainText('hello from python');
  await expect(executor.output.locator('[data-kind="stderr"]')).toContainText('careful');
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.metrics).toContainText(/wall \d/);
  await expect(executor.metrics).toContainText('CPU');
});

test('keeps state across runs and shows a trailing expression', async ({ executor }) => {
  await executor.run('x = 41');
  await executor.run('print(x + 1)\nx * 2');
  await expect(executor.output).toContainText('42');
  await expect(executor.output.locator('[data-kind="value"]')).toHaveText('82');
});

test('Ctrl/Cmd+Enter runs the code', async ({ executor }) => {
  const { page } = executor;
  await executor.setCode('print("via keyboard")');
  const want = (await executor.runCount()) + 1;
  await page.keyboard.press('ControlOrMeta+Enter');
  await executor.waitRunsDone(want);
  await expect(executor.output).toContainText('via keyboard');
});

test('shows a readable traceback for an error', async ({ executor }) => {
  await executor.run('def divide(a, b):\n    return a / b\n\ndivide(1, 0)');
  expect(await executor.lastStatus()).toBe('error');
  const error = executor.output.locator('[data-kind="error"]');
  await expect(error).toContainText('File "main.py", line 2, in divide');
  await expect(error).toContainText('ZeroDivisionError: division by zero');
});

test('streams output while the program is still running', async ({ executor }) => {
  await executor.setCode('import time\nprint("first", flush=True)\nend = time.time() + 3\nwhile time.time() < end: pass\nprint("second")');
  const done = await executor.startRun();
  await expect(executor.output).toContainText('first');
  await expect(executor.status).toContainText('Running');
  await expect(executor.output).not.toContainText('second');
  await executor.waitRunsDone(done);
  await expect(executor.output).toContainText('second');
});

test('the console follows new output to its end, and stays where the reader scrolled up to', async ({ executor }) => {
  const gap = () => executor.output.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  // A flood, not a few lines: the pin must hold while output arrives faster than frames are drawn.
  await executor.setLimits({ output: '400000' });
  await executor.run('for i in range(50000):\n    print(i)');
  await expect(executor.output).toContainText('49999');
  await expect.poll(gap).toBeLessThan(30);
  // The reader scrolls up: more output does not pull them down.
  await executor.output.evaluate((el) => el.scrollTo(0, 0));
  await executor.run('for i in range(200):\n    print("more", i)');
  await expect(executor.output).toContainText('more 199');
  expect(await executor.output.evaluate((el) => el.scrollTop)).toBeLessThan(30);
  // Back at the end, it follows again.
  await executor.output.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await executor.run('print("last line")');
  await expect(executor.output).toContainText('last line');
  await expect.poll(gap).toBeLessThan(30);
});

test('Clear empties the console', async ({ executor }) => {
  const { page } = executor;
  await executor.run('print("something")');
  await page.getByTestId('clear').click();
  await expect(executor.output).not.toContainText('something');
});

test('program output is text, never HTML', async ({ executor }) => {
  const { page } = executor;
  await executor.run('print("<img src=x onerror=\\"document.title=\'pwned\'\\"><script>document.title=\'pwned\'</script><b>bold</b>")');
  await expect(executor.output).toContainText('<script>');
  await expect(executor.output.locator('img, script, b')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('a #code/ link puts its code in the editor and does not run it', async ({ page }) => {
  const executor = new ExecutorPage(page);
  await executor.open(`#code/${lzString.compressToEncodedURIComponent('print("shared snippet")\nanswer = 42')}`);
  await expect.poll(() => executor.code()).toContain('print("shared snippet")');
  await expect(executor.output).toContainText('It has not been run');
  await expect(executor.output).not.toContainText('shared snippet');
  await expect(executor.metrics).toHaveAttribute('data-runs', '0');
  expect(new URL(page.url()).hash).toBe('');
});

test('a damaged #code/ link says so and keeps the code that was there', async ({ executor }) => {
  const { page } = executor;
  await executor.setCode('mine = "kept"');
  await page.goto('about:blank');
  await executor.open('#code/N4Ig$$$broken');
  await expect(executor.output).toContainText('could not be read');
  await expect.poll(() => executor.code()).toBe('mine = "kept"');
});
