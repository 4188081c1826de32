import { describe, expect, it, vi } from 'vitest';
import type { TestRunOptions } from '../../engine/engine.ts';
import { parseProfile } from '../../runs/parseProfile.ts';
import type { RunOptions } from '../../protocol/results.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { makeDebugPause } from '../../testing/makeDebugPause.ts';
import { makeTestRecord, makeTestResult } from '../../testing/makeTestResult.ts';
import { createToolbox } from '../tools/createToolbox.ts';
import type { AgentEvent } from '../types.ts';
import { runOfflineTurn } from './runOfflineTurn.ts';

const FILES = [
  { path: 'calculator.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'test_calculator.py', content: 'from calculator import add\n\ndef test_add():\n    assert add(1, 2) == 3\n' },
];

const TESTS = makeTestResult({
  records: [
    makeTestRecord({ nodeId: 'test_calculator.py::test_add' }),
    makeTestRecord({
      nodeId: 'test_calculator.py::test_div',
      outcome: 'failed',
      message: 'ZeroDivisionError: division by zero',
      file: 'calculator.py',
      line: 9,
    }),
  ],
  coverage: {
    totalPercent: 75,
    perFile: {
      'calculator.py': { statements: 12, missingLines: [14, 15, 16], partialLines: [], branches: 0, missingBranches: 0, percent: 75 },
    },
    suggestions: [],
    problems: [],
  },
  thresholdMet: false,
});

function setup() {
  const runTests = vi.fn(async (_o: TestRunOptions) => TESTS);
  const profileCode = vi.fn(async (_code: string, options: Partial<RunOptions> = {}) => {
    const file = options.filename ?? 'main.py';
    const raw = {
      roots: [`${file}:1(<module>)`],
      totalMs: 50,
      omitted: 0,
      functions: [
        { key: `${file}:1(<module>)`, name: '<module>', file, line: 1, calls: 1, primitiveCalls: 1, ownMs: 1, cumMs: 50, callers: [] },
        {
          key: `${file}:1(slow)`,
          name: 'slow',
          file,
          line: 1,
          calls: 1,
          primitiveCalls: 1,
          ownMs: 49,
          cumMs: 49,
          callers: [{ key: `${file}:1(<module>)`, calls: 1, ownMs: 49, cumMs: 49 }],
        },
      ],
    };
    return { result: makeResult({ stdout: 'done\n' }), profile: parseProfile(raw) };
  });
  const execute = vi.fn(async (code: string) =>
    code.includes('1 / 0')
      ? makeResult({
          success: false,
          status: 'error',
          error: { type: 'ZeroDivisionError', message: 'division by zero', traceback: 'Traceback …', line: 1 },
        })
      : makeResult(),
  );
  const analyzeDependencies = vi.fn(async () => [{ module: 'json', verdict: 'stdlib' as const, package: null, source: null }]);
  const ctx = createFakeToolContext({
    engine: { runTests, profileCode, execute, analyzeDependencies },
    files: FILES,
    active: 'calculator.py',
    editorCode: 'import json\nprint(json.dumps(1))',
  });
  const events: AgentEvent[] = [];
  const memory = { lastCode: null as string | null };
  const send = (message: string) => runOfflineTurn(message, { tools: createToolbox(ctx), ctx, memory, onEvent: (e) => events.push(e) });
  const calls = () =>
    events.filter((e): e is Extract<AgentEvent, { type: 'tool-start' }> => e.type === 'tool-start').map((e) => [e.name, e.args]);
  return { send, calls, runTests, profileCode, execute, events, ctx };
}

describe('runOfflineTurn', () => {
  it('"Run the tests in test_calculator.py and show me the coverage" runs them through run_tests and reports failures and coverage', async () => {
    const { send, calls, runTests } = setup();
    const reply = await send('Run the tests in test_calculator.py and show me the coverage');
    expect(calls()).toEqual([['run_tests', { paths: ['test_calculator.py'], coverage: true }]]);
    expect(runTests.mock.calls[0]?.[0]).toMatchObject({ files: FILES, paths: ['test_calculator.py'], coverage: true });
    expect(reply).toContain('Tests: 1 failed, 1 passed in 0.42s; coverage 75% (threshold 80%, not met).');
    // The card shows each failure and the coverage per file; the reply does not repeat them.
    expect(reply).toContain('The card lists the failure with file:line');
    expect(reply).not.toContain('lines never run');
    expect(reply).not.toContain('not available');
  });

  it('runs every test with coverage when the named file is the module, not a test file', async () => {
    const { send, calls } = setup();
    const reply = await send('Run comprehensive tests on calculator.py');
    expect(calls()).toEqual([['run_tests', { coverage: true }]]);
    expect(reply).toContain('`calculator.py` is a module, not a test file');
  });

  it('"Profile this and suggest optimizations" profiles the code block, else the file in the editor, and gives suggestions', async () => {
    const { send, calls, profileCode, execute } = setup();
    const reply = await send('Profile this and suggest optimizations:\n```python\nslow()\n```');
    expect(calls()).toEqual([['profile_code', { code: 'slow()' }]]);
    expect(profileCode).toHaveBeenCalledWith('slow()', expect.anything());
    expect(reply).toContain('most time in slow (line 1, 98% own time)');
    expect(reply).toContain('**Suggestions**');
    expect(reply).toContain('Most of the time is in `slow`');
    await send('Profile this and suggest optimizations');
    expect(profileCode).toHaveBeenLastCalledWith(FILES[0]?.content, expect.objectContaining({ filename: 'calculator.py' }));
    expect(execute).not.toHaveBeenCalled();
  });

  it('lists the files and reads one', async () => {
    const { send, calls } = setup();
    const list = await send('show me the files');
    expect(list).toContain('The project has 2 files:\n- `calculator.py` (2 lines) — open in the editor\n- `test_calculator.py` (4 lines)');
    const read = await send('read test_calculator.py');
    expect(read).toContain('```python\nfrom calculator import add\n');
    const missing = await send('open nothing.py');
    expect(missing).toBe('There is no `nothing.py` in the project.\nIts files: `calculator.py`, `test_calculator.py`.\n\nNothing was run.');
    const near = await send('run calculater.py');
    expect(near).toContain('There is no `calculater.py` in the project. The closest: `calculator.py`.');
    expect(calls().map(([name]) => name)).toEqual(['list_files', 'read_file']);
  });

  it('says plainly why tests cannot run where there is no project (and runs nothing)', async () => {
    const runTests = vi.fn();
    const ctx = createFakeToolContext({ engine: { runTests }, files: null });
    const reply = await runOfflineTurn('Run the tests', { tools: createToolbox(ctx), ctx, onEvent: () => undefined });
    expect(reply).toBe(
      "Running tests needs the project's files and the engine's test runner, and there are none here, so I cannot run them.",
    );
    expect(runTests).not.toHaveBeenCalled();
  });

  it('runs several steps in order, each with its card, and sums them up', async () => {
    const { send, calls } = setup();
    const reply = await send('check which packages are missing, install them and then run it');
    expect(calls().map(([name]) => name)).toEqual(['analyze_dependencies', 'execute_code']);
    expect(reply).toMatch(/\*\*Summary\*\*\n1\. .+\n2\. Ran without errors/);
  });

  it('follow-ups use the conversation: run it again, now with n = 30, profile that', async () => {
    const { send, calls } = setup();
    await send('Execute this code:\n```python\nn = 10\nprint(n)\n```');
    await send('run it again');
    await send('now with n = 30');
    await send('profile that');
    expect(calls()).toEqual([
      ['execute_code', { code: 'n = 10\nprint(n)' }],
      ['execute_code', { code: 'n = 10\nprint(n)' }],
      ['execute_code', { code: 'n = 30\nprint(n)' }],
      ['profile_code', { code: 'n = 30\nprint(n)' }],
    ]);
  });

  it('asks one question with buttons when two readings are equally likely, and runs nothing', async () => {
    const { send, calls, events } = setup();
    const reply = await send('calculator.py');
    expect(calls()).toEqual([]);
    expect(reply).toContain('should I run calculator.py or show calculator.py?');
    expect(events.find((e) => e.type === 'choices')).toEqual({
      type: 'choices',
      question: expect.any(String),
      options: [
        { label: 'Run calculator.py', message: 'Run calculator.py' },
        { label: 'Show calculator.py', message: 'Show calculator.py' },
      ],
    });
  });

  it("the seed's batch request runs the three scripts in order with one combined result", async () => {
    const executeBatch = vi.fn(async (blocks: Array<{ name: string }>) => ({
      steps: blocks.map((b, index) => ({ index, name: b.name, skipped: false, result: makeResult({ stdout: `${b.name} done\n` }) })),
      summary: {
        total: blocks.length,
        succeeded: blocks.length,
        failed: 0,
        skipped: 0,
        success: true,
        totalWallMs: 15,
        firstFailure: null,
      },
    }));
    const files = ['data_preparation.py', 'model_training.py', 'evaluation.py'].map((path) => ({ path, content: `print("${path}")\n` }));
    const ctx = createFakeToolContext({ engine: { executeBatch } as never, files });
    const events: AgentEvent[] = [];
    const reply = await runOfflineTurn(
      'Execute these scripts in order and aggregate the results:\n\n1. data_preparation.py - Prepares the dataset\n2. model_training.py - Trains the ML model\n3. evaluation.py - Evaluates model performance\n\nShow me the output of each step and any errors encountered.',
      { tools: createToolbox(ctx), ctx, onEvent: (e) => events.push(e) },
    );
    const starts = events.filter((e) => e.type === 'tool-start');
    expect(starts).toEqual([
      expect.objectContaining({
        name: 'execute_batch',
        args: { paths: ['data_preparation.py', 'model_training.py', 'evaluation.py'], stop_on_error: false, shared_state: false },
      }),
    ]);
    expect(executeBatch.mock.calls[0]?.[0].map((b) => b.name)).toEqual(['data_preparation.py', 'model_training.py', 'evaluation.py']);
    expect(reply).toContain('1. `data_preparation.py`: ok');
    expect(reply).toContain('3. `evaluation.py`: ok');
  });

  it('help lists the new abilities when asked for; a request it cannot read gets one suggestion, not the list', async () => {
    const { send } = setup();
    const help = await send('what can you do?');
    expect(help).toContain('**Tests**');
    expect(help).toContain('**Profile**: "Profile this and suggest optimizations"');
    expect(help).toContain('**Files**');
    const unknown = await send('the numbers look off');
    expect(unknown).toContain('The closest I can do: **Run the code** (say "Run the code")');
    expect(unknown).not.toContain('**Tests**');
  });

  it('after a failed run, "why?" in any form explains that failure with handle_error', async () => {
    const { send, calls } = setup();
    await send('Execute this code:\n```python\nprint(1 / 0)\n```');
    const reply = await send('why is it so slow?');
    expect(calls().at(-1)).toEqual(['handle_error', {}]);
    expect(reply).toContain('The last run failed');
    await send('Execute this code:\n```python\nprint(1)\n```');
    await send('why is it so slow?');
    expect(calls().at(-1)?.[0]).toBe('profile_code');
  });
});

describe('runOfflineTurn: the step debugger', () => {
  function debugSetup() {
    let active = false;
    const pause = makeDebugPause({
      reason: 'exception',
      message: 'AssertionError: assert 3 == 4',
      file: 'test_calculator.py',
      line: 4,
      frame: 'test_add',
    });
    const stepper = {
      get active() {
        return active;
      },
      start: vi.fn(async () => ((active = true), { state: 'paused' as const, pause, output: '' })),
      step: vi.fn(async () => ((active = false), { state: 'finished' as const, result: makeResult(), note: null })),
      evaluate: vi.fn(async () => ({ name: 'add(1, 2)', type: 'int', kind: 'value' as const, size: null, repr: '3', expandable: false })),
      stop: vi.fn(async () => null),
    };
    const ctx = { ...createFakeToolContext({ files: FILES }), debugger: stepper };
    const events: AgentEvent[] = [];
    const send = (message: string) => runOfflineTurn(message, { tools: createToolbox(ctx), ctx, onEvent: (e) => events.push(e) });
    return { stepper, send, events };
  }

  it('"debug test_add" finds the test by name, stops where it fails, and "what is …?" evaluates there', async () => {
    const { stepper, send } = debugSetup();
    const reply = await send('debug test_add');
    expect(stepper.start).toHaveBeenCalledWith(
      FILES[1]?.content,
      expect.objectContaining({ test: 'test_calculator.py::test_add', stopOnFailure: true, breakpoints: [] }),
    );
    expect(reply).toContain('Stopped at **test_calculator.py:4** in `test_add`, where it failed: AssertionError: assert 3 == 4');
    // The card shows the line and the locals: the reply does not repeat them.
    expect(reply).not.toContain('assert add(1, 2) == 3');
    expect(await send('what is add(1, 2)?')).toBe('`add(1, 2)` = `3`');
    expect(stepper.evaluate).toHaveBeenCalledWith('add(1, 2)', 0);
    expect(await send('continue')).toMatch(/^The debug run finished\./);
    expect(stepper.step).toHaveBeenCalledWith('continue');
  });

  it('without cards (the programmatic agent) the reply carries the line', async () => {
    const { stepper } = debugSetup();
    const ctx = { ...createFakeToolContext({ files: FILES }), debugger: stepper };
    const reply = await runOfflineTurn('debug test_add', { tools: createToolbox(ctx), ctx, onEvent: () => undefined, cards: false });
    expect(reply).toContain('Line 4: `assert add(1, 2) == 3`');
  });

  it('"step through test_add" sets a breakpoint at the first line of its body', async () => {
    const { stepper, send } = debugSetup();
    await send('step through test_add');
    expect(stepper.start).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ test: 'test_calculator.py::test_add', breakpoints: [{ file: 'test_calculator.py', line: 4 }] }),
    );
  });

  it('a test no test file defines is named, and nothing runs', async () => {
    const { stepper, send, events } = debugSetup();
    expect(await send('debug test_missing')).toBe(
      'No test file of the project defines `test_missing`. Name a test file or a test like `test_calc.py::test_add`.',
    );
    expect(stepper.start).not.toHaveBeenCalled();
    expect(events.filter((e) => e.type === 'tool-start')).toHaveLength(0);
  });
});
