import { expect, type Locator, type Page } from '@playwright/test';
import type { ExecutorPage } from './ExecutorPage.ts';

/** The sessions part of the page (switcher, name, share, banners), and the project files it holds. */
export class SessionPage {
  readonly page: Page;
  readonly switcher: Locator;
  readonly name: Locator;
  readonly banner: Locator;
  readonly error: Locator;
  readonly shareButton: Locator;
  readonly shareLink: Locator;

  constructor(readonly executor: ExecutorPage) {
    this.page = executor.page;
    this.switcher = this.page.getByTestId('session-switcher');
    this.name = this.page.getByTestId('session-name');
    this.banner = this.page.getByTestId('share-banner');
    this.error = this.page.getByTestId('session-error');
    this.shareButton = this.page.getByTestId('share');
    this.shareLink = this.page.getByTestId('share-link');
  }

  fileItem(path: string): Locator {
    return this.page.locator(`[data-testid="file-item"][data-path="${path}"]`);
  }

  /** Creates a file with New (answering its prompt) and types `code` into it. */
  async newFile(path: string, code: string): Promise<void> {
    this.page.once('dialog', (d) => void d.accept(path));
    await this.page.getByTestId('file-new').click();
    await expect(this.page.locator(`[data-testid="editor-tab"][data-path="${path}"]`)).toBeVisible();
    await this.executor.setCode(code);
  }

  /** Opens a file and waits until the editor shows `code` (its non-empty lines). */
  async expectFile(path: string, code: string): Promise<void> {
    await this.fileItem(path).click();
    const nonEmpty = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n');
    await expect.poll(async () => nonEmpty(await this.executor.code())).toBe(nonEmpty(code));
  }

  /** The switcher's session names, in its order. */
  sessionNames(): Promise<string[]> {
    return this.switcher.locator('option').allTextContents();
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.name.press('Enter');
    await expect(this.switcher.locator('option:checked')).toHaveText(name);
  }

  async create(): Promise<void> {
    const before = (await this.sessionNames()).length;
    await this.page.getByTestId('session-new').click();
    await expect(this.switcher.locator('option')).toHaveCount(before + 1);
  }

  async switchTo(name: string): Promise<void> {
    await this.switcher.selectOption({ label: name });
    await expect(this.name).toHaveValue(name);
  }

  /** Clicks Share and returns the link it shows. */
  async share(): Promise<string> {
    await this.shareButton.click();
    await expect(this.shareLink).toBeVisible();
    return (await this.shareLink.textContent()) ?? '';
  }

  /** Reloads the page and waits until Python and the session are back. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.executor.waitReady();
    await expect(this.switcher).toBeEnabled();
  }
}
