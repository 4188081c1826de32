import type { FileChanges } from './testProtocol.ts';

/** The buffers of a change set's files, to hand them to the page rather than copy them. */
export function transferOf(changes: FileChanges): ArrayBuffer[] {
  return [...new Set(changes.written.map((f) => f.bytes.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
}
