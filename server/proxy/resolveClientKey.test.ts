// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveClientKey } from './resolveClientKey.ts';

describe('resolveClientKey', () => {
  it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientKey('203.0.113.7', '198.51.100.1', 0)).toBe('ip:203.0.113.7');
    expect(resolveClientKey('::ffff:203.0.113.7', undefined, 0)).toBe('ip:203.0.113.7');
    expect(resolveClientKey(undefined, undefined, 0)).toBe('unknown');
  });

  it('takes the entry TRUST_PROXY hops from the right', () => {
    const xff = 'spoofed, 198.51.100.1, 10.0.0.2';
    expect(resolveClientKey('10.0.0.9', xff, 1)).toBe('ip:10.0.0.2');
    expect(resolveClientKey('10.0.0.9', xff, 2)).toBe('ip:198.51.100.1');
    expect(resolveClientKey('10.0.0.9', xff, 5)).toBe('other:spoofed');
    expect(resolveClientKey('10.0.0.9', null, 1)).toBe('ip:10.0.0.9');
  });

  it('groups IPv6 clients by /64', () => {
    expect(resolveClientKey('2001:db8:1:2::5', null, 0)).toBe('ip6:2001:db8:1:2::/64');
    expect(resolveClientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd', null, 0)).toBe('ip6:2001:db8:1:2::/64');
    expect(resolveClientKey('1.2.3.4', '[2001:db8::1]:443', 1)).toBe('ip6:2001:db8:0:0::/64');
  });
});
