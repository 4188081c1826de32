import { expect, test } from './fixtures.ts';
import { ChatPane } from './pages/ChatPane.ts';
import { CALCULATOR_FILES, importFiles } from './support/calculatorProject.ts';

const FIB = `def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n-1) + fibonacci(n-2)

print([fibonacci(i) for i in range(10)])`;

test('offline: "Execute this code" runs the block through execute_code and quotes its output', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  await expect(chat.mode).toHaveAttribute('data-mode', 'offline');
  const answer = await chat.send(`Execute this code:\n\`\`\`python\n${FIB}\n\`\`\``);
  const card = chat.toolCall(answer, 'execute_code');
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(card.getByTestId('tool-output')).toHaveText('[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]\n');
  await expect(answer).toContainText('Ran without errors');
  // The output is shown once: in the card, not again in the reply.
  await expect(answer.locator('.chat-markdown')).not.toContainText('[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]');
  // The user's message is shown as they typed it.
  await expect(chat.messages.first()).toHaveAttribute('data-role', 'user');
  await expect(chat.messages.first()).toContainText('fibonacci(n-1) + fibonacci(n-2)');
  // An indented block works too, and variables persist between runs like the editor's.
  const again = await chat.send('Run this:\n\n    print(fibonacci(12))\n');
  await expect(chat.toolCall(again, 'execute_code').getByTestId('tool-output')).toHaveText('144\n');
  // The assistant's runs update the run footer like the editor's, and are labelled in the console.
  expect(await executor.runCount()).toBe(2);
  await expect(executor.output.locator('[data-kind="run"]')).toHaveCount(2);
});

test('offline: a demo from the gallery runs from its code block with the Run command, and Insert can be undone', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  await executor.setCode('x = "my own code"');
  const answer = await chat.send('Show me a demo of bubble sort for profiling');
  await expect(chat.toolCall(answer, 'create_demo')).toHaveAttribute('data-state', 'ok');
  await expect(answer).toContainText('Bubble sort');
  await answer.locator('.chat-markdown').getByTestId('code-insert').click();
  await expect.poll(() => executor.code()).toContain('def bubble_sort(arr):');
  await page.getByTestId('chat-restore-code').click();
  await expect.poll(() => executor.code()).toContain('x = "my own code"');
  const runs = await executor.runCount();
  await answer.locator('.chat-markdown').getByTestId('code-run').click();
  await executor.waitRunsDone(runs + 1);
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.output).toContainText('Size 400: bubble');
});

test("offline: the seed's dependency request analyses the imports and installs what the index has, safely", async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  const answer = await chat.send(`Analyze the dependencies in this code and set up the environment:

\`\`\`python
import json
import pytest
import numpy as np
import not_a_real_module
\`\`\`

Check which packages are missing and install them safely.`);
  const analysis = chat.toolCall(answer, 'analyze_dependencies');
  await expect(analysis.getByTestId('tool-dep')).toHaveCount(4);
  await expect(analysis.getByTestId('tool-dep').filter({ hasText: 'not_a_real_module' })).toHaveAttribute('data-verdict', 'unknown');
  // Only packages of the index are tried (safe mode always allows the test tools); each failure says why.
  const install = chat.toolCall(answer, 'install_packages');
  await expect(install).toHaveAttribute('data-state', 'error');
  await expect(install).toContainText('pytest 8.3.5');
  await expect(install).toContainText('numpy could not be downloaded from the package CDN'); // the fake CDN has no numpy
  await expect(answer).toContainText('Not available here');
  await expect(answer).toContainText('not_a_real_module');
});

test('offline: a failed run shows Suggestions, and "explain this error" explains it through handle_error', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  await executor.run('numbers = [3, 1, 2]\nprint(sorted(numbrs))');
  expect(await executor.lastStatus()).toBe('error');
  const suggestions = page.getByTestId('run-suggestions');
  await expect(suggestions).toContainText('Suggestions');
  await expect(suggestions).toContainText('Did you mean numbers?');
  await expect(page.getByTestId('explain-ai')).toHaveCount(0); // no model configured
  const answer = await chat.send('Can you explain this error?');
  await expect(chat.toolCall(answer, 'handle_error')).toHaveAttribute('data-state', 'ok');
  await expect(answer).toContainText('numbrs is not defined');
  // A KeyError names the keys that exist.
  await executor.run('prices = {"apple": 1, "pear": 2}\nprices["banana"]');
  await expect(suggestions).toContainText('Keys of prices');
  await expect(suggestions).toContainText("'apple', 'pear'");
});

