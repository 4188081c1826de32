import { readStdin } from '../protocol/stdinBuffer.ts';

/** Options of {@link createStdinReader}. */
export interface StdinReaderOptions {
  /** Pre-filled input: read once, then end of file. */
  prefilled?: string;
  /** The frame's stdin buffer; without it (and without `prefilled`) input is at end of file. */
  buffer: SharedArrayBuffer | null;
  interrupt: Int32Array;
  /** Called before blocking for a line: flush output, ask the page for input. */
  onWait: () => void;
  /** Called (once) when the program reads input that nobody can type: there is no buffer (no shared memory). */
  onUnavailable?: () => void;
}

/** Thrown to Pyodide when Stop or the timeout hits a waiting read: Python sees EINTR and raises KeyboardInterrupt. */
function interrupted(): Error {
  return Object.assign(new Error('Interrupted while waiting for input.'), { code: 'EINTR' });
}

/**
 * The `stdin` function for `pyodide.setStdin`: text per read, null at end of
 * file. Interactive reads block the worker (Atomics.wait) until the frame writes
 * a line, the user ends the input, or the run is interrupted.
 */
export function createStdinReader(options: StdinReaderOptions): () => string | Uint8Array | null {
  let prefilled = options.prefilled;
  return () => {
    if (prefilled !== undefined) {
      const text = prefilled;
      prefilled = '';
      // Bytes, not a string: Pyodide would add a newline to a string that lacks one.
      return text === '' ? null : new TextEncoder().encode(text);
    }
    if (!options.buffer) {
      options.onUnavailable?.();
      options.onUnavailable = undefined;
      return null;
    }
    if (Atomics.load(options.interrupt, 0) !== 0) throw interrupted();
    options.onWait();
    const got = readStdin(options.buffer, options.interrupt);
    if (got.kind === 'interrupted') throw interrupted();
    return got.kind === 'line' ? got.text : null;
  };
}
