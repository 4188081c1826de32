import { describe, expect, it } from 'vitest';
import { parseFrameMessage } from '../protocol/pageFrame.ts';
import { makeResult } from '../testing/makeResult.ts';
import { fitRunResult, MAX_RESULT_TEXT_CHARS } from './fitRunResult.ts';

const accepted = (result: unknown) => parseFrameMessage({ type: 'result', id: 1, result }) !== null;

describe('fitRunResult', () => {
  it('passes an ordinary result through unchanged', () => {
    const result = makeResult({ value: '42' });
    expect(fitRunResult(result)).toEqual(result);
  });

  it('cuts an exception message over the page message cap, with a marker, so the page accepts it', () => {
    const huge = makeResult({
      success: false,
      status: 'error',
      error: { type: 'ValueError', message: 'x'.repeat(3_000_000), traceback: 'tb', line: 1 },
    });
    expect(accepted(huge)).toBe(false);
    const fitted = fitRunResult(huge);
    expect(accepted(fitted)).toBe(true);
    expect(fitted.error?.message).toHaveLength(MAX_RESULT_TEXT_CHARS + '… [cut: too long to show]'.length);
    expect(fitted.error?.message.endsWith('[cut: too long to show]')).toBe(true);
    expect(fitted.status).toBe('error');
  });

  it('makes numbers finite and the line an integer (a program can patch the clocks it is measured with)', () => {
    const r = makeResult();
    const broken = {
      ...r,
      metrics: { ...r.metrics, wallMs: Number.NaN, cpuMs: Infinity, cpuPercent: Number.NaN },
      error: { type: 'E', message: 'm', traceback: '', line: 2.5 },
    };
    const fitted = fitRunResult(broken);
    expect(accepted(fitted)).toBe(true);
    expect(fitted.metrics).toMatchObject({ wallMs: 0, cpuMs: 0, cpuPercent: 0 });
    expect(fitted.error?.line).toBeNull();
  });

  it('turns what is not a result at all into an error result that says why', () => {
    for (const junk of [null, 'FAKE', { success: 'yes' }]) {
      const fitted = fitRunResult(junk);
      expect(accepted(fitted)).toBe(true);
      expect(fitted).toMatchObject({ success: false, status: 'error', stateKept: false, error: { type: 'ResultRefused' } });
      expect(fitted.error?.message).toMatch(/^The program's result could not be shown \(.+\)\. Python was restarted/);
    }
  });
});
