import { describe, expect, it } from 'vitest';
import { makeResult } from '../../testing/makeResult.ts';
import { summarizeRun } from './runSummary.ts';

describe('summarizeRun', () => {
  it('tells the model which rich outputs a run produced, without their bytes', () => {
    const table = { kind: 'result' as const, data: { 'text/html': '<table><tr><td>1</td></tr></table>', 'text/plain': 'T' } };
    const summary = summarizeRun(makeResult({ displays: [table] }), null);
    expect(summary.displays).toHaveLength(1);
    expect(summary.displays[0]).toMatch(/text\/html/);
    expect(JSON.stringify(summary)).not.toContain('<table>');
  });
});
