import type { TestRunSummary } from '../../tools/testSummary.ts';
import type { ToolOutcome } from '../../types.ts';
import { isTestTarget } from '../isTestTarget.ts';
import { replyForTests } from '../replies.ts';
import type { OfflineIntent } from './offlineIntent.ts';

/** Where "Run these tests: <code>" puts the tests before running them. */
export const CHAT_TEST_FILE = 'test_from_chat.py';

/** "Run the tests in test_calc.py and show me the coverage": pytest on a file, a node id or the project. */
export const testsIntent: OfflineIntent = {
  name: 'tests',
  features: [
    [/\b(tests?|pytest|unit ?tests?|test ?suite|test ?cases?)\b/, 4],
    [/\bcover(age|ed)?\b|\b(un)?tested\b/, 4],
  ],
  kinds: ['tests'],
  label: (p) => (p ? `Run the tests of ${p}` : 'Run the tests'),
  step: ({ clause, code, path }) => ({
    kind: 'tests',
    path: path && (path.endsWith('.py') || path.includes('::')) ? path : null,
    // "Which lines are never tested?", "is my code well tested?": questions coverage answers.
    coverage: /\bcover(age|ed)?\b|\b(un|never |not |well |poorly )tested\b/.test(clause.toLowerCase()),
    code,
  }),
  // "Run the tests and show me the coverage": one run, with coverage.
  merge: (last, next) =>
    last.kind === 'tests' && next.kind === 'tests'
      ? { ...last, path: last.path ?? next.path, coverage: last.coverage || next.coverage }
      : null,
  paths: (step) => (step.kind === 'tests' && step.path && !step.path.includes('::') ? [step.path] : []),
  async run(step, turn) {
    if (step.kind !== 'tests') return null;
    if (!turn.tools.some((t) => t.name === 'run_tests')) {
      turn.say("Running tests needs the project's files and the engine's test runner, and there are none here, so I cannot run them.");
      return null;
    }
    // "Run these tests: <code>": the tests become a file of the project, then run.
    if (step.code) {
      const written = await turn.call('write_file', { path: CHAT_TEST_FILE, content: `${step.code}\n` });
      if (!written?.ok) return (turn.say(written ? written.summary : 'I cannot save the tests as a file here.'), null);
    }
    const target = step.code ? CHAT_TEST_FILE : step.path;
    // "Test calculator.py": a module, not a test file, so every test runs and coverage shows how much of it they reach.
    const module = target && !isTestTarget(target) ? target : null;
    const outcome = await turn.call('run_tests', {
      ...(target && !module ? { paths: [target] } : {}),
      coverage: step.coverage || module !== null,
    });
    if (outcome) turn.say(replyForTests(outcome as ToolOutcome<TestRunSummary | { error: string }>, module, turn.cards));
    return outcome?.summary ?? null;
  },
};
