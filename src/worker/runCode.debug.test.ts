import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { OutputChunk, RunOptions } from '../protocol/results.ts';
import { SIGINT } from '../protocol/frameWorker.ts';
import { createStdinBuffer, writeStdin } from '../protocol/stdinBuffer.ts';
import {
  DEBUG_MAILBOX_BYTES,
  DEBUG_TIMEOUT_MARK,
  debugAnswerSchema,
  debugPauseSchema,
  type Breakpoint,
  type DebugAnswer,
  type DebugCommand,
  type DebugPause,
  type ResumeAction,
} from '../protocol/debug.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';
import { ensureTestPackages, syncProjectFiles } from './runTests.ts';
import { createDebugChannel } from './createDebugChannel.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
  rt.pyodide.setInterruptBuffer(interrupt);
}, 120_000);

/**
 * The frame's part in guarded calls, played by a thread of its own (this one is blocked in Python): it
 * polls the guard's deadline and, past it, puts the timeout mark into the mailbox and interrupts.
 */
function createGuardWatcher(mailbox: SharedArrayBuffer, interrupt: Int32Array) {
  const guard = new BigInt64Array(new SharedArrayBuffer(8));
  const thread = new Worker(
    `const { workerData: { mailbox, interrupt, guard } } = require('node:worker_threads');
     const slot = new BigInt64Array(guard);
     setInterval(() => {
       const deadline = Atomics.load(slot, 0);
       if (deadline === 0n || BigInt(Date.now()) <= deadline) return;
       if (Atomics.compareExchange(slot, 0, deadline, 0n) !== deadline) return;
       const bytes = new TextEncoder().encode(${JSON.stringify(`${DEBUG_TIMEOUT_MARK}\n`)});
       new Uint8Array(mailbox, 8).set(bytes);
       const header = new Int32Array(mailbox, 0, 2);
       Atomics.store(header, 1, bytes.length);
       Atomics.store(header, 0, 1);
       Atomics.store(new Int32Array(interrupt), 0, 2);
       Atomics.notify(header, 0);
     }, 20);`,
    { eval: true, workerData: { mailbox, interrupt: interrupt.buffer, guard: guard.buffer } },
  );
  // Python blocks this thread once the run starts: the watcher must be running before then.
  return { guard, online: once(thread, 'online'), end: () => void thread.terminate() };
}

/** What the user does at each pause: the commands, in order (the last one resumes); none: Stop. */
type Script = (pause: DebugPause, index: number) => DebugCommand[];

const resume = (action: ResumeAction, breakpoints: Breakpoint[] = []): DebugCommand => ({ kind: 'resume', action, breakpoints });

/** Runs code under the debugger through the real mailbox; `script` plays the user at each pause. */
async function debug(code: string, breakpoints: Breakpoint[], script: Script, options: Partial<RunOptions> = {}) {
  const mailbox = createStdinBuffer(DEBUG_MAILBOX_BYTES);
  const pauses: DebugPause[] = [];
  const answers: DebugAnswer[] = [];
  const output: OutputChunk[] = [];
  const outputAtPause: string[] = [];
  let queue: DebugCommand[] = [];
  const watcher = createGuardWatcher(mailbox, interrupt);
  await watcher.online;
  const next = () => {
    const command = queue.shift();
    if (command) writeStdin(mailbox, JSON.stringify(command));
    else Atomics.store(interrupt, 0, SIGINT); // nothing left to do: Stop
  };
  const channel = createDebugChannel({
    mailbox,
    interrupt,
    onPause: (raw) => {
      const pause = debugPauseSchema.parse(raw);
      outputAtPause.push(output.map((c) => c.text).join(''));
      pauses.push(pause);
      queue = script(pause, pauses.length - 1);
      next();
    },
    onAnswer: (_id, raw) => {
      answers.push(debugAnswerSchema.parse(raw));
      next();
    },
    guard: watcher.guard,
  });
  Atomics.store(interrupt, 0, 0);
  const result = await runCode(
    rt,
    code,
    { ...DEFAULT_RUN_OPTIONS, ...options, debug: { ...options.debug, breakpoints } },
    interrupt,
    (c) => output.push(...c),
    { debug: channel },
  );
  watcher.end();
  return { result, pauses, answers, outputAtPause, output: output.map((c) => c.text).join('') };
}

