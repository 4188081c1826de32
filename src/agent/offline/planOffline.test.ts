import { describe, expect, it } from 'vitest';
import { extractCode } from './extractCode.ts';
import { planOffline, type OfflinePlan, type OfflineStep, type PlanContext } from './planOffline.ts';

/**
 * What the offline assistant understands, as a table: a message (with the project and the last
 * code it ran), and the plan it must make. This table is the assistant's documentation.
 */
const FILES = [
  'main.py',
  'calculator.py',
  'test_calculator.py',
  'calc.py',
  'tests/test_calc.py',
  'data_preparation.py',
  'model_training.py',
  'evaluation.py',
  'notes.md',
];
const LAST = 'n = 10\nprint(sum(range(n)))';
const ctx: PlanContext = { files: FILES, lastCode: LAST };
const BLOCK = '```python\nprint(1)\n```';
const FIB =
  'def fibonacci(n):\n    if n <= 1:\n        return n\n    return fibonacci(n-1) + fibonacci(n-2)\n\nprint([fibonacci(i) for i in range(10)])';

const steps = (...s: OfflineStep[]): OfflinePlan => ({ kind: 'steps', steps: s });
const SEED_BATCH = `Execute these scripts in order and aggregate the results:

1. data_preparation.py - Prepares the dataset
2. model_training.py - Trains the ML model
3. evaluation.py - Evaluates model performance

Show me the output of each step and any errors encountered.`;

