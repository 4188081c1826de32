import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CALCULATOR_FILES } from './support/calculatorProject.ts';
import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

const PANELS = ['console', 'variables', 'tests', 'coverage', 'profile', 'batch', 'history', 'packages', 'problems'];
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];

async function importFiles(executor: ExecutorPage, files: Array<{ path: string; content: string }>): Promise<void> {
  await executor.page
    .getByTestId('import-files')
    .setInputFiles(files.map((f) => ({ name: f.path, mimeType: 'text/x-python', buffer: Buffer.from(f.content) })));
  await expect(executor.page.locator(`[data-testid="file-item"][data-path="${files[0]?.path}"]`)).toHaveCount(1);
}

/** Elements whose content is cut off sideways (wider than their box, with overflow hidden). */
function clipped(page: Page, testIds: string[]): Promise<string[]> {
  return page.evaluate(
    (ids) =>
      ids.filter((id) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        return el !== null && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1;
      }),
    testIds,
  );
}

/** Serious and critical accessibility violations (axe-core) on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Monaco's own internals (hidden textarea, minimap canvas) are out of our hands; everything else is checked.
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('nothing scrolls sideways or clips, and every panel is reachable', async ({ executor }) => {
      const { page } = executor;
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      expect(await clipped(page, ['status', 'run', 'stop', 'tests-run', 'reset', 'settings-open'])).toEqual([]);
      // The toolbar's labels stay on one line each.
      const heights = await page
        .getByTestId('toolbar')
        .locator('button')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(36);
      await expect(executor.runButton).toBeInViewport();
      if (viewport.width < 900) await page.getByTestId('view-tab-output').click();
      for (const name of PANELS) {
        await executor.showPanel(name);
        await expect(page.locator(`#panel-${name}`)).toBeVisible();
        // Only the chosen tab's panel shows.
        await expect(page.locator('[role="tabpanel"][id^="panel-"]:visible')).toHaveCount(1);
        expect(await overflow()).toBeLessThanOrEqual(0);
      }
      if (viewport.width < 900) {
        for (const view of ['files', 'assistant', 'editor']) {
          await page.getByTestId(`view-tab-${view}`).click();
          await expect(page.getByTestId(`view-tab-${view}`)).toHaveAttribute('aria-selected', 'true');
          expect(await overflow()).toBeLessThanOrEqual(0);
        }
        await expect(page.getByTestId('chat-input')).toBeHidden();
        await expect(executor.editor).toBeVisible();
      }
    });
  });
}

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('after a test run the console shows at least 20 lines, and runs switch to the tab they fill', async ({ executor }) => {
    const { page } = executor;
    await importFiles(executor, CALCULATOR_FILES);
    await page.getByTestId('tests-run').click();
    await expect(page.getByTestId('panel-tab-tests')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed', { timeout: 90_000 });
    await expect(page.getByTestId('panel-badge-tests')).toHaveText('1');
    await expect(page.getByTestId('panel-badge-coverage')).toHaveText(/^\d+%$/);

    await page.locator('[data-testid="file-item"][data-path="main.py"]').click();
    await executor.run('for i in range(60):\n    print("line", i)');
    await expect(page.getByTestId('panel-tab-console')).toHaveAttribute('aria-selected', 'true');
    const visibleLines = await executor.output.evaluate((el) => {
      const line = parseFloat(getComputedStyle(el).lineHeight);
      return Math.floor((el.clientHeight - 16) / line);
    });
    expect(visibleLines).toBeGreaterThanOrEqual(20);

    await executor.setCode('def slow():\n    return sum(i * i for i in range(20000))\n\nslow()');
    const runs = await executor.runCount();
    await page.getByTestId('profile').click();
    await executor.waitRunsDone(runs + 1);
    await expect(page.getByTestId('panel-tab-profile')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('profile-row').first()).toBeVisible();
  });

  test.describe('each in a page of its own (they check what a reload keeps)', () => {
    test.use({ freshPage: true });

    test('splits resize from the keyboard and keep their sizes after a reload; the file tree and assistant fold away', async ({
      executor,
    }) => {
      const { page } = executor;
      const panels = page.getByTestId('pane-panels');
      const before = (await panels.boundingBox())?.height ?? 0;
      await page.getByTestId('splitter-panels').focus();
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowUp');
      await expect.poll(async () => (await panels.boundingBox())?.height ?? 0).toBeGreaterThan(before + 20);
      const resized = (await panels.boundingBox())?.height ?? 0;
      await page.reload();
      await executor.waitReady();
      await expect.poll(async () => Math.abs(((await panels.boundingBox())?.height ?? 0) - resized)).toBeLessThanOrEqual(2);

      await page.getByTestId('toggle-chat').click();
      await expect(page.getByTestId('chat-input')).toBeHidden();
      await expect(page.getByTestId('toggle-chat')).toHaveAttribute('aria-pressed', 'false');
      await page.getByTestId('toggle-chat').click();
      await expect(page.getByTestId('chat-input')).toBeVisible();
      await page.getByTestId('toggle-files').click();
      await expect(page.getByTestId('file-new')).toBeHidden();
      await page.reload();
      await executor.waitReady();
      await expect(page.getByTestId('file-new')).toBeHidden();
      await page.getByTestId('toggle-files').click();
      await expect(page.getByTestId('file-new')).toBeVisible();
    });

    test('the theme follows the system, the toggle switches it and the editor, and the choice survives a reload', async ({ executor }) => {
      const { page } = executor;
      await page.emulateMedia({ colorScheme: 'light' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(executor.editor.locator('.monaco-editor')).toHaveClass(/vs-dark/);
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(executor.editor.locator('.monaco-editor')).not.toHaveClass(/vs-dark/);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe('rgb(255, 255, 255)');
      await page.reload();
      await executor.waitReady();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    });
  });

  test('panel tabs work from the keyboard: arrows, Home and End choose and focus a tab', async ({ executor }) => {
    const { page } = executor;
    await page.getByTestId('panel-tab-console').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('panel-tab-variables')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('panel-tab-variables')).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByTestId('panel-tab-problems')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight'); // wraps
    await expect(page.getByTestId('panel-tab-console')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#panel-console')).toBeVisible();
  });

  test('Escape stops a loop from the editor and from the console; ? lists every shortcut', async ({ executor }) => {
    const { page } = executor;
    await executor.setCode('while True:\n    pass');
    let done = await executor.startRun();
    await executor.editor.locator('.monaco-editor').click();
    await page.keyboard.press('Escape');
    await executor.waitRunsDone(done);
    expect(await executor.lastStatus()).toBe('stopped');

    done = await executor.startRun();
    await executor.output.click();
    await page.keyboard.press('Escape');
    await executor.waitRunsDone(done);
    expect(await executor.lastStatus()).toBe('stopped');

    await executor.output.click();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcuts');
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Escape');
    await expect(sheet).toContainText('Ctrl/Cmd+Enter');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });

  test('the limits line opens the settings; a change shows in it at once', async ({ executor }) => {
    const { page } = executor;
    const summary = page.getByTestId('limits-summary');
    await expect(summary).toContainText('30 s · 512 MB');
    await summary.click();
    await expect(executor.settings).toBeVisible();
    await page.getByTestId('setting-timeout').fill('12');
    await expect(summary).toContainText('12 s · 512 MB');
    await executor.closeSettings();
  });

  test("the assistant's runs are labelled in the console and update the run footer", async ({ executor }) => {
    const { page } = executor;
    const runs = await executor.runCount();
    await page.getByTestId('chat-input').fill('Execute this code:\n```python\nprint("from the chat")\n```');
    await page.getByTestId('chat-send').click();
    await executor.waitRunsDone(runs + 1);
    await expect(executor.output.locator('[data-kind="run"]').last()).toHaveText('Assistant: execute_code (from the chat)');
    await expect(executor.output).toContainText('from the chat');
    expect(await executor.lastStatus()).toBe('ok');
    // Screen readers hear the end of the run once; the console itself does not read every line.
    await expect(page.getByTestId('run-announcement')).toHaveText(/^Run \d+ finished: ok, /);
    await expect(executor.output).toHaveAttribute('aria-live', 'off');
  });

  test("a new run clears the last run's suggestions", async ({ executor }) => {
    const { page } = executor;
    await executor.run('raise ValueError("boom")');
    await expect(page.getByTestId('run-suggestions')).toBeVisible();
    await executor.setCode('import time\ntime.sleep(1)');
    const done = await executor.startRun();
    await expect(page.getByTestId('run-suggestions')).toHaveCount(0);
    await executor.waitRunsDone(done);
  });

  test('no serious accessibility violations: main view, settings, Tests tab and the assistant', async ({ executor }) => {
    const { page } = executor;
    expect(await seriousViolations(page)).toEqual([]);
    await executor.openSettings();
    expect(await seriousViolations(page)).toEqual([]);
    await executor.closeSettings();
    await importFiles(executor, CALCULATOR_FILES);
    await page.getByTestId('tests-run').click();
    await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed', { timeout: 90_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('chat-input').fill('show me a demo of fibonacci');
    await page.getByTestId('chat-send').click();
    await expect(page.getByTestId('chat-message').last()).not.toHaveAttribute('data-state', 'streaming', { timeout: 60_000 });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
