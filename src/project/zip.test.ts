import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createZip as createNodeZip } from '../../scripts/packages/createZip.mjs';
import { readZip as readNodeZip } from '../../scripts/packages/readZip.mjs';
import { crc32, createZip, readZip } from './zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('browser zip', () => {
  it('round-trips files, folders kept in paths', async () => {
    const entries = [
      { path: 'calc.py', data: enc('def add(a, b):\n    return a + b\n'.repeat(20)) },
      { path: 'tests/test_calc.py', data: enc('x') },
    ];
    const zip = await createZip(entries);
    expect((await readZip(zip)).map((e) => [e.path, new TextDecoder().decode(e.data)])).toEqual(entries.map((e) => [e.path, new TextDecoder().decode(e.data)]));
    // The Node reader (scripts/packages/readZip.mjs) reads what we write, and we read what its writer makes.
    expect([...readNodeZip(zip).keys()]).toEqual(['calc.py', 'tests/test_calc.py']);
    const fromNode = await readZip(createNodeZip(entries));
    expect(fromNode.map((e) => e.path)).toEqual(['calc.py', 'tests/test_calc.py']);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(deflateRawSync(enc('a')).length).toBeGreaterThan(0);
  });

  it('says what is wrong with a file that is not a zip', async () => {
    await expect(readZip(enc('hello, not a zip at all, definitely not'))).rejects.toThrow(/not a \.zip archive/);
  });
});
