import { describe, expect, it, vi } from 'vitest';
import { onStreamEnd } from './onStreamEnd.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('onStreamEnd', () => {
  it('passes the bytes through and calls end once the stream is read to its end', async () => {
    const end = vi.fn();
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes('a'));
        c.enqueue(bytes('b'));
        c.close();
      },
    });
    const wrapped = onStreamEnd(source, end);
    expect(end).not.toHaveBeenCalled();
    expect(await new Response(wrapped).text()).toBe('ab');
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('calls end once when the client cancels, and cancels the source', async () => {
    const end = vi.fn();
    const cancelled = vi.fn();
    const source = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined), cancel: cancelled });
    const wrapped = onStreamEnd(source, end);
    await wrapped.cancel('gone');
    expect(end).toHaveBeenCalledTimes(1);
    expect(cancelled).toHaveBeenCalledWith('gone');
  });

  it('calls end when the source fails', async () => {
    const end = vi.fn();
    const source = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('broken')) });
    await expect(new Response(onStreamEnd(source, end)).text()).rejects.toThrow('broken');
    expect(end).toHaveBeenCalledTimes(1);
  });
});
