import { describe, expect, it } from 'vitest';
import { makeResult } from '../../testing/makeResult.ts';
import { firstSentence, runHeadline, summarizeRun } from './runSummary.ts';

describe('summarizeRun', () => {
  it('tells the model which rich outputs a run produced, without their bytes', () => {
    const table = { kind: 'result' as const, data: { 'text/html': '<table><tr><td>1</td></tr></table>', 'text/plain': 'T' } };
    const summary = summarizeRun(makeResult({ displays: [table] }), null);
    expect(summary.displays).toHaveLength(1);
    expect(summary.displays[0]).toMatch(/text\/html/);
    expect(JSON.stringify(summary)).not.toContain('<table>');
  });

  it('never cuts a headline mid-word: the first sentence, or a word boundary with an ellipsis', () => {
    const long = `No module named 'numpy'. numpy could not be downloaded from the package CDN (https://cdn.example/${'x'.repeat(300)}): it is not available offline.`;
    const headline = runHeadline(
      makeResult({ success: false, status: 'error', error: { type: 'ModuleNotFoundError', message: long, traceback: '', line: 1 } }),
    );
    expect(headline).toBe("Failed with ModuleNotFoundError: No module named 'numpy'.");
    expect(firstSentence('word '.repeat(100), 50)).toMatch(/^(word )*word…$/);
    expect(firstSentence('short\nsecond line', 50)).toBe('short');
  });
});
