import type { Engine } from '../src/engine/engine.ts';
import { ChatPane } from './pages/ChatPane.ts';
import { expect, test } from './fixtures.ts';
import { RED_PNG } from './support/redPng.ts';

const ASK_TWO = 'a = int(input("First? "))\nb = int(input("Second? "))\nprint("sum", a + b)';

test.describe('input()', () => {
  test('asks each question in the console and continues with the typed answers', async ({ executor }) => {
    const { page } = executor;
    await executor.setCode(ASK_TWO);
    const done = await executor.startRun();
    const box = page.getByTestId('stdin-input');
    await expect(executor.output).toContainText('First?');
    await expect(box).toBeFocused();
    await box.fill('3');
    await box.press('Enter');
    await expect(executor.output).toContainText('Second?');
    await box.fill('4');
    await box.press('Enter');
    await executor.waitRunsDone(done);
    expect(await executor.lastStatus()).toBe('ok');
    await expect(executor.output).toContainText('First? 3');
    await expect(executor.output).toContainText('Second? 4');
    await expect(executor.output).toContainText('sum 7');
    await expect(box).toHaveCount(0);
  });

  test('runs unattended with pre-filled stdin from the settings and from execute()', async ({ executor }) => {
    const { page } = executor;
    await page.getByTestId('stdin-panel').locator('summary').click(); // in the Console tab, folded
    await page.getByTestId('setting-stdin').fill('20\n22\n');
    await expect(page.getByTestId('setting-stdin-enabled')).toBeChecked();
    await executor.run(ASK_TWO);
    expect(await executor.lastStatus()).toBe('ok');
    await expect(executor.output).toContainText('sum 42');
    await expect(page.getByTestId('stdin-input')).toHaveCount(0);

    const result = await page.evaluate((code) => {
      const { engine } = (window as unknown as { executor: { engine: Engine } }).executor;
      return engine.execute(code, { stdin: '1\n2\n' });
    }, ASK_TWO);
    expect(result.stdout).toBe('First? Second? sum 3\n');
    // The pre-filled input survives a reload.
    await page.reload();
    await executor.waitReady();
    await expect(page.getByTestId('setting-stdin')).toHaveValue('20\n22\n');
  });

  test('Stop works while the program waits, and the interpreter keeps its variables', async ({ executor }) => {
    const { page } = executor;
    await executor.run('kept = 5');
    await executor.setCode('name = input("Name? ")');
    const done = await executor.startRun();
    await expect(page.getByTestId('stdin-input')).toBeVisible();
    await expect(executor.status).toContainText('Waiting for input');
    await page.getByTestId('stdin-input').fill('half-typ');
    await executor.stopButton.click();
    await executor.waitRunsDone(done);
    expect(await executor.lastStatus()).toBe('stopped');
    await expect(page.getByTestId('stdin-input')).toHaveCount(0);
    await expect(executor.output).toContainText('The input you had typed but not sent ("half-typ") is kept for the next prompt.');
    await executor.run('print("kept is", kept)');
    await expect(executor.output).toContainText('kept is 5');
    // The next prompt offers the unsent line.
    await executor.setCode('name = input("Name? ")\nprint("hello", name)');
    const next = await executor.startRun();
    await expect(page.getByTestId('stdin-input')).toHaveValue('half-typ');
    await page.getByTestId('stdin-input').press('End');
    await page.getByTestId('stdin-input').pressSequentially('ed');
    await page.getByTestId('stdin-input').press('Enter');
    await executor.waitRunsDone(next);
    await expect(executor.output).toContainText('hello half-typed');
  });

  test('Ctrl+D and "End input" end the input: EOFError, as in a terminal', async ({ executor }) => {
    const { page } = executor;
    await executor.setCode('import sys\nlines = sys.stdin.readlines()\nprint("read", len(lines), "lines")\ninput()');
    const done = await executor.startRun();
    const box = page.getByTestId('stdin-input');
    await box.fill('one');
    await box.press('Enter');
    await box.fill('two');
    await box.press('Enter');
    await box.press('Control+d');
    await expect(executor.output).toContainText('read 2 lines');
    await page.getByTestId('stdin-eof').click();
    await executor.waitRunsDone(done);
    expect(await executor.lastStatus()).toBe('error');
    await expect(executor.output).toContainText('EOFError');
  });
});

