import { describe, expect, it } from 'vitest';
import { containsBytes, fromStorable, storedSize, toStorable } from './blobCodec.ts';

describe('blobCodec', () => {
  it('stores bytes as Blobs and reads them back as the same bytes, leaving the rest as it was', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const record = {
      id: 'a',
      project: {
        files: [
          { path: 'main.py', content: 'print(1)' },
          { path: 'plot.png', bytes: png },
        ],
        activePath: 'main.py',
      },
      settings: null,
      updatedAt: 3,
    };
    const stored = toStorable(record) as { project: { files: Array<{ bytes?: unknown }> } };
    expect(stored.project.files[1]?.bytes).toBeInstanceOf(Blob);
    expect(await fromStorable(stored)).toEqual(record);
  });

  it('tells whether a record holds bytes anywhere', () => {
    expect(containsBytes({ files: [{ path: 'a.py', content: 'x' }], n: 1 })).toBe(false);
    expect(containsBytes({ files: [{ path: 'b.bin', bytes: new Uint8Array(1) }] })).toBe(true);
    expect(containsBytes(null)).toBe(false);
  });

  it('sizes a record by its JSON and the bytes of its binary files, without writing the bytes out', () => {
    const text = { name: 'é', n: 1 };
    expect(storedSize(text)).toBe(new TextEncoder().encode(JSON.stringify(text)).length);
    const withBytes = {
      files: [
        { path: 'a.bin', bytes: new Uint8Array(5000) },
        { path: 'b.bin', bytes: new Blob(['x'.repeat(300)]) },
      ],
    };
    const json = JSON.stringify({
      files: [
        { path: 'a.bin', bytes: 0 },
        { path: 'b.bin', bytes: 0 },
      ],
    });
    expect(storedSize(withBytes)).toBe(5300 + json.length);
  });
});