const TABLE: Array<[message: string, expected: OfflinePlan | { ask: string[] } | { missing: string[] }]> = [
  // The seed's own prompts.
  [`Execute this code:\n\`\`\`python\n${FIB}\n\`\`\``, steps({ kind: 'run', code: FIB })],
  [
    'Run the tests in test_calculator.py and show me the coverage report',
    steps({ kind: 'tests', path: 'test_calculator.py', coverage: true, code: null }),
  ],
  [
    'Execute this data processing code:\n\n```python\nimport pandas as pd\nprint(pd)\n```',
    steps({ kind: 'run', code: 'import pandas as pd\nprint(pd)' }),
  ],
  [
    "I have a module called 'calculator.py' with basic math functions.\nRun comprehensive tests on it and give me a coverage report.\nAlso identify any untested code paths.",
    steps({ kind: 'tests', path: 'calculator.py', coverage: true, code: null }),
  ],
  [
    'Profile this sorting algorithm and identify performance bottlenecks:\n\n```python\nx = 1\n```\n\nProfile this and suggest optimizations.',
    steps({ kind: 'profile', code: 'x = 1', path: null }),
  ],
  [
    'Analyze the dependencies in this code and set up the environment:\n\n```python\nimport numpy\n```\n\nCheck which packages are missing and install them safely.',
    steps({ kind: 'dependencies', code: 'import numpy', install: true }),
  ],
  [SEED_BATCH, steps({ kind: 'batch', paths: ['data_preparation.py', 'model_training.py', 'evaluation.py'] })],
  [
    `Execute and validate this code:\n${BLOCK}`,
    steps({ kind: 'validate', code: 'print(1)', path: null }, { kind: 'run', code: 'print(1)' }),
  ],
  [
    'Run these tests with coverage:\ndef test_one():\n    assert 1 + 1 == 2\n',
    steps({ kind: 'tests', path: null, coverage: true, code: 'def test_one():\n    assert 1 + 1 == 2' }),
  ],
  // Running code.
  ['run my code', steps({ kind: 'run-editor' })],
  ['Import pandas and numpy', steps({ kind: 'run', code: 'import pandas as pd\nimport numpy as np' })],
  ['Execute this code', steps({ kind: 'run-editor' })],
  [`What does this print?\n${BLOCK}`, steps({ kind: 'run', code: 'print(1)' })],
  [BLOCK, steps({ kind: 'run', code: 'print(1)' })],
  ['Run calc.py', steps({ kind: 'run-file', path: 'calc.py' })],
  [
    'run data_preparation.py then model_training.py',
    steps({ kind: 'run-file', path: 'data_preparation.py' }, { kind: 'run-file', path: 'model_training.py' }),
  ],
  [
    'Run data_preparation.py, model_training.py and evaluation.py one after the other',
    steps({ kind: 'batch', paths: ['data_preparation.py', 'model_training.py', 'evaluation.py'] }),
  ],
  // Tests.
  ['Run the tests', steps({ kind: 'tests', path: null, coverage: false, code: null })],
  ['run tests/test_calc.py please', steps({ kind: 'tests', path: 'tests/test_calc.py', coverage: false, code: null })],
  [
    'Run the test tests/test_calc.py::test_add with coverage',
    steps({ kind: 'tests', path: 'tests/test_calc.py::test_add', coverage: true, code: null }),
  ],
  ['pytest "test_calculator.py".', steps({ kind: 'tests', path: 'test_calculator.py', coverage: false, code: null })],
  ['how much of calc.py do my tests cover?', steps({ kind: 'tests', path: 'calc.py', coverage: true, code: null })],
  // Profiling.
  ['Profile this and suggest optimizations', steps({ kind: 'profile', code: null, path: null })],
  ['Why is my code so slow?', steps({ kind: 'profile', code: null, path: null })],
  [
    'Find the performance bottlenecks:\n\n    for i in range(9):\n        pass\n',
    steps({ kind: 'profile', code: 'for i in range(9):\n    pass', path: null }),
  ],
  ['where does the time go in evaluation.py?', steps({ kind: 'profile', code: null, path: 'evaluation.py' })],
  // Files.
  ['Show me the files', steps({ kind: 'files' })],
  ['which files are in the project?', steps({ kind: 'files' })],
  ['ls', steps({ kind: 'files' })],
  ['Read calc.py', steps({ kind: 'read', path: 'calc.py' })],
  ['open tests/test_calc.py', steps({ kind: 'read', path: 'tests/test_calc.py' })],
  ['Show me "notes.md"', steps({ kind: 'read', path: 'notes.md' })],
  [`Save this as helpers.py\n${BLOCK}`, steps({ kind: 'write', path: 'helpers.py', code: 'print(1)' })],
  // Checking, packages, errors, demos.
  ['Check calc.py', steps({ kind: 'validate', code: null, path: 'calc.py' })],
  [`Is this safe to run?\n${BLOCK}`, steps({ kind: 'validate', code: 'print(1)', path: null })],
  [`Validate this code:\n\`\`\`python\neval("1")\n\`\`\``, steps({ kind: 'validate', code: 'eval("1")', path: null })],
  ['What packages does my code need?', steps({ kind: 'dependencies', code: null, install: false })],
  ['install numpy and pandas', steps({ kind: 'install', packages: ['numpy', 'pandas'] })],
  ['check which packages are missing and install them safely', steps({ kind: 'dependencies', code: null, install: true })],
  ['Can you explain this error?', steps({ kind: 'explain' })],
  ['why did it fail?', steps({ kind: 'explain' })],
  ['what went wrong', steps({ kind: 'explain' })],
  ['Show me a demo of fibonacci', steps({ kind: 'demo', topic: 'fibonacci' })],
  ['Show me a demo of bubble sort for profiling', steps({ kind: 'demo', topic: 'bubble sort for profiling' })],
  // Several steps in one message.
  [
    'run the tests, then profile the slowest one',
    steps({ kind: 'tests', path: null, coverage: false, code: null }, { kind: 'profile', code: null, path: null }),
  ],
  [
    'check which packages are missing, install them and then run it',
    steps({ kind: 'dependencies', code: null, install: true }, { kind: 'run-editor' }),
  ],
  ['List the files and read notes.md', steps({ kind: 'files' }, { kind: 'read', path: 'notes.md' })],
  // Follow-ups about the last code.
  ['run it again', steps({ kind: 'run', code: LAST })],
  ['again', steps({ kind: 'run', code: LAST })],
  ['now with n = 30', steps({ kind: 'run', code: 'n = 30\nprint(sum(range(n)))' })],
  ['profile that', steps({ kind: 'profile', code: LAST, path: null })],
  ['show me the coverage of calc.py', steps({ kind: 'tests', path: 'calc.py', coverage: true, code: null })],
  // Files that do not exist are said plainly, with the closest.
  ['run data_prep.py', { missing: ['data_prep.py'] }],
  ['Execute these scripts in order: 1. data_prep.py 2. model_training.py', { missing: ['data_prep.py'] }],
  // Two equally likely readings: one question.
  ['calc.py', { ask: ['Run calc.py', 'Show calc.py'] }],
  // Questions and indirect requests (issue #36): what people ask instead of naming a tool.
  [`Where is the time going in this?\n${BLOCK}`, steps({ kind: 'profile', code: 'print(1)', path: null })],
  ["where's all the time going?", steps({ kind: 'profile', code: null, path: null })],
  ['can this be faster?', steps({ kind: 'profile', code: null, path: null })],
  ['could evaluation.py run any quicker?', steps({ kind: 'profile', code: null, path: 'evaluation.py' })],
  ['why is this taking so long?', steps({ kind: 'profile', code: null, path: null })],
  ["what's taking so long in model_training.py?", steps({ kind: 'profile', code: null, path: 'model_training.py' })],
  ['how do I make it faster?', steps({ kind: 'profile', code: null, path: null })],
  ['which function is the slowest?', steps({ kind: 'profile', code: null, path: null })],
  ['it takes forever, any idea why?', steps({ kind: 'profile', code: null, path: null })],
  ['Why did that blow up?', steps({ kind: 'explain' })],
  ['what happened there?', steps({ kind: 'explain' })],
  ['why did it crash?', steps({ kind: 'explain' })],
  ['what does this traceback mean?', steps({ kind: 'explain' })],
  ['how do I fix this error?', steps({ kind: 'explain' })],
  ["what's wrong with my tests?", steps({ kind: 'tests', path: null, coverage: false, code: null })],
  ['do my tests pass?', steps({ kind: 'tests', path: null, coverage: false, code: null })],
  ['are the tests in tests/test_calc.py green?', steps({ kind: 'tests', path: 'tests/test_calc.py', coverage: false, code: null })],
  ['which lines of calculator.py are never tested?', steps({ kind: 'tests', path: 'calculator.py', coverage: true, code: null })],
  ['is my code well tested?', steps({ kind: 'tests', path: null, coverage: true, code: null })],
  ['what is my coverage?', steps({ kind: 'tests', path: null, coverage: true, code: null })],
  [`is anything unsafe here?\n${BLOCK}`, steps({ kind: 'validate', code: 'print(1)', path: null })],
  ['is calc.py safe?', steps({ kind: 'validate', code: null, path: 'calc.py' })],
  ['does this code do anything dangerous?', steps({ kind: 'validate', code: null, path: null })],
  ['can you review my code?', steps({ kind: 'validate', code: null, path: null })],
  ['any problems in calc.py?', steps({ kind: 'validate', code: null, path: 'calc.py' })],
  [`what does this need?\n\`\`\`python\nimport numpy\n\`\`\``, steps({ kind: 'dependencies', code: 'import numpy', install: false })],
  ['what do I need to install?', steps({ kind: 'dependencies', code: null, install: false })],
  ['which libraries does it use?', steps({ kind: 'dependencies', code: null, install: false })],
  ['is numpy installed?', steps({ kind: 'dependencies', code: null, install: false })],
  ['could you install requests for me?', steps({ kind: 'install', packages: ['requests'] })],
  ['can you run this?', steps({ kind: 'run-editor' })],
  [`what would this output?\n${BLOCK}`, steps({ kind: 'run', code: 'print(1)' })],
  ['does calc.py work?', steps({ kind: 'run-file', path: 'calc.py' })],
  ['what is in the project?', steps({ kind: 'files' })],
  ['what files do I have?', steps({ kind: 'files' })],
  ["what's in notes.md?", steps({ kind: 'read', path: 'notes.md' })],
  ['can I see calculator.py?', steps({ kind: 'read', path: 'calculator.py' })],
  ['could you show me an example of recursion?', steps({ kind: 'demo', topic: 'recursion' })],
  // More ways to ask for the same tools.
  ['execute main.py', steps({ kind: 'run-file', path: 'main.py' })],
  ['go ahead and run calc.py', steps({ kind: 'run-file', path: 'calc.py' })],
  ['time this', steps({ kind: 'profile', code: null, path: null })],
  ['speed up calc.py', steps({ kind: 'profile', code: null, path: 'calc.py' })],
  ['lint calc.py', steps({ kind: 'validate', code: null, path: 'calc.py' })],
  ['test calculator.py', steps({ kind: 'tests', path: 'calculator.py', coverage: false, code: null })],
  ['coverage please', steps({ kind: 'tests', path: null, coverage: true, code: null })],
  ['set up the environment', steps({ kind: 'dependencies', code: null, install: true })],
  ['pip install rich', steps({ kind: 'install', packages: ['rich'] })],
  ['explain', steps({ kind: 'explain' })],
  // The step debugger (issue #36): a test by name, a file, the code block or the editor's code.
  ['debug it', steps({ kind: 'debug', code: null, target: null, stepThrough: false })],
  ['debug test_bad', steps({ kind: 'debug', code: null, target: 'test_bad', stepThrough: false })],
  [`step through this\n${BLOCK}`, steps({ kind: 'debug', code: 'print(1)', target: null, stepThrough: true })],
  ['why does test_bad fail? stop where it fails', steps({ kind: 'debug', code: null, target: 'test_bad', stepThrough: false })],
  ['why does test_bad fail?', steps({ kind: 'debug', code: null, target: 'test_bad', stepThrough: false })],
  ['can you debug test_calc.py?', steps({ kind: 'debug', code: null, target: 'test_calc.py', stepThrough: false })],
  ['step through calc.py line by line', steps({ kind: 'debug', code: null, target: 'calc.py', stepThrough: true })],
  ['run it and stop where it fails', steps({ kind: 'debug', code: null, target: null, stepThrough: false })],
  ['put a breakpoint in and let me see', steps({ kind: 'debug', code: null, target: null, stepThrough: false })],
  // Help when asked for; anything else gets one suggestion, never the whole help text.
  ['what can you do?', steps({ kind: 'help' })],
  ['help', steps({ kind: 'help' })],
  ['how do I use you?', steps({ kind: 'help' })],
  ['hello', steps({ kind: 'suggest', label: 'Run the code', message: 'Run the code' })],
  ['thanks!', steps({ kind: 'suggest', label: 'Run the code', message: 'Run the code' })],
  ['make me a sandwich', steps({ kind: 'suggest', label: 'Run the code', message: 'Run the code' })],
  ['the numbers look off', steps({ kind: 'suggest', label: 'Run the code', message: 'Run the code' })],
  ['what it needs', steps({ kind: 'suggest', label: 'Check its packages', message: 'Check its packages' })],
];

