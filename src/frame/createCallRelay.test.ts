import { describe, expect, it } from 'vitest';
import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { CallRequest } from '../protocol/calls.ts';
import type { WorkerHandle } from './createWorkerHandle.ts';
import { createCallRelay } from './createCallRelay.ts';

describe('createCallRelay', () => {
  it('holds calls until an interpreter is ready, passes answers on once, and fails unanswered calls when it is replaced', () => {
    const sent: FrameToPage[] = [];
    const called: number[] = [];
    const worker = { call: (id: number, _request: CallRequest) => void called.push(id) } as unknown as WorkerHandle;
    const relay = createCallRelay((m) => sent.push(m));
    const request: CallRequest = { method: 'analyzeImports', code: 'import os' };
    relay.accept({ type: 'call', id: 1, request }, null);
    expect(called).toEqual([]);
    relay.sendWaiting(worker);
    relay.accept({ type: 'call', id: 2, request }, worker);
    expect(called).toEqual([1, 2]);
    relay.answered(1, { ok: true, value: [] });
    relay.answered(1, { ok: true, value: [] });
    relay.answered(7, { ok: true, value: [] });
    relay.interpreterReplaced();
    expect(sent).toEqual([
      { type: 'call-result', id: 1, response: { ok: true, value: [] } },
      { type: 'call-result', id: 2, response: { ok: false, error: 'The interpreter was restarted before it answered.' } },
    ]);
  });
});