const local = (pause: DebugPause | undefined, name: string) => pause?.locals.rows.find((r) => r.name === name)?.repr;

const rows = (a: DebugAnswer | undefined) => (a?.ok && 'rows' in a.value ? a.value.rows : []);
const names = (a: DebugAnswer | undefined) => rows(a).map((r) => r.name);

const LOOP = ['total = 0', 'for i in range(10):', '    total += i', '    print(i)', 'done = True'].join('\n');

describe('the step debugger (real Pyodide in Node)', () => {
  it('stops at a breakpoint with the locals, steps over, and continues to the next hit', async () => {
    const bp = [{ file: 'main.py', line: 3 }];
    const { result, pauses, outputAtPause } = await debug(LOOP, bp, (_p, i) =>
      i === 0 ? [resume('step-over', bp)] : i === 1 ? [resume('continue', bp)] : [resume('continue', [])],
    );
    expect(result.status).toBe('ok');
    expect(pauses.map((p) => [p.file, p.line, p.reason])).toEqual([
      ['main.py', 3, 'breakpoint'],
      ['main.py', 4, 'step'],
      ['main.py', 3, 'breakpoint'],
    ]);
    expect(local(pauses[0], 'i')).toBe('0');
    expect(local(pauses[2], 'i')).toBe('1');
    expect(pauses[0]?.frames).toEqual([{ name: '<module>', file: 'main.py', line: 3 }]);
    // Output printed before a pause is out before it.
    expect(outputAtPause[2]).toBe('0\n');
  });

  it('a conditional breakpoint stops only where its condition holds', async () => {
    const bp = [{ file: 'main.py', line: 3, condition: 'i == 5' }];
    const { result, pauses } = await debug(LOOP, bp, () => [resume('continue', bp)]);
    expect(result.status).toBe('ok');
    expect(pauses).toHaveLength(1);
    expect(local(pauses[0], 'i')).toBe('5');
  });

  it('a condition that raises stops there and says why', async () => {
    const bp = [{ file: 'main.py', line: 3, condition: 'missing > 1' }];
    const { pauses } = await debug(LOOP, bp, () => [resume('continue', [])]);
    expect(pauses[0]?.reason).toBe('condition-error');
    expect(pauses[0]?.message).toMatch(/NameError/);
  });

  it('evaluates expressions and statements in the frame, lists names, and bounds an expression that loops', async () => {
    const code = ['def spin():', '    while True:', '        pass', ...LOOP.split('\n')].join('\n');
    const bp = [{ file: 'main.py', line: 6, condition: 'i == 5' }];
    const { answers, result } = await debug(code, bp, () => [
      { kind: 'evaluate', requestId: 1, frame: 0, expression: 'i * 2' },
      { kind: 'evaluate', requestId: 2, frame: 0, expression: 'total = -100' },
      { kind: 'variables', requestId: 3, frame: 0, scope: 'locals', request: { name: null, path: [], offset: 0 } },
      { kind: 'evaluate', requestId: 4, frame: 0, expression: 'spin()' },
      { kind: 'evaluate', requestId: 5, frame: 0, expression: '1 +' },
      resume('continue', []),
    ]);
    expect(answers[0]).toMatchObject({ ok: true, value: { name: 'i * 2', repr: '10', type: 'int' } });
    expect(answers[1]).toMatchObject({ ok: true, value: { repr: '(done)' } });
    expect(names(answers[2])).toContain('total');
    expect(rows(answers[2]).find((r) => r.name === 'total')?.repr).toBe('-100');
    expect(answers[3]).toMatchObject({ ok: false, error: expect.stringMatching(/took over 2 s/) });
    expect(answers[4]).toMatchObject({ ok: false, error: expect.stringMatching(/SyntaxError/) });
    // The assignment made in the frame is what the program went on with: -100 + 5 + ... + 9.
    expect(result.status).toBe('ok');
    expect(rt.namespace.get('total')).toBe(-100 + 5 + 6 + 7 + 8 + 9);
  }, 30_000);

  it('a __repr__ that loops cannot hold a pause: the names are listed without it', async () => {
    const code = [
      'class Forever:',
      '    def __repr__(self):',
      '        while True:',
      '            pass',
      'f = Forever()',
      'n = 1',
      'm = 2',
    ].join('\n');
    const { pauses, result } = await debug(code, [{ file: 'main.py', line: 7 }], () => [resume('continue', [])], {
      freshNamespace: true,
    });
    expect(result.status).toBe('ok');
    expect(pauses[0]?.locals.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Forever', 'f', 'n']));
    expect(local(pauses[0], 'f')).toMatch(/not summarised/);
  }, 30_000);

  it('steps into a function in another project file and out again', async () => {
    syncProjectFiles(rt, [{ path: 'calc.py', content: 'def add(a, b):\n    result = a + b\n    return result\n' }]);
    const code = ['import calc', 'x = calc.add(1, 2)', 'y = x * 10'].join('\n');
    const bp = [{ file: 'main.py', line: 2 }];
    const { pauses, result } = await debug(code, bp, (_p, i) =>
      i === 0 ? [resume('step-into', bp)] : i === 1 ? [resume('step-out', bp)] : [resume('continue', bp)],
    );
    expect(result.status).toBe('ok');
    expect(pauses.map((p) => [p.file, p.line])).toEqual([
      ['main.py', 2],
      ['calc.py', 2],
      ['main.py', 3],
    ]);
    expect(pauses[1]?.frames.map((f) => [f.name, f.file, f.line])).toEqual([
      ['add', 'calc.py', 2],
      ['<module>', 'main.py', 2],
    ]);
    expect(local(pauses[1], 'a')).toBe('1');
  });

  it('lists a caller frame’s names and its globals', async () => {
    const code = ['def inner(n):', '    return n + 1', 'def outer(m):', '    k = m * 2', '    return inner(k)', 'outer(4)'].join('\n');
    const { answers } = await debug(code, [{ file: 'main.py', line: 2 }], () => [
      { kind: 'variables', requestId: 1, frame: 1, scope: 'locals', request: { name: null, path: [], offset: 0 } },
      { kind: 'variables', requestId: 2, frame: 0, scope: 'globals', request: { name: null, path: [], offset: 0 } },
      { kind: 'variables', requestId: 3, frame: 7, scope: 'locals', request: { name: null, path: [], offset: 0 } },
      resume('continue', []),
    ]);
    expect(names(answers[0])).toEqual(['m', 'k']);
    expect(names(answers[1])).toEqual(expect.arrayContaining(['inner', 'outer']));
    expect(answers[2]).toMatchObject({ ok: false, error: expect.stringMatching(/frame is gone/) });
  });

  it('Stop while paused ends the run as stopped and the interpreter goes on working', async () => {
    const { result, pauses } = await debug(LOOP, [{ file: 'main.py', line: 3 }], () => []);
    expect(pauses).toHaveLength(1);
    expect(result.status).toBe('stopped');
    Atomics.store(interrupt, 0, 0);
    const next = await runCode(rt, 'print(total)', { ...DEFAULT_RUN_OPTIONS }, interrupt, () => undefined);
    expect(next.status).toBe('ok');
  });

  it('the memory and output limits hold in a debug run', async () => {
    const bp = [{ file: 'main.py', line: 2 }];
    const memory = await debug('x = 1\nblock = bytearray(400 * 2**20)\n', bp, () => [resume('continue', bp)], { maxMemoryMB: 256 });
    expect(memory.pauses).toHaveLength(1);
    expect(memory.result.status).toBe('memory');
    const output = await debug('x = 1\nfor i in range(5000):\n    print("line", i)\n', bp, () => [resume('continue', bp)], {
      maxOutputChars: 1000,
    });
    expect(output.result.status).toBe('ok');
    expect(output.result.metrics.truncated).toBe(true);
    expect(output.output.length).toBeLessThan(1500);
  });

  it('run to cursor: a temporary breakpoint stops once', async () => {
    const { pauses } = await debug(LOOP, [{ file: 'main.py', line: 4, temporary: true }], (p) => [
      resume(
        'continue',
        [{ file: 'main.py', line: 4, temporary: true }].filter(() => p.line !== 4),
      ),
    ]);
    expect(pauses).toHaveLength(1);
  });

  it('a run without the debugger channel ignores breakpoints, and a normal run pays nothing', async () => {
    const result = await runCode(
      rt,
      LOOP,
      { ...DEFAULT_RUN_OPTIONS, debug: { breakpoints: [{ file: 'main.py', line: 3 }] } },
      interrupt,
      () => undefined,
    );
    expect(result.status).toBe('ok');
    const sys = rt.pyodide.pyimport('sys');
    expect(sys.monitoring.get_tool(sys.monitoring.DEBUGGER_ID)).toBeUndefined();
    sys.destroy();
  });

  it('debugs one pytest test, stopping in the code under test', async () => {
    const files = [
      { path: 'calculator.py', content: 'def add(a, b):\n    total = a + b\n    return total\n' },
      { path: 'test_calculator.py', content: 'from calculator import add\n\ndef test_add():\n    assert add(2, 3) == 5\n' },
    ];
    syncProjectFiles(rt, files);
    await ensureTestPackages(rt, false, () => undefined); // the worker does it before a test's debug run
    const { pauses, result, output } = await debug(
      files[1]?.content ?? '',
      [{ file: 'calculator.py', line: 3 }],
      () => [resume('continue', [])],
      { filename: 'test_calculator.py', debug: { breakpoints: [], test: 'test_calculator.py::test_add' } },
    );
    expect(pauses[0]).toMatchObject({ file: 'calculator.py', line: 3 });
    expect(local(pauses[0], 'total')).toBe('5');
    expect(pauses[0]?.frames.map((f) => f.name)).toEqual(['add', 'test_add']);
    expect(result.status).toBe('ok');
    expect(output).toMatch(/1 passed/);
  }, 60_000);

  it('with stopOnFailure, a failing test stops at its assertion with the locals, and goes on to fail', async () => {
    const files = [
      { path: 'calc.py', content: 'def mul(a, b):\n    return a + b\n' },
      { path: 'test_calc.py', content: 'from calc import mul\n\ndef test_mul():\n    got = mul(2, 3)\n    assert got == 6\n' },
    ];
    syncProjectFiles(rt, files);
    await ensureTestPackages(rt, false, () => undefined);
    const { pauses, result, output } = await debug(files[1]?.content ?? '', [], () => [resume('step-over', [])], {
      filename: 'test_calc.py',
      debug: { breakpoints: [], test: 'test_calc.py::test_mul', stopOnFailure: true },
    });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({ reason: 'exception', file: 'test_calc.py', line: 5 });
    expect(pauses[0]?.message).toMatch(/^AssertionError/);
    expect(local(pauses[0], 'got')).toBe('5');
    // pytest's assertion-rewriting temporaries (@py_assert1, ...) are not the test's names.
    expect(pauses[0]?.locals.rows.map((r) => r.name)).toEqual(['got']);
    expect(pauses[0]?.frames).toEqual([{ name: 'test_mul', file: 'test_calc.py', line: 5 }]);
    // Stepping from where it failed goes on: the test fails as it would have.
    expect(result.status).toBe('error');
    expect(output).toMatch(/1 failed/);
  }, 60_000);

  it('with stopOnFailure, code stops at the line that raised, innermost frame first, and evaluates there', async () => {
    const code = ['def div(a, b):', '    q = a / b', '    return q', '', 'x = 7', 'div(x, 0)'].join('\n');
    const { pauses, answers, result } = await debug(
      code,
      [],
      (_p) => [{ kind: 'evaluate', requestId: 1, frame: 1, expression: 'x * 2' }, resume('continue', [])],
      { debug: { breakpoints: [], stopOnFailure: true } },
    );
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({ reason: 'exception', file: 'main.py', line: 2, message: 'ZeroDivisionError: division by zero' });
    expect(pauses[0]?.frames).toEqual([
      { name: 'div', file: 'main.py', line: 2 },
      { name: '<module>', file: 'main.py', line: 6 },
    ]);
    expect(local(pauses[0], 'b')).toBe('0');
    expect(answers[0]).toMatchObject({ ok: true, value: { repr: '14' } });
    expect(result.error?.type).toBe('ZeroDivisionError');
  });

  it('without stopOnFailure, a raising program ends without a pause', async () => {
    const { pauses, result } = await debug('1 / 0', [], () => [resume('continue', [])]);
    expect(pauses).toHaveLength(0);
    expect(result.error?.type).toBe('ZeroDivisionError');
  });
});
