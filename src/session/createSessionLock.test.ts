import { describe, expect, it, vi } from 'vitest';
import { createSessionLock } from './createSessionLock.ts';

/** Web Locks as a browser has them, shared by the "tabs" of one test: exclusive, ifAvailable, steal, signal. */
function fakeLocks(): LockManager {
  const held = new Map<string, { reject: (e: unknown) => void }>();
  const waiting = new Map<string, Array<() => void>>();
  const next = (name: string) => waiting.get(name)?.shift()?.();
  type Granted = (lock: Lock | null) => unknown;
  const request = (name: string, options: LockOptions, callback: Granted) =>
    new Promise((resolve, reject) => {
      const grant = () => {
        const entry = { reject };
        held.set(name, entry);
        const lock: Lock = { name, mode: 'exclusive' };
        void Promise.resolve(callback(lock)).then((value) => {
          if (held.get(name) !== entry) return;
          held.delete(name);
          next(name);
          resolve(value);
        });
      };
      const holder = held.get(name);
      if (options.steal) {
        held.delete(name);
        holder?.reject(new DOMException('The lock was stolen.', 'AbortError'));
        grant();
      } else if (!holder) grant();
      else if (options.ifAvailable) void Promise.resolve(callback(null)).then(resolve);
      else {
        const queue = waiting.get(name) ?? waiting.set(name, []).get(name)!;
        queue.push(grant);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(grant), 1);
          reject(new DOMException('The wait was aborted.', 'AbortError'));
        });
      }
    });
  return { request, query: async () => ({}) } as unknown as LockManager;
}

/** BroadcastChannel between the tabs of one test. */
function fakeBus() {
  const channels: Array<{ listeners: Array<(e: MessageEvent) => void> }> = [];
  return () => {
    const me = { listeners: [] as Array<(e: MessageEvent) => void> };
    channels.push(me);
    return {
      addEventListener: (_: string, fn: (e: MessageEvent) => void) => me.listeners.push(fn),
      postMessage: (data: unknown) => {
        for (const c of channels) if (c !== me) for (const fn of c.listeners) setTimeout(() => fn({ data } as MessageEvent), 0);
      },
    } as unknown as BroadcastChannel;
  };
}

describe('createSessionLock', () => {
  it('lets one tab write a session; another sees it as held elsewhere, and taking over saves the holder first', async () => {
    const locks = fakeLocks();
    const channel = fakeBus();
    const saved = vi.fn(async () => undefined);
    const first = createSessionLock(saved, locks, channel());
    const second = createSessionLock(async () => undefined, locks, channel());
    const firstLost = vi.fn();
    expect(await first.hold('s1', firstLost)).toBe('owner');
    expect(await second.hold('s1', vi.fn())).toBe('elsewhere');
    await second.takeOver('s1', vi.fn());
    expect(saved).toHaveBeenCalledTimes(1);
    expect(firstLost).toHaveBeenCalledTimes(1);
    expect(await first.hold('s1', vi.fn())).toBe('elsewhere');
    // A tab that switches lets go of the session it had.
    expect(await second.hold('s2', vi.fn())).toBe('owner');
    expect(await first.hold('s1', vi.fn())).toBe('owner');
  }, 10_000);

  it('steals from a holder that does not answer, which is told', async () => {
    const locks = fakeLocks();
    const silent = createSessionLock(async () => undefined, locks, null);
    const lost = vi.fn();
    expect(await silent.hold('s1', lost)).toBe('owner');
    await createSessionLock(async () => undefined, locks, null).takeOver('s1', vi.fn());
    await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1));
  }, 10_000);

  it('holds everything where the browser has no Web Locks', async () => {
    const lock = createSessionLock(async () => undefined, undefined, null);
    expect(await lock.hold('s1', vi.fn())).toBe('owner');
    expect(await createSessionLock(async () => undefined, undefined, null).hold('s1', vi.fn())).toBe('owner');
  });
});
