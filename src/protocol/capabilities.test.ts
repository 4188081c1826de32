import { describe, expect, it } from 'vitest';
import { detectCapabilities, reducedCapabilitiesNotice } from './capabilities.ts';

describe('detectCapabilities', () => {
  it('has shared memory when isolated with SharedArrayBuffer and Atomics', () => {
    expect(detectCapabilities({ SharedArrayBuffer, Atomics, crossOriginIsolated: true })).toEqual({ sharedMemory: true, reason: null });
    // Node and workers without the flag: what counts is that the buffer can be made.
    expect(detectCapabilities({ SharedArrayBuffer, Atomics })).toEqual({ sharedMemory: true, reason: null });
  });

  it('says why when it is missing', () => {
    expect(detectCapabilities({ SharedArrayBuffer, Atomics, crossOriginIsolated: false }).reason).toMatch(/not cross-origin isolated/);
    expect(detectCapabilities({ Atomics }).reason).toMatch(/no SharedArrayBuffer/);
    expect(detectCapabilities({ SharedArrayBuffer }).reason).toMatch(/no Atomics/);
    const refusing = function () {
      throw new Error('denied');
    };
    expect(detectCapabilities({ SharedArrayBuffer: refusing, Atomics }).reason).toMatch(/refused.*denied/);
  });

  it('the notice names what is reduced and what to do', () => {
    const text = reducedCapabilitiesNotice('no SharedArrayBuffer');
    for (const part of ['Stop', 'input()', 'debugger', 'headers']) expect(text).toContain(part);
  });
});
