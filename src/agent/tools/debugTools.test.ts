import { describe, expect, it, vi } from 'vitest';
import type { DebugDriver, DebugStop } from '../../engine/debugDriver.ts';
import { makeDebugPause } from '../../testing/makeDebugPause.ts';
import { createFakeToolContext } from '../../testing/createFakeToolContext.ts';
import { makeResult } from '../../testing/makeResult.ts';
import { debugEvaluateTool } from './debugEvaluate.ts';
import { debugPythonTool } from './debugPython.ts';
import { debugStepTool } from './debugStep.ts';
import { debugStopTool } from './debugStop.ts';
import { createToolbox } from './createToolbox.ts';
import { executeCodeTool } from './executeCode.ts';
import { invokeTool } from './defineTool.ts';
import { listFilesTool } from './listFiles.ts';

const FILES = [
  { path: 'calc.py', content: 'def mul(a, b):\n    return a + b\n' },
  { path: 'test_calc.py', content: 'from calc import mul\n\ndef test_mul():\n    got = mul(2, 3)\n    assert got == 6\n' },
];

const PAUSE = makeDebugPause({
  reason: 'exception',
  message: 'AssertionError: assert 5 == 6',
  file: 'test_calc.py',
  line: 5,
  frame: 'test_mul',
  locals: { got: '5' },
});

function setup(first: DebugStop = { state: 'paused', pause: PAUSE, output: 'before\n' }) {
  let active = false;
  const stepper = {
    get active() {
      return active;
    },
    start: vi.fn(async () => ((active = first.state === 'paused'), first)),
    step: vi.fn(
      async (): Promise<DebugStop> => (
        (active = false),
        { state: 'finished', result: makeResult({ status: 'error', success: false }), note: null }
      ),
    ),
    evaluate: vi.fn(async () => ({ name: 'got', type: 'int', kind: 'value' as const, size: null, repr: '5', expandable: false })),
    stop: vi.fn(async (): Promise<DebugStop | null> =>
      active ? ((active = false), { state: 'finished', result: makeResult(), note: 'Stopped with debug_stop.' }) : null,
    ),
  } satisfies DebugDriver;
  const execute = vi.fn(async () => makeResult());
  const ctx = { ...createFakeToolContext({ engine: { execute }, files: FILES }), debugger: stepper };
  return { ctx, stepper, execute };
}

