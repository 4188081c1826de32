import { describe, expect, it } from 'vitest';
import { createRuffClient, type RuffPort } from './createRuffClient.ts';
import type { RuffRequest, RuffResponse } from './ruffProtocol.ts';

/** A worker stand-in answering with `reply`; `fail()` raises the worker's error event. */
function fakePort(reply: (r: RuffRequest) => RuffResponse | null) {
  const listeners: { message: Array<(e: MessageEvent<RuffResponse>) => void>; error: Array<(e: ErrorEvent) => void> } = {
    message: [],
    error: [],
  };
  let spawned = 0;
  const port: RuffPort = {
    postMessage(request) {
      const answer = reply(request);
      if (answer) queueMicrotask(() => listeners.message.forEach((l) => l({ data: answer } as MessageEvent<RuffResponse>)));
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
  };
  return {
    spawn: () => {
      spawned++;
      return port;
    },
    spawned: () => spawned,
    fail: () => listeners.error.forEach((l) => l({ message: 'boom' } as ErrorEvent)),
  };
}

describe('createRuffClient', () => {
  it('starts the worker on the first request only, and matches answers by id', async () => {
    const fake = fakePort((r) =>
      r.type === 'format'
        ? { id: r.id, ok: true, type: 'format', formatted: r.code.toUpperCase() }
        : { id: r.id, ok: true, type: 'lint', diagnostics: [] },
    );
    const client = createRuffClient(fake.spawn);
    expect(fake.spawned()).toBe(0);
    const [a, b] = await Promise.all([client.format('a', {}), client.lint('b', {})]);
    expect(a).toBe('A');
    expect(b).toEqual([]);
    expect(fake.spawned()).toBe(1);
  });

  it("rejects with Ruff's message", async () => {
    const client = createRuffClient(fakePort((r) => ({ id: r.id, ok: false, error: 'unexpected EOF' })).spawn);
    await expect(client.format('x = (', {})).rejects.toThrow('unexpected EOF');
  });

  it('rejects what is pending when the worker fails, and starts a new one for the next request', async () => {
    let answer = false;
    const fake = fakePort((r) => (answer ? { id: r.id, ok: true, type: 'format', formatted: 'ok' } : null));
    const client = createRuffClient(fake.spawn);
    const pending = client.format('x', {});
    fake.fail();
    await expect(pending).rejects.toThrow('Ruff stopped: boom');
    answer = true;
    await expect(client.format('x', {})).resolves.toBe('ok');
    expect(fake.spawned()).toBe(2);
  });
});
