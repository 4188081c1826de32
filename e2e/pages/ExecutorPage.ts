import { expect, type Locator, type Page } from '@playwright/test';

/** The Executor page, driven the way a user drives it. */
export class ExecutorPage {
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly output: Locator;
  readonly status: Locator;
  readonly metrics: Locator;
  readonly settings: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('editor');
    this.runButton = page.getByTestId('run');
    this.stopButton = page.getByTestId('stop');
    this.output = page.getByTestId('output');
    this.status = page.getByTestId('status');
    this.metrics = page.getByTestId('metrics');
    this.settings = page.getByTestId('settings');
  }

  /** Opens the app (optionally at a hash) and waits until Python is ready. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.waitReady();
  }

  /** Starts over on this page as a first visit would (the page's `executor.startOver()`), without a reload. */
  async startOver(): Promise<void> {
    await this.page.evaluate(() => window.executor.startOver());
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.status).toContainText('Ready', { timeout: 45_000 });
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  /** Replaces the editor's code the way a user pastes it. */
  async setCode(code: string): Promise<void> {
    await this.editor.locator('.monaco-editor').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.evaluate((text) => {
      const target = document.activeElement ?? document.body;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, code);
    // innerText shows empty lines inconsistently; compare the non-empty ones.
    const nonEmpty = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n');
    await expect.poll(async () => nonEmpty(await this.code())).toBe(nonEmpty(code));
  }

  /**
   * The code in the editor: the active file's content as the page's project API reads it
   * (the editor's own buffer, kept in step with every keystroke), so long code counts in full
   * even where the editor shows only part of it.
   */
  async code(): Promise<string> {
    return this.page.evaluate(() => {
      const project = window.executor.project;
      const file = project.files().find((f) => f.path === project.activePath());
      return file && 'content' in file ? file.content : '';
    });
  }

  /** How many runs have finished so far. */
  async runCount(): Promise<number> {
    return Number((await this.metrics.getAttribute('data-runs')) ?? '0');
  }

  /** Clicks Run without waiting for the end. Returns the finished-run count to wait for. */
  async startRun(): Promise<number> {
    const before = await this.runCount();
    await this.runButton.click();
    return before + 1;
  }

  async waitRunsDone(count: number, timeout = 45_000): Promise<void> {
    await expect(this.metrics).toHaveAttribute('data-runs', String(count), { timeout });
  }

  /** Pastes code, runs it and waits for its result (45 s unless `timeout` says otherwise). */
  async run(code: string, timeout?: number): Promise<void> {
    await this.setCode(code);
    await this.waitRunsDone(await this.startRun(), timeout);
  }

  /** Status of the last finished run ('ok', 'error', 'timeout', ...). */
  lastStatus(): Promise<string | null> {
    return this.metrics.getAttribute('data-status');
  }

  /** Opens the settings dialog (the gear in the top bar). */
  async openSettings(): Promise<void> {
    if (!(await this.settings.isVisible())) await this.page.getByTestId('settings-open').click();
    await expect(this.settings).toBeVisible();
  }

  /** Closes the settings dialog. */
  async closeSettings(): Promise<void> {
    await this.page.getByTestId('settings-close').click();
    await expect(this.settings).toBeHidden();
  }

  /** Changes settings in the dialog, then closes it (fields apply as they are typed). */
  async withSettings(change: () => Promise<void>): Promise<void> {
    await this.openSettings();
    await change();
    await this.closeSettings();
  }

  async setLimits(limits: { timeout?: string; memory?: string; output?: string }): Promise<void> {
    await this.withSettings(async () => {
      if (limits.timeout !== undefined) await this.page.getByTestId('setting-timeout').fill(limits.timeout);
      if (limits.memory !== undefined) await this.page.getByTestId('setting-memory').fill(limits.memory);
      if (limits.output !== undefined) await this.page.getByTestId('setting-output').fill(limits.output);
    });
  }

  /** Turns safe mode (SANDBOX_MODE) on or off with its checkbox. */
  async setSafeMode(on: boolean): Promise<void> {
    await this.withSettings(() => this.page.getByTestId('setting-sandbox').setChecked(on));
  }

  /** Edits the policy fields (comma-separated lists) in the settings' Safe mode group. */
  async setPolicy(policy: { allowedModules?: string; forbiddenFunctions?: string }): Promise<void> {
    await this.withSettings(async () => {
      if (policy.allowedModules !== undefined) await this.page.getByTestId('setting-allowed-modules').fill(policy.allowedModules);
      if (policy.forbiddenFunctions !== undefined) await this.page.getByTestId('setting-forbidden').fill(policy.forbiddenFunctions);
    });
  }

  /** Shows a panel tab (console, tests, coverage, profile, batch, history, packages, problems). */
  async showPanel(name: string): Promise<void> {
    const tab = this.page.getByTestId(`panel-tab-${name}`);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
}
