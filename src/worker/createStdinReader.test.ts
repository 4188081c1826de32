import { describe, expect, it, vi } from 'vitest';
import { createStdinReader } from './createStdinReader.ts';

describe('createStdinReader', () => {
  it('without a buffer (no shared memory) reads end of file and says why once', () => {
    const onUnavailable = vi.fn();
    const read = createStdinReader({ buffer: null, interrupt: new Int32Array(1), onWait: () => undefined, onUnavailable });
    expect(read()).toBeNull();
    expect(read()).toBeNull();
    expect(onUnavailable).toHaveBeenCalledTimes(1);
  });

  it('pre-filled input is read without a buffer, then end of file', () => {
    const onUnavailable = vi.fn();
    const read = createStdinReader({
      prefilled: 'Ada\n',
      buffer: null,
      interrupt: new Int32Array(1),
      onWait: () => undefined,
      onUnavailable,
    });
    expect(new TextDecoder().decode(read() as Uint8Array)).toBe('Ada\n');
    expect(read()).toBeNull();
    expect(onUnavailable).not.toHaveBeenCalled();
  });
});
