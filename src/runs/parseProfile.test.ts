import { describe, expect, it } from 'vitest';
import type { RawProfile } from '../protocol/profileProtocol.ts';
import { parseProfile } from './parseProfile.ts';

// The shape the worker sends for the seed's bubble sort (times in ms).
const RAW: RawProfile = {
  roots: ['main.py:1(<module>)'],
  totalMs: 200,
  omitted: 0,
  functions: [
    {
      key: 'main.py:1(<module>)',
      name: '<module>',
      file: 'main.py',
      line: 1,
      calls: 1,
      primitiveCalls: 1,
      ownMs: 4,
      cumMs: 200,
      callers: [],
    },
    {
      key: 'main.py:1(bubble_sort)',
      name: 'bubble_sort',
      file: 'main.py',
      line: 1,
      calls: 4,
      primitiveCalls: 4,
      ownMs: 190,
      cumMs: 195,
      callers: [{ key: 'main.py:1(<module>)', calls: 4, ownMs: 190, cumMs: 195 }],
    },
    {
      key: '~:0(<built-in method builtins.len>)',
      name: 'built-in method builtins.len',
      file: '~',
      line: 0,
      calls: 4,
      primitiveCalls: 4,
      ownMs: 5,
      cumMs: 5,
      callers: [{ key: 'main.py:1(bubble_sort)', calls: 4, ownMs: 5, cumMs: 5 }],
    },
    {
      key: '~:0(<built-in method builtins.print>)',
      name: 'built-in method builtins.print',
      file: '~',
      line: 0,
      calls: 4,
      primitiveCalls: 4,
      ownMs: 1,
      cumMs: 1,
      callers: [{ key: 'main.py:1(<module>)', calls: 4, ownMs: 1, cumMs: 1 }],
    },
  ],
};

describe('parseProfile', () => {
  it("orders functions by own time with their share of the total, under the seed's names too", () => {
    const report = parseProfile(RAW);
    expect(report.topFunctions.map((f) => f.name)).toEqual([
      'bubble_sort',
      'built-in method builtins.len',
      '<module>',
      'built-in method builtins.print',
    ]);
    const top = report.top_functions[0]!;
    expect(top).toMatchObject({
      name: 'bubble_sort',
      file: 'main.py',
      line: 1,
      calls: 4,
      ownMs: 190,
      cumMs: 195,
      percent: 95,
      cumPercent: 97.5,
      time: 0.19,
    });
  });

  it('builds the call tree from the caller edges', () => {
    const { tree } = parseProfile(RAW);
    expect(tree.valueMs).toBe(200);
    const module = tree.children[0]!;
    expect(module.name).toBe('<module>');
    expect(module.children.map((c) => [c.name, c.valueMs])).toEqual([
      ['bubble_sort', 195],
      ['built-in method builtins.print', 1],
    ]);
    expect(module.children[0]!.children.map((c) => c.name)).toEqual(['built-in method builtins.len']);
  });

  it('splits a shared callee by its callers and stops at recursion', () => {
    const raw: RawProfile = {
      roots: ['m:1(<module>)'],
      totalMs: 100,
      omitted: 0,
      functions: [
        { key: 'm:1(<module>)', name: '<module>', file: 'm', line: 1, calls: 1, primitiveCalls: 1, ownMs: 0, cumMs: 100, callers: [] },
        {
          key: 'm:2(a)',
          name: 'a',
          file: 'm',
          line: 2,
          calls: 1,
          primitiveCalls: 1,
          ownMs: 0,
          cumMs: 60,
          callers: [{ key: 'm:1(<module>)', calls: 1, ownMs: 0, cumMs: 60 }],
        },
        {
          key: 'm:3(b)',
          name: 'b',
          file: 'm',
          line: 3,
          calls: 1,
          primitiveCalls: 1,
          ownMs: 0,
          cumMs: 40,
          callers: [{ key: 'm:1(<module>)', calls: 1, ownMs: 0, cumMs: 40 }],
        },
        {
          key: 'm:4(fib)',
          name: 'fib',
          file: 'm',
          line: 4,
          calls: 30,
          primitiveCalls: 2,
          ownMs: 100,
          cumMs: 100,
          callers: [
            { key: 'm:2(a)', calls: 1, ownMs: 60, cumMs: 60 },
            { key: 'm:3(b)', calls: 1, ownMs: 40, cumMs: 40 },
            { key: 'm:4(fib)', calls: 28, ownMs: 0, cumMs: 90 },
          ],
        },
      ],
    };
    const { tree } = parseProfile(raw);
    const [a, b] = tree.children[0]!.children;
    expect(a!.children.map((c) => [c.name, c.valueMs])).toEqual([['fib', 60]]);
    expect(b!.children.map((c) => [c.name, c.valueMs])).toEqual([['fib', 40]]);
    expect(a!.children[0]!.children).toEqual([]); // fib → fib is folded into its box
  });

  it('says what is wrong with output it cannot read', () => {
    expect(() => parseProfile({ roots: [], functions: 'x' })).toThrow(/profiler's output could not be read/);
  });

  it('reports 0 % for an empty profile instead of dividing by zero', () => {
    const report = parseProfile({ roots: [], totalMs: 0, omitted: 0, functions: [] });
    expect(report.topFunctions).toEqual([]);
    expect(report.tree.children).toEqual([]);
  });
});
