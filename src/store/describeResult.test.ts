import { describe, expect, it } from 'vitest';
import { makeResult } from '../testing/makeResult.ts';
import { describeResult } from './describeResult.ts';

const limits = { timeoutSeconds: 30, maxMemoryMB: 256 };

describe('describeResult', () => {
  it('explains a MemoryError in the wasm heap, with what happened to the variables', () => {
    const r = makeResult({ status: 'memory', success: false, error: { type: 'MemoryError', message: '', traceback: '', line: 1 } });
    expect(describeResult(r, limits)).toMatch(/memory limit of 256 MB \(MemoryError\)\. Variables were kept\./);
  });

  it('passes on what the frame measured when JavaScript memory was the cause', () => {
    const message =
      'JavaScript memory of 600 MB (objects made through the js module) passed the memory limit of 256 MB, so the interpreter was replaced.';
    const r = makeResult({
      status: 'memory',
      success: false,
      stateKept: false,
      error: { type: 'MemoryError', message, traceback: '', line: null },
    });
    expect(describeResult(r, limits)).toBe(`Stopped: ${message} Raise the limit in Settings or hold less.`);
  });

  it("passes on the worker's refusal of a large JavaScript allocation", () => {
    const message =
      'JavaScript memory of 300 MB asked for through js (ArrayBuffers and typed arrays) would pass the memory limit of 256 MB, so the allocation was refused. Variables were kept.';
    const r = makeResult({ status: 'memory', success: false, error: { type: 'MemoryError', message, traceback: '', line: 2 } });
    expect(describeResult(r, limits)).toBe(`Stopped: ${message} Raise the limit in Settings or hold less.`);
  });
});
