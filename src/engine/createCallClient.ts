import { callValueSchemas, type CallMethod, type CallRequest, type CallResponse, type CallValues } from '../protocol/calls.ts';
import type { PageToFrame } from '../protocol/pageFrame.ts';

/** A call for method `M`: its request, whose `method` is `M`. */
export type CallRequestOf<M extends CallMethod> = Extract<CallRequest, { method: M }> & { method: M };

/** What the call client needs from the engine. */
export interface CallClientDeps {
  post(msg: PageToFrame): void;
  nextId(): number;
}

/** Requests to the interpreter that are not runs (see `CallRequest`), matched to their answers by id. */
export interface CallClient {
  /** Sends `request` and resolves with its method's value; rejects with the frame's error, or when the answer does not fit the method. */
  call<M extends CallMethod>(request: CallRequestOf<M>): Promise<CallValues[M]>;
  /** The frame's 'call-result'. */
  receive(id: number, response: CallResponse): void;
  /** The page could not accept the answer to call `id`: the caller gets `reason`. False when no such call waits. */
  refuse(id: number, reason: string): boolean;
  /** Every pending call fails with `message` (the frame was replaced). */
  refuseAll(message: string): void;
}

/** Creates the engine's call client. */
export function createCallClient(deps: CallClientDeps): CallClient {
  const pending = new Map<number, (response: CallResponse) => void>();

  return {
    async call<M extends CallMethod>(request: CallRequestOf<M>): Promise<CallValues[M]> {
      const id = deps.nextId();
      const response = await new Promise<CallResponse>((resolve) => {
        pending.set(id, resolve);
        deps.post({ type: 'call', id, request });
      });
      if (!response.ok) throw new Error(response.error);
      // Each method's answer is checked against that method's schema, so a reply to another kind of call is refused.
      const schema = callValueSchemas[request.method];
      const value = schema.safeParse(response.value);
      if (!value.success)
        throw new Error(`The sandbox's answer to ${request.method} did not fit it: ${value.error.issues[0]?.message ?? 'invalid'}.`);
      return value.data;
    },
    receive(id, response) {
      pending.get(id)?.(response);
      pending.delete(id);
    },
    refuse(id, reason) {
      const answer = pending.get(id);
      if (!answer) return false;
      pending.delete(id);
      answer({ ok: false, error: `The sandbox's answer could not be read (${reason}).` });
      return true;
    },
    refuseAll(message) {
      for (const answer of pending.values()) answer({ ok: false, error: message });
      pending.clear();
    },
  };
}
