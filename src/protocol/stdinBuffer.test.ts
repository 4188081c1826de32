import { describe, expect, it } from 'vitest';
import { SIGINT } from './frameWorker.ts';
import { createStdinBuffer, readStdin, writeStdin } from './stdinBuffer.ts';

describe('stdin buffer', () => {
  it('carries a line (with its newline, in UTF-8) and end of file, once each', () => {
    const buffer = createStdinBuffer();
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    writeStdin(buffer, 'héllo ✓');
    expect(readStdin(buffer, interrupt, 1)).toEqual({ kind: 'line', text: 'héllo ✓\n' });
    writeStdin(buffer, null);
    expect(readStdin(buffer, interrupt, 1)).toEqual({ kind: 'eof' });
  });

  it('gives up waiting when the interrupt buffer is set', () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(interrupt, 0, SIGINT);
    expect(readStdin(createStdinBuffer(), interrupt, 1)).toEqual({ kind: 'interrupted' });
  });
});
