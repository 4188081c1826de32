import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { DisplayData, OutputChunk, RunOptions } from '../protocol/results.ts';
import { createStdinBuffer, writeStdin } from '../protocol/stdinBuffer.ts';
import { SIGINT } from '../protocol/frameWorker.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

/** Runs code; `answers` plays the user: each input request gets the next answer written into the buffer. */
async function run(code: string, options: Partial<RunOptions> = {}, answers: Array<string | null> = []) {
  const displays: DisplayData[] = [];
  const output: OutputChunk[] = [];
  const stdinBuffer = createStdinBuffer();
  let requests = 0;
  const outputAtRequest: string[] = [];
  const result = await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, ...options }, interrupt, (c) => output.push(...c), {
    sendDisplay: (d) => displays.push(d),
    stdinBuffer,
    requestInput: () => {
      outputAtRequest.push(output.map((c) => c.text).join(''));
      const answer = answers[requests++];
      if (answer === 'STOP') Atomics.store(interrupt, 0, SIGINT);
      else if (answer !== undefined) writeStdin(stdinBuffer, answer);
      else writeStdin(stdinBuffer, null);
    },
  });
  return { result, displays, requests, outputAtRequest };
}

beforeAll(async () => {
  rt = await loadTestRuntime();
  rt.pyodide.setInterruptBuffer(interrupt);
});

const ASK_TWO = 'a = int(input("First? "))\nb = int(input("Second? "))\nprint(a + b)';

describe('input() (real Pyodide in Node)', () => {
  it('asks for each line after flushing the prompt, and continues with it', async () => {
    const { result, requests, outputAtRequest } = await run(ASK_TWO, {}, ['3', '4']);
    expect(result.status).toBe('ok');
    expect(requests).toBe(2);
    expect(outputAtRequest).toEqual(['First? ', 'First? Second? ']);
    expect(result.stdout).toBe('First? Second? 7\n');
  });

  it('reads pre-filled stdin without asking, then reaches end of file', async () => {
    const { result, requests } = await run(ASK_TWO, { stdin: '20\n22\n' });
    expect(requests).toBe(0);
    expect(result.stdout).toBe('First? Second? 42\n');
    const eof = await run('import sys\nprint(repr(sys.stdin.read()))\ninput()', { stdin: 'x\ny' });
    expect(eof.result.stdout).toBe("'x\\ny'\n");
    expect(eof.result.error?.type).toBe('EOFError');
  });

  it('raises EOFError when the user ends the input, and sys.stdin reads lines', async () => {
    const { result } = await run('import sys\nfor line in sys.stdin:\n    print("got", line.strip())\ninput()', {}, ['a', 'b', null, null]);
    expect(result.stdout).toBe('got a\ngot b\n');
    expect(result.error?.type).toBe('EOFError');
  });

  it('turns Stop while waiting into KeyboardInterrupt, and the next run works', async () => {
    const { result } = await run(ASK_TWO, {}, ['1', 'STOP']);
    expect(result.status).toBe('stopped');
    expect(result.error?.type).toBe('KeyboardInterrupt');
    expect(Atomics.load(interrupt, 0)).toBe(0);
    expect((await run(ASK_TWO, {}, ['1', '2'])).result.stdout).toContain('3\n');
  });
});
