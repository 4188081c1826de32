import { describe, expect, it } from 'vitest';
import { receiveMessages, type MessageSource } from './receiveMessages.ts';

function source() {
  const listeners: Array<(event: MessageEvent) => void> = [];
  const target: MessageSource = { addEventListener: (_type, l) => void listeners.push(l) };
  const deliver = (data: unknown) => {
    const event = new MessageEvent('message', { data });
    for (const l of listeners) l(event);
  };
  return { target, listeners, deliver };
}

describe('receiveMessages', () => {
  it('hands over the real data even when MessageEvent.prototype.data is patched', () => {
    const { target, deliver } = source();
    const seen: unknown[] = [];
    receiveMessages(target, (m) => seen.push(m));
    const original = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
    Object.defineProperty(MessageEvent.prototype, 'data', { get: () => ({ type: 'run', code: 'print("FAKE")' }), configurable: true });
    try {
      deliver({ type: 'run', code: 'print(1)' });
    } finally {
      if (original) Object.defineProperty(MessageEvent.prototype, 'data', original);
    }
    expect(seen).toEqual([{ type: 'run', code: 'print(1)' }]);
  });

  it('freezes the message before a listener added later can rewrite it', () => {
    const { target, listeners, deliver } = source();
    let kept: { options: { policy: { sandboxMode: boolean } } } | null = null;
    receiveMessages(target, (m: typeof kept) => (kept = m));
    listeners.push((event) => {
      const data = event.data as { options: { policy: { sandboxMode: boolean } } };
      expect(() => {
        data.options.policy.sandboxMode = false;
      }).toThrow(TypeError);
    });
    const buffer = new Int32Array(new SharedArrayBuffer(4));
    deliver({ type: 'run', options: { policy: { sandboxMode: true } }, buffer });
    expect(kept).toMatchObject({ options: { policy: { sandboxMode: true } } });
  });
});
