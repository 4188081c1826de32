import { describe, expect, it } from 'vitest';
import { normalizePackageName, wheelDistributionName } from './normalizePackageName.mjs';

describe('normalizePackageName', () => {
  it('lowercases and collapses separators to "-" (PEP 503)', () => {
    expect(normalizePackageName('Pygments')).toBe('pygments');
    expect(normalizePackageName('prompt_toolkit')).toBe('prompt-toolkit');
    expect(normalizePackageName('zope.interface')).toBe('zope-interface');
    expect(normalizePackageName('A__-.b')).toBe('a-b');
  });
});

describe('wheelDistributionName', () => {
  it('uses "_" so the wheel file name splits on "-" correctly', () => {
    expect(wheelDistributionName('typing-extensions')).toBe('typing_extensions');
    expect(wheelDistributionName('Pygments')).toBe('pygments');
    expect(wheelDistributionName('a.-b')).toBe('a_b');
  });
});
