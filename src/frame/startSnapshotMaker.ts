import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { FrameRuntime } from './createFrameRuntime.ts';
import { createWorkerHandle } from './createWorkerHandle.ts';

/**
 * Boots a worker that never runs user code, has it make a memory snapshot of a freshly
 * prepared interpreter, and hands the bytes to the page (transferred), which stores them
 * for the next visit. A failure costs nothing but a line in the console.
 */
export function startSnapshotMaker(runtime: FrameRuntime, send: (msg: FrameToPage, transfer?: Transferable[]) => void): void {
  createWorkerHandle(
    runtime,
    (handle, msg) => {
      if (msg.type === 'snapshot') {
        send({ type: 'snapshot', bytes: msg.bytes as Uint8Array<ArrayBuffer> }, [msg.bytes.buffer as ArrayBuffer]);
        handle.terminate();
      } else if (msg.type === 'snapshot-failed' || msg.type === 'boot-failed' || msg.type === 'fatal') {
        send({ type: 'notice', level: 'info', text: `No snapshot of Python was made for a faster start next time (${msg.message}).` });
        handle.terminate();
      }
    },
    { makeSnapshot: true },
  );
}
