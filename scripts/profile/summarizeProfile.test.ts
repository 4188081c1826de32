import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from './summarizeProfile.ts';

describe('summarizeProfile', () => {
  it('adds each sample’s time to its function, merging a function’s nodes, most self time first', () => {
    const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('render', 'http://x/assets/main-1.js?v=2', 9) },
        { id: 3, callFrame: frame('render', 'http://x/assets/main-1.js?v=2', 9) },
        { id: 4, callFrame: frame('') },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 3, 4, 2],
      timeDeltas: [0, 1000, 2000, 3000],
    };
    expect(summarizeProfile(profile, 5)).toEqual([
      { name: 'render', where: 'main-1.js:10', selfMs: 3, share: 0.3 },
      { name: '(anonymous)', where: '', selfMs: 3, share: 0.3 },
    ]);
    expect(summarizeProfile(profile, 1)).toHaveLength(1);
  });
});
