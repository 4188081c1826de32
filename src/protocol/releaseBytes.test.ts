import { describe, expect, it } from 'vitest';
import { releaseBytes } from './releaseBytes.ts';

describe('releaseBytes', () => {
  it('detaches a buffer, or the buffer under a view, so its bytes are gone at once', () => {
    const buffer = new ArrayBuffer(1024);
    releaseBytes(buffer);
    expect(buffer.byteLength).toBe(0);
    const view = new Uint8Array(2048);
    releaseBytes(view);
    expect(view.buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('leaves shared memory, empty buffers and nothing alone', () => {
    const shared = new Int32Array(new SharedArrayBuffer(16));
    releaseBytes(shared);
    expect(shared.length).toBe(4);
    expect(() => {
      releaseBytes(new ArrayBuffer(0));
      releaseBytes(null);
      releaseBytes(undefined);
    }).not.toThrow();
  });
});
