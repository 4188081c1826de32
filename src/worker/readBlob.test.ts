import { describe, expect, it } from 'vitest';
import { readBlob } from './readBlob.ts';

/** A blob-like object that says it holds `size` bytes and streams `chunks`. */
const fakeBlob = (size: number, chunks: number[][]) =>
  ({
    size,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const c of chunks) controller.enqueue(new Uint8Array(c));
          controller.close();
        },
      }),
  }) as unknown as Blob;

describe('readBlob', () => {
  it("reads a blob's bytes, across chunks, into one buffer of its size", async () => {
    const source = Uint8Array.from({ length: 200_000 }, (_, i) => i % 251);
    const bytes = await readBlob(new Blob([source.slice(0, 70_000), source.slice(70_000)]));
    expect(bytes.buffer.byteLength).toBe(source.length);
    expect(bytes).toEqual(source);
    expect(await readBlob(fakeBlob(5, [[1, 2], [3], [4, 5]]))).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
  });

  it('refuses a stream longer or shorter than the size the blob gave', async () => {
    await expect(readBlob(fakeBlob(2, [[1, 2, 3]]))).rejects.toThrow(/more than the 2 bytes/);
    await expect(readBlob(fakeBlob(4, [[1, 2]]))).rejects.toThrow(/ended after 2 of its 4 bytes/);
  });
});
