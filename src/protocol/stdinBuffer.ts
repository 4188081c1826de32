/**
 * The shared buffer through which a waiting program gets its input. The frame
 * creates it (a SharedArrayBuffer cannot reach the opaque-origin frame from the
 * page), writes each line the page sends, and the worker blocks on it with
 * `Atomics.wait`. Layout: Int32 state, Int32 byte length, then the UTF-8 bytes.
 */
import { MAX_STDIN_CHARS } from './results.ts';

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
/** Nothing to read. */
const EMPTY = 0;
/** A line is waiting. */
const LINE = 1;
/** The user ended the input. */
const EOF = 2;

/** UTF-8 needs at most 3 bytes per UTF-16 code unit; plus the newline. */
const CAPACITY = MAX_STDIN_CHARS * 3 + 1;

/** What a blocking read got. */
export type StdinRead = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'interrupted' };

/** A fresh, empty stdin buffer; `capacity` in bytes (the debugger's command mailbox is a smaller one). */
export function createStdinBuffer(capacity = CAPACITY): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + capacity);
}

/** Frame side: hands a line (a newline is added) or end of file (null) to the waiting worker. */
export function writeStdin(buffer: SharedArrayBuffer, text: string | null): void {
  const header = new Int32Array(buffer, 0, 2);
  if (text === null) {
    Atomics.store(header, STATE, EOF);
  } else {
    // Encode first, then copy: browsers refuse to encode into shared memory.
    const bytes = new TextEncoder().encode(`${text}\n`).subarray(0, buffer.byteLength - HEADER_BYTES);
    new Uint8Array(buffer, HEADER_BYTES).set(bytes);
    Atomics.store(header, LENGTH, bytes.length);
    Atomics.store(header, STATE, LINE);
  }
  Atomics.notify(header, STATE);
}

/** Frame side: wakes a waiting worker so it sees an interrupt at once. */
export function wakeStdin(buffer: SharedArrayBuffer): void {
  Atomics.notify(new Int32Array(buffer, 0, 2), STATE);
}

/**
 * Worker side, without waiting: takes the line waiting in the buffer when it is `only` (without its
 * newline) and returns it; otherwise leaves the buffer as it is and returns null.
 */
export function pollStdin(buffer: SharedArrayBuffer, only: string): string | null {
  const header = new Int32Array(buffer, 0, 2);
  if (Atomics.load(header, STATE) !== LINE) return null;
  const bytes = new Uint8Array(buffer, HEADER_BYTES, Atomics.load(header, LENGTH)).slice();
  const text = new TextDecoder().decode(bytes).replace(/\n$/, '');
  if (text !== only) return null;
  Atomics.store(header, STATE, EMPTY);
  return text;
}

/**
 * Worker side: blocks until a line or end of file arrives, or the interrupt buffer
 * is set. Waits in short slices so an interrupt is seen even without a wake-up.
 */
export function readStdin(buffer: SharedArrayBuffer, interrupt: Int32Array, sliceMs = 100): StdinRead {
  const header = new Int32Array(buffer, 0, 2);
  for (;;) {
    if (Atomics.load(interrupt, 0) !== 0) return { kind: 'interrupted' };
    const state = Atomics.load(header, STATE);
    if (state === LINE) {
      // Copy out of the shared memory: TextDecoder refuses shared views.
      const bytes = new Uint8Array(buffer, HEADER_BYTES, Atomics.load(header, LENGTH)).slice();
      Atomics.store(header, STATE, EMPTY);
      return { kind: 'line', text: new TextDecoder().decode(bytes) };
    }
    if (state === EOF) {
      Atomics.store(header, STATE, EMPTY);
      return { kind: 'eof' };
    }
    Atomics.wait(header, STATE, EMPTY, sliceMs);
  }
}
