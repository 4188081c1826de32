import { describe, expect, it } from 'vitest';
import { checkFrameMessage, MAX_FRAME_MESSAGE_CHARS, parseFrameMessage } from '../protocol/pageFrame.ts';
import { createMessageAssembler, messagePageSchema, pagesOf } from '../protocol/messagePages.ts';
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

  it('keeps a profile larger than one message: the result goes to the page in pages and comes back whole', () => {
    const fn = (i: number) => ({
      key: `/home/pyodide/main.py:${i}(f${i})`,
      name: `f${i}`,
      file: '/home/pyodide/main.py',
      line: i,
      calls: 1,
      primitiveCalls: 1,
      ownMs: 1,
      cumMs: 1,
      callers: Array.from({ length: 300 }, (_, j) => ({
        key: `/home/pyodide/${'x'.repeat(40)}.py:${j}(g${j})`,
        calls: 1,
        ownMs: 1,
        cumMs: 1,
      })),
    });
    const profile = {
      roots: ['/home/pyodide/main.py:1(<module>)'],
      totalMs: 300,
      functions: Array.from({ length: 300 }, (_, i) => fn(i)),
      omitted: 0,
    };
    const result = makeResult({ profile });
    expect(JSON.stringify(result).length).toBeGreaterThan(MAX_FRAME_MESSAGE_CHARS);
    const fitted = fitRunResult(result);
    expect(fitted.profile).toEqual(profile);
    const pages = pagesOf({ type: 'result' as const, id: 7, result: fitted }, MAX_FRAME_MESSAGE_CHARS);
    expect(pages.length).toBeGreaterThan(1);
    const assembler = createMessageAssembler();
    const outcomes = pages.map((p) => assembler.add(messagePageSchema.parse(p)));
    const last = outcomes.at(-1);
    expect(last?.kind).toBe('whole');
    expect(last?.kind === 'whole' && checkFrameMessage(last.data)).toMatchObject({ type: 'result', id: 7, result: { profile } });
  });

  it('drops only the profile of a result over what pages may carry', () => {
    const result = makeResult({ profile: { roots: [], totalMs: 0, functions: [], omitted: 0 }, value: 'v'.repeat(1000) });
    const { profile: _profile, ...lean } = result;
    const fitted = fitRunResult(result, JSON.stringify(lean).length + 10);
    expect(fitted.profile).toBeUndefined();
    expect(fitted.value).toBe('v'.repeat(1000));
  });
});
