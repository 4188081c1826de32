import { describe, expect, it } from 'vitest';
import { explainRefusal } from './explainRefusal.ts';

describe('explainRefusal', () => {
  it('names the request a refused message answers and why it was refused', () => {
    expect(explainRefusal({ type: 'result', id: 7, result: { success: 'yes' } })).toMatchObject({
      type: 'result',
      id: 7,
      reason: expect.stringMatching(/^result\.success: /),
    });
    expect(explainRefusal({ type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'x'.repeat(2_100_000) }] })).toEqual({
      type: 'output',
      id: 3,
      reason: "it is 2,100,065 characters, over the page's 2,000,000-character message limit",
    });
    expect(explainRefusal('nonsense')).toMatchObject({ type: null, id: null });
  });
});
