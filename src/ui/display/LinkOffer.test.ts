import { describe, expect, it } from 'vitest';
import { openableUrl } from './LinkOffer.tsx';

describe('openableUrl', () => {
  it('offers absolute http(s) links only', () => {
    expect(openableUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(openableUrl('http://example.org')).toBe('http://example.org/');
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(openableUrl('/api/config')).toBeNull();
    expect(openableUrl('')).toBeNull();
  });
});
