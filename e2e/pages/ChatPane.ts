import { expect, type Locator, type Page } from '@playwright/test';

/** The assistant pane, driven the way a user drives it. */
export class ChatPane {
  readonly input: Locator;
  readonly sendButton: Locator;
  readonly log: Locator;
  readonly messages: Locator;
  readonly mode: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('chat-input');
    this.sendButton = page.getByTestId('chat-send');
    this.log = page.getByTestId('chat-log');
    this.messages = page.getByTestId('chat-message');
    this.mode = page.getByTestId('agent-mode');
  }

  /** Types a message, sends it and waits until the assistant has finished answering. Returns the answer. */
  async send(text: string): Promise<Locator> {
    const before = await this.messages.count();
    await this.input.fill(text);
    await this.sendButton.click();
    const answer = this.messages.nth(before + 1);
    await expect(answer).toHaveAttribute('data-role', 'assistant');
    await expect(answer).not.toHaveAttribute('data-state', 'streaming', { timeout: 60_000 });
    return answer;
  }

  /** The tool cards of one answer, by tool name. */
  toolCall(answer: Locator, name: string): Locator {
    return answer.locator(`[data-testid="tool-call"][data-tool="${name}"]`);
  }
}
