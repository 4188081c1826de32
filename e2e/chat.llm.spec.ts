import type { APIRequestContext } from '@playwright/test';
import { fakeAzureUrl, llmBaseUrl } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { FAKE_AZURE_KEY } from './support/fakeAzureConfig.ts';
import { ChatPane } from './pages/ChatPane.ts';
import { CALCULATOR_FILES, importFiles } from './support/calculatorProject.ts';

test.use({ baseURL: llmBaseUrl });

async function script(request: APIRequestContext, body: unknown): Promise<void> {
  const res = await request.post(`${fakeAzureUrl}/__control/script`, { data: body });
  expect(res.status()).toBe(204);
}

test('llm: a chat message leads to an execute_code tool call whose output is in the card and in the final answer', async ({
  executor,
  request,
}) => {
  const { page } = executor;
  await script(request, {
    echoToolResults: true,
    replies: [
      {
        kind: 'completion',
        content: 'Running it now.',
        toolCalls: [{ name: 'execute_code', arguments: JSON.stringify({ code: 'print(6 * 7)' }) }],
      },
    ],
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

  const bodies = (await (await request.get(`${fakeAzureUrl}/__control/requests`)).json()) as Array<{
    messages: Array<{ role: string; content: unknown }>;
    tools: Array<{ function: { name: string } }>;
    stream: boolean;
  }>;
  expect(bodies).toHaveLength(2);
  expect(bodies[0]?.stream).toBe(true);
  expect(bodies[0]?.tools.map((t) => t.function.name)).toEqual(
    expect.arrayContaining(['execute_code', 'analyze_dependencies', 'install_packages', 'handle_error', 'create_demo']),
  );
  expect(bodies[1]?.messages.at(-1)?.role).toBe('tool');
  expect(String(bodies[1]?.messages.at(-1)?.content)).toContain('42');
});

test('llm: the model lists and reads the project, runs its tests through run_tests, and the cards show the results', async ({
  executor,
  request,
}) => {
  const { page } = executor;
  test.setTimeout(120_000);
  await importFiles(page, CALCULATOR_FILES);
  await script(request, {
    replies: [
      {
        kind: 'completion',
        content: 'Let me look at the project.',
        toolCalls: [
          { name: 'list_files', arguments: '{}' },
          { name: 'read_file', arguments: JSON.stringify({ path: 'test_calculator.py' }) },
        ],
      },
      {
        kind: 'completion',
        toolCalls: [{ name: 'run_tests', arguments: JSON.stringify({ paths: ['test_calculator.py'], coverage: true }) }],
      },
      { kind: 'completion', content: 'Three tests pass; test_power fails.' },
    ],
  });
  const chat = new ChatPane(page);
  const answer = await chat.send('Run the tests in test_calculator.py and show me the coverage report');
  await expect(answer).toHaveAttribute('data-state', 'done');
  await expect(chat.toolCall(answer, 'list_files').getByTestId('tool-file')).toHaveText([
    /^calculator\.py/,
    /^main\.py/,
    /^test_calculator\.py/,
  ]);
  await expect(chat.toolCall(answer, 'read_file').getByTestId('tool-summary')).toHaveText('test_calculator.py: 20 lines.');
  const tests = chat.toolCall(answer, 'run_tests');
  await expect(tests.getByTestId('tool-test-summary')).toContainText('1 failed, 3 passed');
  await expect(tests.getByTestId('tool-test-failure')).toContainText('test_calculator.py:20');
  await expect(tests.locator('[data-testid="tool-coverage-file"][data-path="calculator.py"]')).toContainText('60%');
  await expect(answer.locator('.chat-markdown').last()).toContainText('Three tests pass; test_power fails.');

  // The model was offered the new tools and got each result back.
  const bodies = (await (await request.get(`${fakeAzureUrl}/__control/requests`)).json()) as Array<{
    messages: Array<{ role: string; content: unknown }>;
    tools: Array<{ function: { name: string } }>;
  }>;
  expect(bodies).toHaveLength(3);
  expect(bodies[0]?.tools.map((t) => t.function.name)).toEqual(
    expect.arrayContaining(['run_tests', 'list_files', 'read_file', 'write_file', 'profile_code', 'execute_batch']),
  );
  const [listed, read] = (bodies[1]?.messages ?? []).filter((m) => m.role === 'tool').map((m) => String(m.content));
  expect(listed).toContain('test_calculator.py');
  expect(read).toContain('assert power(2, 3) == 9');
  const tested = JSON.parse(String(bodies[2]?.messages.at(-1)?.content)) as {
    result: { counts: { passed: number; failed: number }; failures: Array<{ where: string }> };
  };
  expect(tested.result.counts).toMatchObject({ passed: 3, failed: 1 });
  expect(tested.result.failures[0]?.where).toBe('test_calculator.py:20');
});

test('llm: the key never reaches the browser, and a failed run offers "Explain with AI"', async ({ executor, request }) => {
  const { page } = executor;
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

test('llm: Stop ends a slow answer and the conversation goes on', async ({ executor, request }) => {
  const { page } = executor;
  await script(request, {
    replies: [
      { kind: 'completion', content: 'This answer is very slow to arrive…', chunks: 50, chunkDelayMs: 400 },
      { kind: 'completion', content: 'Second answer.' },
    ],
  });
  const chat = new ChatPane(page);
  await chat.input.fill('Tell me something slowly');
  await chat.sendButton.click();
  await expect(chat.messages.nth(1)).toContainText('This');
  await page.getByTestId('chat-stop').click();
  await expect(chat.messages.nth(1)).toHaveAttribute('data-state', 'stopped');
  const next = await chat.send('And now quickly');
  await expect(next).toContainText('Second answer.');
});

test('llm: a 3-step plan (analyze, install, run) and a failure explained and fixed, each step a card', async ({ executor, request }) => {
  const { page } = executor;
  await script(request, {
    replies: [
      {
        kind: 'completion',
        content: 'Checking the imports.',
        toolCalls: [{ name: 'analyze_dependencies', arguments: JSON.stringify({ code: 'import pytest\nprint(pytest.__version__)' }) }],
      },
      { kind: 'completion', toolCalls: [{ name: 'install_packages', arguments: JSON.stringify({ packages: ['pytest'] }) }] },
      {
        kind: 'completion',
        toolCalls: [{ name: 'execute_code', arguments: JSON.stringify({ code: 'import pytest\nprint(pytest.__version__)' }) }],
      },
      { kind: 'completion', content: 'pytest 8.3.5 is installed and runs.' },
      { kind: 'completion', toolCalls: [{ name: 'execute_code', arguments: JSON.stringify({ code: 'total = 3\nprint(totl)' }) }] },
      { kind: 'completion', toolCalls: [{ name: 'handle_error', arguments: '{}' }] },
      { kind: 'completion', toolCalls: [{ name: 'execute_code', arguments: JSON.stringify({ code: 'total = 3\nprint(total)' }) }] },
      { kind: 'completion', content: 'It was a typo: `totl` for `total`. Fixed, it prints 3.' },
    ],
  });
  const chat = new ChatPane(page);
  const plan = await chat.send('Set up what this needs and run it:\n```python\nimport pytest\nprint(pytest.__version__)\n```');
  await expect(plan.getByTestId('tool-call')).toHaveCount(3);
  await expect(chat.toolCall(plan, 'analyze_dependencies')).toHaveAttribute('data-state', 'ok');
  await expect(chat.toolCall(plan, 'install_packages')).toHaveAttribute('data-state', 'ok');
  await expect(chat.toolCall(plan, 'execute_code').getByTestId('tool-output')).toHaveText('8.3.5\n');
  await expect(plan).toContainText('pytest 8.3.5 is installed and runs.');

  const fixed = await chat.send('Run total = 3 then print it');
  const runs = chat.toolCall(fixed, 'execute_code');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toHaveAttribute('data-state', 'error');
  await expect(chat.toolCall(fixed, 'handle_error')).toHaveAttribute('data-state', 'ok');
  await expect(runs.nth(1)).toHaveAttribute('data-state', 'ok');
  await expect(runs.nth(1).getByTestId('tool-output')).toHaveText('3\n');
});

test('llm: when the model fails mid-conversation, the pane says so in one line and the offline assistant can answer', async ({
  executor,
  request,
}) => {
  const { page } = executor;
  await script(request, {
    replies: [
      { kind: 'completion', content: 'First answer.' },
      { kind: 'error', status: 500, code: '500', message: 'The server had an error while processing your request.' },
    ],
  });
  const chat = new ChatPane(page);
  await chat.send('Hello');
  const failed = await chat.send('Execute this code:\n```python\nprint(6 * 7)\n```');
  await expect(failed).toHaveAttribute('data-state', 'error');
  await expect(failed.getByRole('alert')).toHaveText(/^The model could not answer: .*500/);
  await failed.getByTestId('chat-answer-offline').click();
  const offline = chat.messages.last();
  await expect(offline).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(chat.toolCall(offline, 'execute_code').getByTestId('tool-output')).toHaveText('42\n');
});