describe('the debug tools', () => {
  it('are offered only where there is a debugger', () => {
    const { ctx } = setup();
    expect(createToolbox(ctx).map((t) => t.name)).toEqual(
      expect.arrayContaining(['debug_python', 'debug_step', 'debug_evaluate', 'debug_stop']),
    );
    expect(createToolbox({ ...ctx, debugger: null }).map((t) => t.name)).not.toContain('debug_python');
  });

  it('debug_python runs a test node with its file as the code, stopping on failure, and reports the pause', async () => {
    const { ctx, stepper } = setup();
    const outcome = await invokeTool(debugPythonTool, { test: './test_calc.py::test_mul' }, ctx);
    expect(stepper.start).toHaveBeenCalledWith(FILES[1]?.content, {
      ...ctx.runOptions(),
      breakpoints: [],
      stopOnFailure: true,
      filename: 'test_calc.py',
      test: 'test_calc.py::test_mul',
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toBe(
      'Paused at test_calc.py:5 in test_mul where it failed: AssertionError: assert 5 == 6. Step with debug_step, look with debug_evaluate, end with debug_stop.',
    );
    expect(outcome.data).toEqual({
      state: 'paused',
      reason: 'exception',
      message: 'AssertionError: assert 5 == 6',
      where: 'test_calc.py:5',
      source: '    assert got == 6',
      stack: ['test_mul (test_calc.py:5)'],
      locals: { got: '5' },
      locals_total: 1,
      output: 'before\n',
    });
  });

  it('debug_python runs code as main.py with its breakpoints, and shows the line from the code', async () => {
    const pause = { ...PAUSE, reason: 'breakpoint' as const, message: null, file: 'main.py', line: 2, frames: [] };
    const { ctx, stepper } = setup({ state: 'paused', pause, output: '' });
    const outcome = await invokeTool(
      debugPythonTool,
      { code: 'x = 1\ny = x + 1', breakpoints: [{ file: 'main.py', line: 2 }], stop_on_failure: false },
      ctx,
    );
    expect(stepper.start).toHaveBeenCalledWith('x = 1\ny = x + 1', {
      ...ctx.runOptions(),
      breakpoints: [{ file: 'main.py', line: 2 }],
      filename: 'main.py',
    });
    expect(outcome.data).toMatchObject({ where: 'main.py:2', source: 'y = x + 1', reason: 'breakpoint' });
  });

  it('debug_python refuses code and test together or neither, unknown breakpoint files and tests outside the project', async () => {
    const { ctx, stepper } = setup();
    for (const [args, message] of [
      [{ code: 'x', test: 'test_calc.py::test_mul' }, /either code .* or test/],
      [{}, /either code .* or test/],
      [
        { code: 'x', breakpoints: [{ file: 'other.py', line: 1 }] },
        /other\.py, which is not main\.py \(the code\) or a project file\. Its files: calc\.py, test_calc\.py/,
      ],
      [{ test: 'test_other.py::test_x' }, /test_other\.py is not a text file of the project/],
      [{ test: '../up.py::test_x' }, /contains "\.\."/],
    ] as const) {
      const outcome = await invokeTool(debugPythonTool, args, ctx);
      expect(outcome.ok).toBe(false);
      expect(outcome.summary).toMatch(message);
    }
    expect(stepper.start).not.toHaveBeenCalled();
  });

  it('debug_python reports a run nothing stopped as finished, with the run summary', async () => {
    const { ctx } = setup({ state: 'finished', result: makeResult({ stdout: 'hi\n' }), note: null });
    const outcome = await invokeTool(debugPythonTool, { code: 'print("hi")' }, ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatch(/^The debug run finished\. Ran without errors/);
    expect(outcome.data).toMatchObject({ state: 'finished', note: null, stdout: 'hi\n', status: 'ok' });
    expect(ctx.recorded).toHaveLength(1);
  });

  it('debug_step maps its actions; debug_evaluate picks the frame; debug_stop says when nothing was going', async () => {
    const { ctx, stepper } = setup();
    await invokeTool(debugPythonTool, { test: 'test_calc.py::test_mul' }, ctx);
    const value = await invokeTool(debugEvaluateTool, { expression: 'got + 1', frame: 0 }, ctx);
    expect(stepper.evaluate).toHaveBeenCalledWith('got + 1', 0);
    expect(value).toMatchObject({ ok: true, summary: 'got + 1 = 5', data: { type: 'int', repr: '5' } });
    const step = await invokeTool(debugStepTool, { action: 'over' }, ctx);
    expect(stepper.step).toHaveBeenCalledWith('step-over');
    expect(step).toMatchObject({ ok: false, data: { state: 'finished', status: 'error' } });
    expect(await invokeTool(debugStopTool, {}, ctx)).toMatchObject({ ok: true, summary: 'No debug run was going.' });
    expect((await invokeTool(debugStepTool, { action: 'sideways' }, ctx)).summary).toMatch(/Bad arguments for debug_step: action/);
  });

  it('a tool that needs the interpreter stops a paused debug run first and says so; the file tools do not', async () => {
    const { ctx, stepper, execute } = setup();
    await invokeTool(debugPythonTool, { test: 'test_calc.py::test_mul' }, ctx);
    await invokeTool(listFilesTool, {}, ctx);
    expect(stepper.stop).not.toHaveBeenCalled();
    const ran = await invokeTool(executeCodeTool, { code: '1 + 1' }, ctx);
    expect(stepper.stop).toHaveBeenCalledTimes(1);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(ran.summary).toMatch(/^\(The paused debug run was stopped first: execute_code needs the interpreter\.\) Ran without errors/);
  });

  it('without a debugger the tools say what to use instead', async () => {
    const { ctx } = setup();
    const outcome = await invokeTool(debugStepTool, { action: 'continue' }, { ...ctx, debugger: null });
    expect(outcome).toMatchObject({ ok: false, summary: expect.stringMatching(/not available here.*execute_code/) });
  });
});
