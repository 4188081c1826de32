import { describe, expect, it } from 'vitest';
import { startupProblem } from './startupProblem.ts';

describe('startupProblem', () => {
  it('tells a frame that never answered from a Python that is slow to start, and says what to do', () => {
    expect(startupProblem(false, 'Starting Python', 90_000)).toMatch(/did not load after 90 s: its frame never answered.*reload/);
    const slow = startupProblem(true, 'Loading the standard library', 90_000);
    expect(slow).toContain('has not become ready after 90 s (Loading the standard library)');
    expect(slow).toContain('try another browser');
  });
});
