import { expect, test } from './fixtures.ts';
import { ChatPane } from './pages/ChatPane.ts';
import { importFiles } from './support/calculatorProject.ts';

const SCRIPTS = [
  { path: 'data_preparation.py', content: 'data = [1, 2, 3]\nprint("prepared", len(data))\n' },
  { path: 'model_training.py', content: 'print("training")\nmodel = 6 / 0\n' },
  { path: 'evaluation.py', content: 'print("evaluated", __name__)\n' },
];

test("offline: the seed's batch request runs the three scripts in order with one combined result", async ({ executor }) => {
  const { page } = executor;
  await importFiles(page, SCRIPTS);
  const chat = new ChatPane(page);
  const answer = await chat.send(`Execute these scripts in order and aggregate the results:

1. data_preparation.py - Prepares the dataset
2. model_training.py - Trains the ML model
3. evaluation.py - Evaluates model performance

Show me the output of each step and any errors encountered.`);
  const card = chat.toolCall(answer, 'execute_batch');
  await expect(card).toHaveCount(1);
  await expect(chat.toolCall(answer, 'profile_code')).toHaveCount(0);
  const text = answer.locator('.chat-markdown').last();
  await expect(text).toContainText('2 of 3 succeeded');
  // One row per step, in order (a Markdown list).
  await expect(text.locator('li')).toHaveText([
    /^data_preparation\.py: ok/,
    /^model_training\.py: error.*ZeroDivisionError/,
    /^evaluation\.py: ok/,
  ]);
});

test('offline: two steps in one message run in order, each with its card, then a summary; "run it again" reruns', async ({ executor }) => {
  const { page } = executor;
  const chat = new ChatPane(page);
  await executor.setCode('import json\nprint(json.dumps({"ok": True}))\n');
  const answer = await chat.send('check which packages are missing, then run it');
  const cards = answer.getByTestId('tool-call');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-tool', 'analyze_dependencies');
  await expect(cards.nth(1)).toHaveAttribute('data-tool', 'execute_code');
  await expect(chat.toolCall(answer, 'execute_code').getByTestId('tool-output')).toHaveText('{"ok": true}\n');
  await expect(answer).toContainText('Summary');

  const again = await chat.send('run it again');
  await expect(chat.toolCall(again, 'execute_code').getByTestId('tool-output')).toHaveText('{"ok": true}\n');
  const changed = await chat.send('Execute this code:\n```python\nn = 4\nprint(n * n)\n```');
  await expect(chat.toolCall(changed, 'execute_code').getByTestId('tool-output')).toHaveText('16\n');
  const withValue = await chat.send('now with n = 30');
  await expect(chat.toolCall(withValue, 'execute_code').getByTestId('tool-output')).toHaveText('900\n');
});

test('offline: an ambiguous message asks one question with buttons, and a button does what it says', async ({ executor }) => {
  const { page } = executor;
  await importFiles(page, SCRIPTS);
  const chat = new ChatPane(page);
  const answer = await chat.send('evaluation.py');
  await expect(answer.getByTestId('tool-call')).toHaveCount(0);
  await expect(answer).toContainText('should I run evaluation.py or show evaluation.py?');
  const choices = answer.getByTestId('chat-choice');
  await expect(choices).toHaveText(['Run evaluation.py', 'Show evaluation.py']);
  await choices.nth(1).click();
  const read = chat.messages.nth(3);
  await expect(read).not.toHaveAttribute('data-state', 'streaming');
  await expect(chat.toolCall(read, 'read_file')).toHaveCount(1);
  await expect(read).toContainText('print("evaluated", __name__)');
  // A file that is not there is said plainly, with the closest name, and nothing runs.
  const missing = await chat.send('run evaluate.py');
  await expect(missing).toContainText('There is no evaluate.py in the project. The closest: evaluation.py.');
  await expect(missing.getByTestId('tool-call')).toHaveCount(0);
});
