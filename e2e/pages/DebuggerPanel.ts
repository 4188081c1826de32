import { expect, type Locator, type Page } from '@playwright/test';
import type { ExecutorPage } from './ExecutorPage.ts';

/** The debugger as a user drives it: the editor's gutter, the Debug command and the Debug tab. */
export class DebuggerPanel {
  readonly page: Page;
  readonly where: Locator;
  readonly stack: Locator;
  readonly locals: Locator;
  readonly evaluate: Locator;

  constructor(readonly executor: ExecutorPage) {
    this.page = executor.page;
    this.where = this.page.getByTestId('debug-where');
    this.stack = this.page.getByTestId('debug-stack');
    this.locals = this.page.getByTestId('debug-locals');
    this.evaluate = this.page.getByTestId('debug-evaluate');
  }

  /** Clicks the editor's glyph margin beside `line` (the file must be short enough to show it unscrolled). */
  async clickGutter(line: number): Promise<void> {
    const editor = this.executor.editor;
    // The line's own number in the margin says where it is (measuring line heights raced the first layout).
    const number = editor.locator('.line-numbers').getByText(String(line), { exact: true });
    await expect(number).toBeVisible();
    const row = await number.boundingBox();
    const margin = await editor.locator('.glyph-margin').boundingBox();
    if (!row || !margin) throw new Error('the editor is not shown');
    await this.page.mouse.click(margin.x + margin.width / 2, row.y + row.height / 2);
  }

  /** Puts the cursor on `line` and presses F9 (toggle breakpoint). */
  async toggleWithF9(line: number): Promise<void> {
    await this.executor.editor.locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < line; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('F9');
  }

  /** The value shown for a local name of the selected frame. */
  local(name: string): Locator {
    return this.locals.locator(`[data-testid="debug-variable"][data-name="${name}"]`).first().getByTestId('debug-value');
  }

  async expectPausedAt(file: string, line: number): Promise<void> {
    await expect(this.where).toContainText(`Paused at ${file}:${line}`);
  }

  async press(id: 'debug-continue' | 'debug-step-over' | 'debug-step-into' | 'debug-step-out'): Promise<void> {
    await this.page.getByTestId(id).click();
  }
}
