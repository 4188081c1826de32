import { describe, expect, it } from 'vitest';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import { isInterrupt, stoppedResult } from './stoppedResult.ts';

describe('stoppedResult', () => {
  it('recognises a KeyboardInterrupt raised into JavaScript, and nothing else', async () => {
    const rt = await loadTestRuntime();
    const caught = (code: string) => {
      try {
        rt.pyodide.runPython(code);
      } catch (err) {
        return err;
      }
      return null;
    };
    expect(isInterrupt(caught('raise KeyboardInterrupt'))).toBe(true);
    expect(isInterrupt(caught('raise ValueError("x")'))).toBe(false);
    expect(isInterrupt(new Error('Pyodide has suffered a fatal error'))).toBe(false);
    expect(stoppedResult()).toMatchObject({ status: 'stopped', success: false, stateKept: true });
  });
});
