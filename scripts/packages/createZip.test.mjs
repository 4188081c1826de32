import { describe, expect, it } from 'vitest';
import { createZip } from './createZip.mjs';
import { readZip } from './readZip.mjs';

const text = (s) => Buffer.from(s, 'utf8');

describe('createZip', () => {
  const entries = [
    { path: 'pkg/__init__.py', data: text('x = 1\n'.repeat(200)) },
    { path: 'pkg/data/ünïcode.txt', data: text('é') },
    { path: 'empty.txt', data: new Uint8Array(0) },
    { path: 'random.bin', data: new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251)) },
  ];

  it('round-trips every entry, in order, with valid CRCs', () => {
    const files = readZip(createZip(entries));
    expect([...files.keys()]).toEqual(entries.map((e) => e.path));
    for (const { path, data } of entries) expect(files.get(path)?.equals(Buffer.from(data))).toBe(true);
  });

  it('is deterministic and compresses what compresses', () => {
    const a = createZip(entries);
    expect(createZip(entries).equals(a)).toBe(true);
    expect(a.length).toBeLessThan(entries[0].data.length);
  });

  it('writes standard local headers with a fixed 1980-01-01 timestamp', () => {
    const zip = createZip([{ path: 'a.py', data: text('a') }]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(10)).toBe(0); // time
    expect(zip.readUInt16LE(12)).toBe(0x21); // date
  });

  it('rejects unsafe or duplicate paths', () => {
    for (const path of ['/abs.py', '../up.py', 'a/../../b', 'a\\b', '']) {
      expect(() => createZip([{ path, data: text('') }]), path).toThrow();
    }
    expect(() =>
      createZip([
        { path: 'a', data: text('') },
        { path: 'a', data: text('') },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('readZip', () => {
  it('detects corruption', () => {
    const zip = createZip([{ path: 'a.txt', data: text('hello') }]);
    const bad = Buffer.from(zip);
    bad[30 + 'a.txt'.length] ^= 0xff; // first byte of stored data
    expect(() => readZip(bad)).toThrow(/CRC/);
    expect(() => readZip(text('not a zip'))).toThrow();
  });
});