/** After a failed run, every "why" question is about that failure (issue #36). */
const AFTER_FAILURE: Array<[message: string, expected: OfflinePlan]> = [
  ['why?', steps({ kind: 'explain' })],
  ['why is that?', steps({ kind: 'explain' })],
  ['why is it so slow?', steps({ kind: 'explain' })],
  ['why does it say that?', steps({ kind: 'explain' })],
  ['huh, why', steps({ kind: 'explain' })],
  ['what happened?', steps({ kind: 'explain' })],
];

/** While a debug run is paused, short commands drive it (and anything else is read as usual). */
const WHILE_PAUSED: Array<[message: string, expected: OfflinePlan]> = [
  ['step', steps({ kind: 'debug-step', action: 'over' })],
  ['next', steps({ kind: 'debug-step', action: 'over' })],
  ['step into', steps({ kind: 'debug-step', action: 'into' })],
  ['step out', steps({ kind: 'debug-step', action: 'out' })],
  ['continue', steps({ kind: 'debug-step', action: 'continue' })],
  ['go on.', steps({ kind: 'debug-step', action: 'continue' })],
  ['stop debugging', steps({ kind: 'debug-stop' })],
  ['what is total?', steps({ kind: 'debug-evaluate', expression: 'total' })],
  ["what's len(items)", steps({ kind: 'debug-evaluate', expression: 'len(items)' })],
  ['print `a + b`', steps({ kind: 'debug-evaluate', expression: 'a + b' })],
  ['what files do I have?', steps({ kind: 'files' })],
];

