import { describe, expect, it } from 'vitest';
import { fileDurationsOf, splitTests } from './splitTests.ts';

// a.py and b.py: three quick tests each; c.py: one slow test; d.py: one quick test.
const IDS = ['a.py::1', 'a.py::2', 'a.py::3', 'b.py::1', 'b.py::2', 'b.py::3', 'c.py::slow', 'd.py::1'];

describe('splitTests', () => {
  it('without times, balances test counts by file, largest first', () => {
    expect(splitTests(IDS, 2)).toEqual([
      ['a.py::1', 'a.py::2', 'a.py::3', 'c.py::slow'],
      ['b.py::1', 'b.py::2', 'b.py::3', 'd.py::1'],
    ]);
  });

  it("with the last run's times, balances time: the slow file gets an interpreter of its own", () => {
    const durations = new Map([
      ['a.py', 100],
      ['b.py', 100],
      ['c.py', 900],
      ['d.py', 100],
    ]);
    expect(splitTests(IDS, 2, durations)).toEqual([
      ['c.py::slow'],
      ['a.py::1', 'a.py::2', 'a.py::3', 'b.py::1', 'b.py::2', 'b.py::3', 'd.py::1'],
    ]);
  });

  it('weighs a file not timed yet by the mean time of a test', () => {
    // a.py 300 ms for three tests and c.py 50 for one: 87.5 a test, so b.py counts 262.5 and d.py 87.5.
    const split = splitTests(
      IDS,
      2,
      new Map([
        ['a.py', 300],
        ['c.py', 50],
      ]),
    );
    expect(split).toEqual([
      ['a.py::1', 'a.py::2', 'a.py::3', 'c.py::slow'],
      ['b.py::1', 'b.py::2', 'b.py::3', 'd.py::1'],
    ]);
    // d.py timed at 400 ms: 150 a test now, b.py counts 450 and goes first, with c.py; a.py joins d.py.
    expect(
      splitTests(
        IDS,
        2,
        new Map([
          ['a.py', 300],
          ['c.py', 50],
          ['d.py', 400],
        ]),
      ),
    ).toEqual([
      ['b.py::1', 'b.py::2', 'b.py::3', 'c.py::slow'],
      ['a.py::1', 'a.py::2', 'a.py::3', 'd.py::1'],
    ]);
  });

  it('splits by test when there are fewer files than interpreters, and keeps collection order', () => {
    expect(splitTests(['a.py::1', 'a.py::2', 'a.py::3'], 2)).toEqual([['a.py::1', 'a.py::2'], ['a.py::3']]);
    expect(splitTests([], 3)).toEqual([]);
    expect(splitTests(IDS, 1)).toEqual([IDS]);
  });
});

describe('fileDurationsOf', () => {
  it("adds up each file's tests", () => {
    const records = [
      { nodeId: 'a.py::1', durationMs: 2 },
      { nodeId: 'a.py::2', durationMs: 3 },
      { nodeId: 'b.py', durationMs: 7 },
    ];
    expect(fileDurationsOf(records)).toEqual(
      new Map([
        ['a.py', 5],
        ['b.py', 7],
      ]),
    );
  });
});