test.describe('rich output', () => {
  test('an object with _repr_png_ shows as an image with a download button', async ({ executor }) => {
    const { page } = executor;
    await executor.run(`${RED_PNG}\nprint("before")\ndisplay(Red(40, 30))\nprint("after")`);
    expect(await executor.lastStatus()).toBe('ok');
    const image = page.getByTestId('display-image');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([40, 30]);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await expect(page.getByTestId('display-download')).toHaveAttribute('download', /\.png$/);
    // In output order: before, the image, after.
    const order = await executor.output.evaluate((el) =>
      [...el.children].map((c) => (c.matches('[data-kind="display"]') ? 'image' : (c.textContent ?? '').trim())).filter(Boolean),
    );
    expect(order).toEqual(['before', 'image', 'after']);
  });

  test('an image a chat run produces shows in its tool card, and the model is told its type and size', async ({ executor }) => {
    const { page } = executor;
    const chat = new ChatPane(page);
    const answer = await chat.send(`Execute this code:\n\`\`\`python\n${RED_PNG}\ndisplay(Red(40, 30))\n\`\`\``);
    const card = chat.toolCall(answer, 'execute_code');
    await expect(card).toHaveAttribute('data-state', 'ok');
    const image = card.getByTestId('tool-images').getByTestId('display-image');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([40, 30]);
    await expect(card.getByTestId('tool-displays')).toContainText('image/png');
    expect(await executor.runCount()).toBe(1); // the chat's runs update the run footer like the editor's
  });

  test('HTML with <script> and onerror shows its table and runs nothing', async ({ executor }) => {
    const { page } = executor;
    const title = await page.title();
    const code = `class Evil:
    def _repr_html_(self):
        return ('<table><tr><th>name</th></tr><tr><td>safe cell</td></tr></table>'
                '<script>parent.document.title = "pwned"; top.pwned = 1;</script>'
                '<img src="x" onerror="parent.document.title = \\'pwned\\'; top.pwned = 2">'
                '<svg onload="top.pwned = 3"></svg>')
display(Evil())
from executor import SVG
display(SVG('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><script>top.pwned = 4</script><rect width="20" height="10" fill="blue"/></svg>'))`;
    await executor.run(code);
    expect(await executor.lastStatus()).toBe('ok');
    const frame = page.getByTestId('display-html');
    await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
    await expect(page.frameLocator('[data-testid="display-html"]').getByText('safe cell')).toBeVisible();
    await expect(page.getByTestId('display-image')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.title()).toBe(title);
  });

  test('a trailing DataFrame-like object shows as a table sized to its content', async ({ executor }) => {
    const { page } = executor;
    const code = `class Frame:
    def __init__(self, rows): self.rows = rows
    def __repr__(self): return f"Frame({len(self.rows)} rows)"
    def _repr_html_(self):
        body = "".join(f"<tr><td>{i}</td><td>{v}</td></tr>" for i, v in enumerate(self.rows))
        return f'<table class="dataframe"><thead><tr><th></th><th>value</th></tr></thead><tbody>{body}</tbody></table>'
Frame([10, 20, 30, 40, 50, 60])`;
    await executor.run(code);
    expect(await executor.lastStatus()).toBe('ok');
    const table = page.frameLocator('[data-testid="display-html"]').locator('table.dataframe');
    await expect(table.locator('td').filter({ hasText: '60' })).toBeVisible();
    await expect(executor.output.locator('[data-kind="value"]')).toHaveCount(0);
    // Sized to its content: the frame is as tall as the table, no inner scrollbar.
    await expect
      .poll(async () => {
        const frameBox = await page.getByTestId('display-html').boundingBox();
        const tableBox = await table.boundingBox();
        return frameBox && tableBox ? frameBox.height >= tableBox.height && frameBox.height < tableBox.height + 40 : false;
      })
      .toBe(true);
    const result = await page.evaluate(() => {
      const { engine } = (window as unknown as { executor: { engine: Engine } }).executor;
      return engine.execute('Frame([1])');
    });
    expect(result.value).toBe('Frame(1 rows)');
    expect(result.displays).toEqual([
      { kind: 'result', data: { 'text/html': expect.stringContaining('<table'), 'text/plain': 'Frame(1 rows)' } },
    ]);
  });
});
