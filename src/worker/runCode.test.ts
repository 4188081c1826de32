import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { OutputChunk, RunOptions } from '../protocol/results.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';
import { installAllocationGuard } from './createAllocationGuard.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

async function run(code: string, options: Partial<RunOptions> = {}) {
  const batches: OutputChunk[][] = [];
  const result = await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, ...options }, interrupt, (c) => batches.push(c));
  return { result, batches };
}

beforeAll(async () => {
  rt = await loadTestRuntime();
  rt.pyodide.setInterruptBuffer(interrupt);
  (globalThis as { interruptBuffer?: Int32Array }).interruptBuffer = interrupt;
});

describe('runCode (real Pyodide in Node)', () => {
  it('captures stdout and stderr in order and the trailing expression', async () => {
    const { result } = await run('import sys\nprint("a")\nprint("b", file=sys.stderr)\nprint("c")\n6 * 7');
    expect(result.status).toBe('ok');
    expect(result.output).toEqual([
      { stream: 'stdout', text: 'a\n' },
      { stream: 'stderr', text: 'b\n' },
      { stream: 'stdout', text: 'c\n' },
    ]);
    expect(result.stdout).toBe('a\nc\n');
    expect(result.value).toBe('42');
  });

  it('keeps state across runs', async () => {
    await run('x = 41');
    expect((await run('print(x + 1)')).result.stdout).toBe('42\n');
  });

  it('supports top-level await', async () => {
    const { result } = await run('import asyncio\nawait asyncio.sleep(0.01)\nprint("after")\nx + 1');
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('after\n');
    expect(result.value).toBe('42');
  });

  it('reports errors with type, message, user traceback and line', async () => {
    const { result } = await run('def f():\n    return 1 / 0\n\nf()');
    expect(result.status).toBe('error');
    expect(result.error?.type).toBe('ZeroDivisionError');
    expect(result.error?.line).toBe(2);
    expect(result.error?.traceback).toContain('File "main.py", line 2, in f');
    expect(result.error?.traceback).toContain('return 1 / 0');
    expect(result.error?.traceback).not.toContain('_executor');
  });

  it('reports syntax errors with their line', async () => {
    const { result } = await run('x = 1\nif x\n    pass');
    expect(result.error?.type).toBe('SyntaxError');
    expect(result.error?.line).toBe(2);
  });

  it('holds the output cap and counts what was dropped', async () => {
    const { result } = await run('for i in range(10000): print(i)', { maxOutputChars: 100 });
    expect(result.metrics.truncated).toBe(true);
    expect(result.stdout.length).toBe(100);
    expect(result.metrics.outputChars).toBe(48890);
  });

  it('turns a blown memory limit into status memory and keeps working', async () => {
    const { result } = await run('big = bytearray(300 * 2**20)', { maxMemoryMB: 256 });
    expect(result.status).toBe('memory');
    expect(result.error?.type).toBe('MemoryError');
    expect((await run('print("still alive")')).result.stdout).toBe('still alive\n');
  });

  it('treats sys.exit(0) as success and sys.exit(3) as failure', async () => {
    expect((await run('import sys\nsys.exit(0)')).result.status).toBe('ok');
    expect((await run('import sys\nsys.exit(3)')).result.status).toBe('error');
  });

  it('stops on the interrupt buffer with KeyboardInterrupt and keeps variables', async () => {
    await run('kept = "yes"');
    // The program sets the interrupt itself (through js), as the frame would from outside.
    const { result } = await run('import js\nn = 0\nwhile True:\n    n += 1\n    if n == 1000: js.Atomics.store(js.interruptBuffer, 0, 2)');
    expect(result.status).toBe('stopped');
    expect(result.error?.type).toBe('KeyboardInterrupt');
    expect((await run('print(kept)')).result.stdout).toBe('yes\n');
  });

  it('ends a run with status memory when the allocation guard refuses a buffer, even one the program caught', async () => {
    const allocations = installAllocationGuard();
    const code = [
      'import js',
      'small = js.Uint8Array.new(10 * 2**20)',
      'try:',
      '    big = js.Float64Array.new(10 * 2**20)',
      'except Exception as e:',
      '    print("refused:", "MemoryError" in str(e))',
    ].join('\n');
    const result = await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, maxMemoryMB: 64 }, interrupt, () => undefined, { allocations });
    expect(result.stdout).toBe('refused: True\n');
    expect(result.status).toBe('memory');
    expect(result.error?.message).toMatch(
      /^JavaScript memory of 90 MB asked for through js .* memory limit of 64 MB, so the allocation was refused/,
    );
    // The next run, within its limit, works; outside runs nothing is refused.
    const next = await runCode(rt, 'print(len(small))', { ...DEFAULT_RUN_OPTIONS, maxMemoryMB: 64 }, interrupt, () => undefined, {
      allocations,
    });
    expect(next.status).toBe('ok');
    expect(next.stdout).toBe(`${10 * 2 ** 20}\n`);
  });
});
