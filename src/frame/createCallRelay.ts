import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { CallResponse } from '../protocol/calls.ts';
import type { WorkerHandle } from './createWorkerHandle.ts';
import type { FrameDeps } from './frameDeps.ts';

/** Calls (dependency analysis, installs, variables) on their way to the interpreter that serves runs. */
export interface CallRelay {
  /** A call from the page: sent now when `worker` is given (a ready interpreter), else when {@link sendWaiting} is. */
  accept(msg: Extract<PageToFrame, { type: 'call' }>, worker: WorkerHandle | null): void;
  /** Sends the calls that waited for an interpreter to be ready. */
  sendWaiting(worker: WorkerHandle): void;
  /** The interpreter answered call `id`: passed to the page if the call was sent to it. */
  answered(id: number, response: CallResponse): void;
  /** The interpreter was replaced: calls it had not answered fail with the reason. */
  interpreterReplaced(): void;
}

/** Creates the relay: calls wait for a ready interpreter, and fail when theirs is replaced before it answers. */
export function createCallRelay(send: FrameDeps['send']): CallRelay {
  let waiting: Array<Extract<PageToFrame, { type: 'call' }>> = [];
  const sent = new Set<number>();
  const sendWaiting = (worker: WorkerHandle): void => {
    for (const c of waiting) {
      sent.add(c.id);
      worker.call(c.id, c.request);
    }
    waiting = [];
  };
  return {
    accept(msg, worker) {
      waiting.push(msg);
      if (worker) sendWaiting(worker);
    },
    sendWaiting,
    answered(id, response) {
      if (sent.delete(id)) send({ type: 'call-result', id, response });
    },
    interpreterReplaced() {
      for (const id of sent)
        send({ type: 'call-result', id, response: { ok: false, error: 'The interpreter was restarted before it answered.' } });
      sent.clear();
    },
  };
}