test('offline: "Profile this and suggest optimizations" profiles the block through profile_code, names the hot function and suggests fixes', async ({
  executor,
}) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  const profile = await chat.send(`Profile this sorting algorithm and identify performance bottlenecks:

\`\`\`python
def bubble_sort(arr):
    n = len(arr)
    for i in range(n):
        for j in range(0, n-i-1):
            if arr[j] > arr[j+1]:
                arr[j], arr[j+1] = arr[j+1], arr[j]
    return arr


if __name__ == "__main__":
    print(bubble_sort(list(range(600, 0, -1)))[:5])
\`\`\`

Profile this and suggest optimizations.`);
  const card = chat.toolCall(profile, 'profile_code');
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(chat.toolCall(profile, 'execute_code')).toHaveCount(0);
  await expect(card.getByTestId('tool-output')).toHaveText('[1, 2, 3, 4, 5]\n');
  await expect(card.getByTestId('tool-profile-hottest')).toHaveText('bubble_sort');
  await expect(card.getByTestId('tool-summary')).toContainText('most time in bubble_sort');
  await expect(card.locator('[data-testid="tool-profile-row"][data-name="bubble_sort"]')).toHaveAttribute('data-own', 'true');
  await expect(card.getByTestId('tool-profile-suggestion').first()).toContainText('bubble_sort (line 1,');
  await expect(card.getByTestId('tool-profile-suggestions')).toContainText('nested loops');
  await expect(profile.locator('.chat-markdown').last()).toContainText('sorted()');
  // Without a block, the file in the editor is profiled.
  await executor.setCode(
    'def slow_sum(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n\nif __name__ == "__main__":\n    print(slow_sum(200000))\n',
  );
  const editor = await chat.send('Profile this and suggest optimizations');
  await expect(chat.toolCall(editor, 'profile_code').getByTestId('tool-profile-hottest')).toHaveText('slow_sum');
  await expect(chat.toolCall(editor, 'profile_code').getByTestId('tool-output')).toHaveText('19999900000\n');
});

test('offline: "Run the tests in test_calculator.py and show me the coverage" runs pytest through run_tests with the summary and coverage in its card', async ({
  executor,
}) => {
  const { page } = executor;
  test.setTimeout(120_000);
  await importFiles(page, CALCULATOR_FILES);
  const chat = new ChatPane(page);
  const answer = await chat.send('Run the tests in test_calculator.py and show me the coverage');
  const card = chat.toolCall(answer, 'run_tests');
  await expect(card).toHaveAttribute('data-state', 'error'); // one test fails
  await expect(card.getByTestId('tool-args')).toHaveText('{"paths":["test_calculator.py"],"coverage":true}');
  await expect(card.getByTestId('tool-test-summary')).toContainText('1 failed, 3 passed');
  await expect(card.getByTestId('tool-test-failure')).toHaveCount(1);
  await expect(card.getByTestId('tool-test-failure')).toHaveAttribute('data-node-id', 'test_calculator.py::test_power');
  await expect(card.getByTestId('tool-test-failure')).toContainText('test_calculator.py:20');
  await expect(card.getByTestId('tool-test-failure')).toContainText('assert 8 == 9');
  await expect(card.getByTestId('tool-coverage-total')).toHaveText(/^\d+%$/);
  const total = (await card.getByTestId('tool-coverage-total').textContent()) ?? '';
  await expect(card.getByTestId('tool-summary')).toContainText(`coverage ${total}`);
  const calculator = card.locator('[data-testid="tool-coverage-file"][data-path="calculator.py"]');
  await expect(calculator).toContainText('60%');
  await expect(calculator).toContainText('9, 19-23, 34-35');
  // Shown once: in the card, not again in the reply.
  await expect(answer.locator('.chat-markdown')).not.toContainText('lines never run');
  await expect(answer).not.toContainText('not available');
  // The Tests panel shows the same run, with its rows (drawn when the tab is open: the list is virtualized).
  await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed');
  await executor.showPanel('tests');
  await expect(page.locator('[data-testid="test-row"][data-node-id="test_calculator.py::test_power"]')).toHaveAttribute(
    'data-outcome',
    'failed',
  );

  // The programmatic agent runs the same tests on the page's project.
  const result = await page.evaluate(async () => {
    const agent = new window.executor.ExecutorAgent({ config: { assistant: 'offline' } });
    const r = await agent.runTests('test_calculator.py::test_add', { coverage: false });
    return { passed: r.passed, failed: r.failed, total: r.total, coverage: r.coverage };
  });
  expect(result).toEqual({ passed: 1, failed: 0, total: 1, coverage: null });

  // "show the files" and "read X" go through list_files and read_file.
  const files = await chat.send('Show me the files');
  await expect(chat.toolCall(files, 'list_files').getByTestId('tool-file')).toHaveCount(3); // main.py and the two imported files
  const read = await chat.send('Read test_calculator.py');
  await expect(chat.toolCall(read, 'read_file')).toHaveAttribute('data-state', 'ok');
  await expect(read.locator('.chat-markdown')).toContainText('assert power(2, 3) == 9');
});

