import { describe, expect, it } from 'vitest';
import { codeFromUrl, codeToHash } from './codeFromUrl.ts';

describe('codeFromUrl', () => {
  it('round-trips code through the link hash', () => {
    const code = 'def f(n):\n    return n * 2  # ünïcode ✓\nprint(f(21))\n';
    expect(codeFromUrl(codeToHash(code))).toEqual({ code });
  });

  it('ignores other hashes', () => {
    expect(codeFromUrl('')).toBeNull();
    expect(codeFromUrl('#s/1/abc')).toBeNull();
  });

  it('reports a damaged payload instead of loading garbage', () => {
    const hash = codeToHash('print("hello world, this is long enough to compress")');
    const broken = codeFromUrl(hash.slice(0, hash.length - 8) + '$$$$');
    expect(broken).toHaveProperty('error');
    expect(codeFromUrl('#code/')).toHaveProperty('error');
  });
});