describe('planOffline: the phrasing table', () => {
  for (const [message, expected] of WHILE_PAUSED) {
    it(`while paused: ${JSON.stringify(message)}`, () => expect(planOffline(message, { ...ctx, debugPaused: true })).toEqual(expected));
  }
  it('"step" and "continue" mean nothing special when no debug run is paused', () => {
    expect(planOffline('continue', ctx)).not.toEqual(steps({ kind: 'debug-step', action: 'continue' }));
    expect(planOffline('what is total?', ctx)).not.toEqual(steps({ kind: 'debug-evaluate', expression: 'total' }));
  });
  it(`has at least 100 phrasings (${TABLE.length + AFTER_FAILURE.length}), at least 30 of them questions`, () => {
    expect(TABLE.length + AFTER_FAILURE.length).toBeGreaterThanOrEqual(100);
    expect([...TABLE, ...AFTER_FAILURE].filter(([m]) => /\?/.test(m.split('\n')[0] ?? '')).length).toBeGreaterThanOrEqual(30);
  });
  for (const [message, expected] of AFTER_FAILURE) {
    it(`after a failed run: ${JSON.stringify(message)}`, () =>
      expect(planOffline(message, { ...ctx, lastFailed: true })).toEqual(expected));
  }
  it('without a failed run, "why is it so slow?" profiles', () =>
    expect(planOffline('why is it so slow?', ctx)).toEqual(steps({ kind: 'profile', code: null, path: null })));
  for (const [message, expected] of TABLE) {
    it(JSON.stringify(message.length > 70 ? `${message.slice(0, 70)}…` : message), () => {
      const plan = planOffline(message, ctx);
      if ('ask' in expected) {
        expect(plan.kind).toBe('ask');
        if (plan.kind === 'ask') expect(plan.options.map((o) => o.label)).toEqual(expected.ask);
      } else if ('missing' in expected) {
        expect(plan.kind).toBe('missing');
        if (plan.kind === 'missing') expect(plan.missing.map((m) => m.path)).toEqual(expected.missing);
      } else expect(plan).toEqual(expected);
    });
  }

  it('names the closest files for one that does not exist', () => {
    const plan = planOffline('run data_prep.py', ctx);
    expect(plan).toEqual({ kind: 'missing', missing: [{ path: 'data_prep.py', closest: ['data_preparation.py'] }] });
  });

  it('without a last run, "run it again" runs the editor, and a question\'s options are unambiguous messages', () => {
    expect(planOffline('run it again', { files: FILES, lastCode: null })).toEqual(steps({ kind: 'run-editor' }));
    const plan = planOffline('calc.py', ctx);
    if (plan.kind !== 'ask') throw new Error('expected a question');
    for (const option of plan.options) expect(planOffline(option.message, ctx).kind).toBe('steps');
  });
});

describe('extractCode', () => {
  it('finds a fenced python block and the prose around it', () => {
    const { code, prose } = extractCode('Execute this code:\n```python\nprint(1)\n```\nthanks');
    expect(code).toBe('print(1)');
    expect(prose.replace(/\s+/g, ' ')).toBe('Execute this code: thanks');
  });
  it('finds an indented block', () => {
    expect(extractCode('Run this:\n\n    for i in range(2):\n        print(i)\n\nplease').code).toBe('for i in range(2):\n    print(i)');
  });
  it('finds bare code after a line ending in a colon (how other agents send it)', () => {
    expect(extractCode('Execute and validate this code:\nimport math\nprint(math.pi)\n')).toEqual({
      code: 'import math\nprint(math.pi)',
      prose: 'Execute and validate this code:',
    });
  });
  it('ignores blocks in other languages', () => expect(extractCode('```bash\nls\n```').code).toBeNull());
});