test('offline: "why does test_power fail? stop where it fails" debugs the test to its failing line; evaluate, step and stop by chat', async ({
  executor,
}) => {
  const { page } = executor;
  test.setTimeout(120_000);
  await importFiles(page, CALCULATOR_FILES);
  const chat = new ChatPane(page);
  const answer = await chat.send('why does test_power fail? stop where it fails');
  const card = chat.toolCall(answer, 'debug_python');
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(card.getByTestId('tool-args')).toHaveText('{"test":"test_calculator.py::test_power"}');
  await expect(card.getByTestId('tool-debug-pause')).toHaveAttribute('data-reason', 'exception');
  await expect(card.getByTestId('tool-debug-where')).toHaveText('test_calculator.py:20');
  await expect(answer.locator('.chat-markdown')).toContainText('where it failed: AssertionError');
  await expect(card.getByTestId('tool-debug-source')).toHaveText('    assert power(2, 3) == 9');
  // The card shows the line; the reply does not repeat it.
  await expect(answer.locator('.chat-markdown')).not.toContainText('assert power(2, 3) == 9');
  // The page's Debug panel shows the same pause.
  await expect(page.getByTestId('debug-where')).toContainText('Paused at test_calculator.py:20 (where it failed)');

  const value = await chat.send('what is power(2, 3)?');
  await expect(chat.toolCall(value, 'debug_evaluate')).toHaveAttribute('data-state', 'ok');
  await expect(value.locator('.chat-markdown')).toContainText('power(2, 3) = 8');

  const done = await chat.send('continue');
  const step = chat.toolCall(done, 'debug_step');
  await expect(step.getByTestId('tool-output')).toContainText('1 failed');
  await expect(done.locator('.chat-markdown')).toContainText('The debug run finished');
  await expect(page.getByTestId('debug-where')).not.toContainText('Paused');

  // "Step through this": the block stops at its first line; "step" moves one line; "stop" ends it.
  const through = await chat.send('step through this\n```python\ntotal = 0\nfor i in range(3):\n    total += i\nprint(total)\n```');
  await expect(chat.toolCall(through, 'debug_python').getByTestId('tool-debug-where')).toHaveText('main.py:1');
  const next = await chat.send('step');
  await expect(chat.toolCall(next, 'debug_step').getByTestId('tool-debug-where')).toHaveText('main.py:2');
  await expect(chat.toolCall(next, 'debug_step').locator('[data-testid="tool-debug-local"][data-name="total"]')).toContainText('0');
  const stopped = await chat.send('stop');
  await expect(chat.toolCall(stopped, 'debug_stop')).toBeVisible();
  await expect(stopped.locator('.chat-markdown')).toContainText('Stopped with debug_stop.');
  // The interpreter is free again: an ordinary run goes through.
  const ran = await chat.send('Run this:\n```python\nprint("after")\n```');
  await expect(chat.toolCall(ran, 'execute_code').getByTestId('tool-output')).toHaveText('after\n');
});

test('offline: validation and anything else get the right answer', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  const check = await chat.send('Check this code:\n```python\nresult = eval("1 + 1")\n```');
  const validation = chat.toolCall(check, 'validate_code');
  await expect(validation.locator('[data-testid="tool-diagnostic"][data-rule="forbidden-function"]')).toContainText('eval');

  const unknown = await chat.send('hello there');
  await expect(unknown).toContainText('The closest I can do: Run the code');
  await expect(unknown).not.toContainText('Show me a demo of');
  const help = await chat.send('what can you do?');
  await expect(help).toContainText('offline assistant');
  await expect(help).toContainText('Show me a demo of');
});

test('offline: the conversation and the unsent draft survive a reload', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  await chat.send('Execute this code:\n```python\nprint("kept")\n```');
  await chat.input.fill('a draft I have not sent');
  await page.reload();
  await executor.waitReady();
  await expect(chat.messages).toHaveCount(2);
  await expect(chat.toolCall(chat.messages.nth(1), 'execute_code').getByTestId('tool-output')).toHaveText('kept\n');
  await expect(chat.input).toHaveValue('a draft I have not sent');
});

test('the programmatic ExecutorAgent mirrors the seed: executeCode, handleError and chat', async ({ executor }) => {
  const { page } = executor;
  const out = await page.evaluate(async () => {
    const agent = new window.executor.ExecutorAgent({
      sessionId: 'e2e',
      config: { timeout: 10, maxMemory: '256MB', assistant: 'offline' },
    });
    const ok = await agent.executeCode('print(2 + 2)');
    const bad = await agent.executeCode('items = [1, 2, 3]\nitems[5]');
    const advice = await agent.handleError();
    const reply = await agent.chat('Execute this code:\n```python\nprint("from chat")\n```');
    return { ok: ok.stdout, bad: bad.error?.type, advice: advice?.suggestions[0]?.title, reply };
  });
  expect(out.ok).toBe('4\n');
  expect(out.bad).toBe('IndexError');
  expect(out.advice).toBe('`items` has 3 items');
  expect(out.reply).toContain('from chat');
});
