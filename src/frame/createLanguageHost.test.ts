import { describe, expect, it } from 'vitest';
import type { FrameToPage } from '../protocol/pageFrame.ts';
import type { WorkerToFrame } from '../protocol/frameWorker.ts';
import type { LanguageQuery, LanguageRequest } from '../protocol/language.ts';
import { createLanguageHost } from './createLanguageHost.ts';
import type { WorkerHandle, WorkerListener } from './createWorkerHandle.ts';

interface Spawned {
  asked: Array<{ id: number; request: LanguageRequest }>;
  say(msg: WorkerToFrame): void;
  boot(): void;
  terminated: boolean;
}

function setup() {
  const spawned: Spawned[] = [];
  const sent: FrameToPage[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const host = createLanguageHost({
    setTimer(fn) {
      timers.set(nextTimer, fn);
      return nextTimer++;
    },
    clearTimer: (t) => void timers.delete(t as number),
    spawn(listener: WorkerListener) {
      let boot = () => undefined as void;
      const ready = new Promise<void>((resolve) => (boot = resolve));
      const s: Spawned = { asked: [], say: () => undefined, boot: () => boot(), terminated: false };
      const handle = {
        ready,
        language: (id: number, request: LanguageRequest) => void s.asked.push({ id, request }),
        terminate: () => void (s.terminated = true),
      } as unknown as WorkerHandle;
      s.say = (msg) => listener(handle, msg);
      spawned.push(s);
      return handle;
    },
    send: (m) => sent.push(m),
  });
  /** Runs the timers that are set (the fake clock's "much later"). */
  const fireTimers = () => [...timers.values()].forEach((fn) => fn());
  return { host, spawned, sent, fireTimers };
}

const query = (kind: LanguageQuery['kind'], code = 'x'): LanguageQuery => ({ kind, path: 'main.py', code, line: 1, column: 1 });
const tick = () => new Promise((r) => setTimeout(r, 0));
const ok = { ok: true as const, value: { kind: 'complete' as const, items: [] } };

describe('createLanguageHost', () => {
  it('starts the worker on the first request, and sends one request at a time with the files once', async () => {
    const { host, spawned, sent } = setup();
    expect(spawned).toHaveLength(0);
    const files = [{ path: 'calc.py', content: 'x = 1' }];
    host.handle({ type: 'language', id: 1, request: { query: query('complete'), files } });
    host.handle({ type: 'language', id: 2, request: { query: query('hover') } });
    expect(spawned).toHaveLength(1);
    const w = spawned[0] as Spawned;
    expect(w.asked).toEqual([]); // not booted yet
    w.boot();
    await tick();
    expect(w.asked).toEqual([{ id: 1, request: { query: query('complete'), files } }]);
    w.say({ type: 'language-result', id: 1, response: ok });
    expect(sent).toEqual([{ type: 'language-result', id: 1, response: ok }]);
    expect(w.asked[1]).toEqual({ id: 2, request: { query: query('hover') } });
  });

  it('answers a waiting request that a newer one of its kind replaced, without asking the worker', async () => {
    const { host, spawned, sent } = setup();
    host.handle({ type: 'language', id: 1, request: { query: query('complete', 'a') } });
    const w = spawned[0] as Spawned;
    w.boot();
    await tick();
    host.handle({ type: 'language', id: 2, request: { query: query('complete', 'ab'), files: [{ path: 'a.py', content: '' }] } });
    host.handle({ type: 'language', id: 3, request: { query: query('complete', 'abc') } });
    expect(sent).toEqual([
      { type: 'language-result', id: 2, response: { ok: false, error: 'A newer request took its place.', superseded: true } },
    ]);
    w.say({ type: 'language-result', id: 1, response: ok });
    // The replaced request's files are not lost: they go with the one that took its place.
    expect(w.asked[1]).toEqual({ id: 3, request: { query: query('complete', 'abc'), files: [{ path: 'a.py', content: '' }] } });
  });

  it('replaces a worker stuck on a question, and answers it with the reason', async () => {
    const { host, spawned, sent, fireTimers } = setup();
    host.handle({ type: 'language', id: 1, request: { query: query('complete') } });
    const stuck = spawned[0] as Spawned;
    stuck.boot();
    await tick();
    fireTimers();
    expect(stuck.terminated).toBe(true);
    expect(sent).toEqual([
      {
        type: 'language-result',
        id: 1,
        response: { ok: false, error: 'The language interpreter stopped: it did not answer within 10 s, so it was restarted' },
      },
    ]);
    host.handle({ type: 'language', id: 2, request: { query: query('hover') } });
    expect(spawned).toHaveLength(2);
  });

  it('replaces a worker that failed, answers what it held, and gives the new one the files again', async () => {
    const { host, spawned, sent } = setup();
    const files = [{ path: 'calc.py', content: 'x = 1' }];
    host.handle({ type: 'language', id: 1, request: { query: query('complete'), files } });
    const first = spawned[0] as Spawned;
    first.boot();
    await tick();
    first.say({ type: 'fatal', id: null, message: 'out of memory' });
    expect(first.terminated).toBe(true);
    expect(sent).toEqual([
      { type: 'language-result', id: 1, response: { ok: false, error: 'The language interpreter stopped: out of memory' } },
    ]);
    host.handle({ type: 'language', id: 2, request: { query: query('hover') } });
    const second = spawned[1] as Spawned;
    second.boot();
    await tick();
    expect(second.asked).toEqual([{ id: 2, request: { query: query('hover'), files } }]);
  });
});
