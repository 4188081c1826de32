import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseInterpreters, MS_PER_EXTRA_INTERPRETER } from './chooseInterpreters.ts';
import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';

describe('chooseInterpreters', () => {
  it('uses one interpreter on a first run, before any time is known', () => {
    expect(chooseInterpreters({ cores: 16, lastRunMs: null, files: 100 })).toBe(1);
  });

  it('uses one on two cores, whatever the suite (two were slower than one there)', () => {
    expect(chooseInterpreters({ cores: 2, lastRunMs: 600_000, files: 100 })).toBe(1);
  });

  it('uses one for a short suite or a single file, however many cores', () => {
    expect(chooseInterpreters({ cores: 16, lastRunMs: MS_PER_EXTRA_INTERPRETER - 1, files: 100 })).toBe(1);
    expect(chooseInterpreters({ cores: 16, lastRunMs: 600_000, files: 1 })).toBe(1);
  });

  it('adds interpreters as the suite grows, up to the cores but one and the number of files', () => {
    expect(chooseInterpreters({ cores: 8, lastRunMs: 2 * MS_PER_EXTRA_INTERPRETER, files: 100 })).toBe(2);
    expect(chooseInterpreters({ cores: 8, lastRunMs: 600_000, files: 100 })).toBe(7);
    expect(chooseInterpreters({ cores: 8, lastRunMs: 600_000, files: 3 })).toBe(3);
  });

  it('treats a hidden core count (0) as two', () => {
    expect(chooseInterpreters({ cores: 0, lastRunMs: 600_000, files: 100 })).toBe(1);
  });

  it('always answers a whole number from 1 to the cap, never over cores - 1 when there are 2 or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 256 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        fc.integer({ min: 0, max: 10_000 }),
        (cores, lastRunMs, files) => {
          const n = chooseInterpreters({ cores, lastRunMs, files });
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(MAX_TEST_WORKERS);
          if (cores >= 2) expect(n).toBeLessThanOrEqual(cores - 1);
        },
      ),
    );
  });
});
