import { describe, expect, it } from 'vitest';
import { base64Size, base64ToBytes, bytesToBase64 } from './base64.ts';

describe('base64', () => {
  it('round-trips every byte value, and large files', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const text = bytesToBase64(big);
    expect(base64Size(text)).toBe(big.length);
    expect(base64ToBytes(text)).toEqual(big);
  });

  it('agrees with Node’s encoder and measures padded strings', () => {
    const bytes = new TextEncoder().encode('hello, world');
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64Size('aGk=')).toBe(2);
    expect(base64Size('aA==')).toBe(1);
  });

  it('refuses what is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow('it is not base64');
  });
});
