import { describe, expect, it } from 'vitest';
import { createZip as createNodeZip } from '../../scripts/packages/createZip.mjs';
import { readZip as readNodeZip } from '../../scripts/packages/readZip.mjs';
import { createZip, readZip } from './zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (d: Uint8Array) => new TextDecoder().decode(d);

describe('browser zip', () => {
  const entries = [
    { path: 'calc.py', data: enc('def add(a, b):\n    return a + b\n'.repeat(20)) },
    { path: 'tests/test_calc.py', data: enc('x') },
  ];

  it('round-trips files, folders kept in paths, and compresses', async () => {
    const zip = await createZip(entries);
    expect((await readZip(zip)).map((e) => [e.path, dec(e.data)])).toEqual(entries.map((e) => [e.path, dec(e.data)]));
    expect(zip.length).toBeLessThan(entries[0]!.data.length);
    // The same files give the same archive (a fixed timestamp).
    expect(await createZip(entries)).toEqual(zip);
  });

  it('is read by other zip code and reads it (the Node reader and writer in scripts/packages)', async () => {
    expect([...readNodeZip(await createZip(entries)).keys()]).toEqual(['calc.py', 'tests/test_calc.py']);
    expect((await readZip(createNodeZip(entries))).map((e) => e.path)).toEqual(['calc.py', 'tests/test_calc.py']);
  });

  it('skips folder entries', async () => {
    const zip = createNodeZip([
      { path: 'project/', data: new Uint8Array(0) },
      { path: 'project/a.py', data: enc('a = 1') },
    ]);
    expect((await readZip(zip)).map((e) => e.path)).toEqual(['project/a.py']);
  });

  it('says what is wrong with a file that is not a zip, or one cut short', async () => {
    await expect(readZip(enc('hello, not a zip at all, definitely not'))).rejects.toThrow(/not a \.zip archive/);
    const zip = await createZip(entries);
    await expect(readZip(zip.slice(0, zip.length - 30))).rejects.toThrow(/\.zip/);
  });
});
