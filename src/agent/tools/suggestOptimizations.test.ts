import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../runs/parseProfile.ts';
import { makeRawProfile, type ProfileFunctionSpec } from '../../testing/makeRawProfile.ts';
import { hasNestedLoops, suggestOptimizations } from './suggestOptimizations.ts';

/** A profile of main.py whose functions all hang under its <module> code. */
const profile = (totalMs: number, fns: ProfileFunctionSpec[]) => parseProfile(makeRawProfile(totalMs, fns));
const own = (file: string) => file === 'main.py';

describe('suggestOptimizations', () => {
  it('sends a recursive function that recomputes to a cache', () => {
    const p = profile(300, [{ name: 'fibonacci', file: 'main.py', line: 1, calls: 21891, primitiveCalls: 1, ownMs: 290, cumMs: 299 }]);
    const tips = suggestOptimizations(
      p,
      'def fibonacci(n):\n    return n if n < 2 else fibonacci(n-1) + fibonacci(n-2)\nfibonacci(20)',
      own,
    );
    expect(tips[0]).toContain('Most of the time is in `fibonacci` (line 1, 97%');
    expect(tips[1]).toContain('`fibonacci` is called 21,891 times recursively');
    expect(tips[1]).toContain('@functools.cache');
    expect(tips.join(' ')).not.toContain('nested loops');
  });

  it('notes built-ins called very often, and string building in a loop', () => {
    const p = profile(100, [
      { name: 'build', file: 'main.py', line: 3, calls: 1, ownMs: 30, cumMs: 99 },
      { name: "method 'append' of 'list' objects", file: '~', line: 0, calls: 50_000, ownMs: 40, cumMs: 40 },
      { name: 'built-in method builtins.len', file: '~', line: 0, calls: 50_000, ownMs: 25, cumMs: 25 },
    ]);
    const code =
      'def build():\n    out = []\n    s = ""\n    for i in range(50000):\n        out.append(i)\n        s += "x"\n    return out\n';
    const tips = suggestOptimizations(p, code, own).join('\n');
    expect(tips).toContain('The time is spread out; the heaviest function is `build`');
    expect(tips).toContain('`list.append` is called 50,000 times');
    expect(tips).toContain('`len()` is called 50,000 times');
    expect(tips).toContain("''.join()");
  });

  it('says when there is nothing worth optimizing', () => {
    const p = profile(0.2, [{ name: 'f', file: 'main.py', line: 1, calls: 1, ownMs: 0.1, cumMs: 0.1 }]);
    expect(suggestOptimizations(p, 'def f():\n    pass\nf()', own)[0]).toContain('there is little to gain');
  });
});

describe('hasNestedLoops', () => {
  it('finds a loop in a loop, also past blank lines, and not two loops one after the other', () => {
    expect(hasNestedLoops('for i in a:\n\n    x = 1\n    for j in b:\n        pass')).toBe(true);
    expect(hasNestedLoops('def f(a):\n    for i in a:\n        if i:\n            for j in a:\n                pass')).toBe(true);
    expect(hasNestedLoops('for i in a:\n    pass\nfor j in b:\n    pass')).toBe(false);
  });
});
