import { fakeAzureUrl, llmBaseUrl } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { FAKE_AZURE_KEY } from './support/fakeAzureConfig.ts';
import { ChatPane } from './pages/ChatPane.ts';

test.use({ baseURL: llmBaseUrl });

async function script(request: import('@playwright/test').APIRequestContext, body: unknown): Promise<void> {
  const res = await request.post(`${fakeAzureUrl}/__control/script`, { data: body });
  expect(res.status()).toBe(204);
}

test('llm: a chat message leads to an execute_code tool call whose output is in the card and in the final answer', async ({ executor: _executor, page, request }) => {
  await script(request, {
    echoToolResults: true,
    replies: [{ kind: 'completion', content: 'Running it now.', toolCalls: [{ name: 'execute_code', arguments: JSON.stringify({ code: 'print(6 * 7)' }) }] }],
  });
  const chat = new ChatPane(page);
  await expect(chat.mode).toHaveAttribute('data-mode', 'llm');
  await expect(chat.mode).toContainText('gpt-e2e');
  const answer = await chat.send('What is 6 times 7? Use Python.');
  await expect(answer).toHaveAttribute('data-state', 'done');
  const card = chat.toolCall(answer, 'execute_code');
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(card.getByTestId('tool-output')).toHaveText('42\n');
  await expect(answer.locator('.chat-markdown').first()).toContainText('Running it now.');
  await expect(answer.locator('.chat-markdown').last()).toContainText('The tool reported: Ran without errors');
  await expect(answer.locator('.chat-markdown').last()).toContainText('Output: 42');

  const bodies = (await (await request.get(`${fakeAzureUrl}/__control/requests`)).json()) as Array<{ messages: Array<{ role: string; content: unknown }>; tools: Array<{ function: { name: string } }>; stream: boolean }>;
  expect(bodies).toHaveLength(2);
  expect(bodies[0]?.stream).toBe(true);
  expect(bodies[0]?.tools.map((t) => t.function.name)).toEqual(expect.arrayContaining(['execute_code', 'analyze_dependencies', 'install_packages', 'handle_error', 'create_demo']));
  expect(bodies[1]?.messages.at(-1)?.role).toBe('tool');
  expect(String(bodies[1]?.messages.at(-1)?.content)).toContain('42');
});

test('llm: the key never reaches the browser, and a failed run offers "Explain with AI"', async ({ executor, page, request }) => {
  const seen: string[] = [];
  page.on('response', async (res) => {
    if (res.url().startsWith(llmBaseUrl)) seen.push(`${res.url()} ${JSON.stringify(res.headers())} ${await res.text().catch(() => '')}`);
  });
  await script(request, { replies: [{ kind: 'completion', content: 'The name `totl` is misspelled: use `total`.' }] });
  await executor.run('total = 3\nprint(totl)');
  const explain = page.getByTestId('explain-ai');
  await expect(explain).toBeVisible();
  await explain.click();
  const chat = new ChatPane(page);
  await expect(chat.messages.nth(1)).toHaveAttribute('data-state', 'done');
  await expect(chat.messages.nth(1)).toContainText('is misspelled');
  await expect(chat.messages.nth(0)).toContainText("NameError: name 'totl' is not defined");
  expect(seen.join('\n')).not.toContain(FAKE_AZURE_KEY);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(FAKE_AZURE_KEY);
});

test('llm: Stop ends a slow answer and the conversation goes on', async ({ executor: _executor, page, request }) => {
  await script(request, { replies: [{ kind: 'completion', content: 'This answer is very slow to arrive…', chunks: 50, chunkDelayMs: 400 }, { kind: 'completion', content: 'Second answer.' }] });
  const chat = new ChatPane(page);
  await chat.input.fill('Tell me something slowly');
  await chat.sendButton.click();
  await expect(chat.messages.nth(1)).toContainText('This');
  await page.getByTestId('chat-stop').click();
  await expect(chat.messages.nth(1)).toHaveAttribute('data-state', 'stopped');
  const next = await chat.send('And now quickly');
  await expect(next).toContainText('Second answer.');
});
