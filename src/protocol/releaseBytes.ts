/**
 * Lets go of an ArrayBuffer's memory now rather than at a garbage collection that an idle worker or frame may
 * never run: `transfer(0)` detaches it and drops the bytes at once. Where a browser lacks `transfer`, the buffer
 * is detached by a transferring structuredClone, whose clone the next collection frees. A view's buffer is
 * released whole; shared memory is left alone.
 */
export function releaseBytes(bytes: ArrayBuffer | ArrayBufferView | null | undefined): void {
  const buffer = bytes && ArrayBuffer.isView(bytes) ? bytes.buffer : bytes;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return;
  const transfer = (buffer as { transfer?: (length: number) => ArrayBuffer }).transfer;
  if (typeof transfer === 'function') transfer.call(buffer, 0);
  else structuredClone(buffer, { transfer: [buffer] });
}
