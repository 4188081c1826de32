// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameHost, type FrameHostHandlers } from './createFrameHost.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';
import { checkFrameMessage, MAX_FRAME_MESSAGE_CHARS } from '../protocol/pageFrame.ts';
import { pagesOf } from '../protocol/messagePages.ts';
import { makeResult } from '../testing/makeResult.ts';

// happy-dom loads no frame pages: each frame gets a stand-in window that records what is posted to it.
const windows = new WeakMap<HTMLIFrameElement, { posted: unknown[]; postMessage: (msg: unknown) => void }>();
Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
  configurable: true,
  get(this: HTMLIFrameElement) {
    let win = windows.get(this);
    if (!win) {
      const posted: unknown[] = [];
      win = { posted, postMessage: (msg: unknown) => void posted.push(msg) };
      windows.set(this, win);
    }
    return win;
  },
});

const files = (): RuntimeFiles => ({ asm: 'asm', wasm: new ArrayBuffer(8), stdlib: new ArrayBuffer(4), lock: '{}' });

function setup() {
  const heard: unknown[] = [];
  const refused: unknown[] = [];
  const handlers: FrameHostHandlers = {
    onHeard: vi.fn(),
    onMessage: (msg) => heard.push(msg),
    onRefused: (r) => refused.push(r),
    onBoot: vi.fn(),
    onNotice: vi.fn(),
    onFailed: vi.fn(),
  };
  const container = document.createElement('div');
  document.body.append(container);
  const host = createFrameHost({ container, frameUrl: '', runtimeFiles: Promise.resolve(files()) }, handlers);
  const frame = () => {
    const f = container.querySelector('iframe');
    if (!f) throw new Error('no frame');
    return f;
  };
  /** A message from `source` (default: the current frame's window). */
  const say = (data: unknown, source: unknown = frame().contentWindow) =>
    window.dispatchEvent(new MessageEvent('message', { data, source: source as Window }));
  const posted = () => (frame().contentWindow as unknown as { posted: unknown[] }).posted;
  return { host, handlers, heard, refused, container, frame, say, posted };
}

let dispose: (() => void) | null = null;
afterEach(() => dispose?.());

describe('createFrameHost', () => {
  it('makes one hidden sandboxed frame with an opaque origin and names it', () => {
    const { host, container, frame } = setup();
    dispose = host.dispose;
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(frame().getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame().getAttribute('allow')).toBe('cross-origin-isolated');
    expect(frame().dataset.testid).toBe('sandbox-frame');
    expect(host.heard).toBe(false);
  });

  it('listens only to its frame, checks each message, and refuses what does not fit', () => {
    const { host, handlers, heard, refused, say } = setup();
    dispose = host.dispose;
    say({ type: 'notice', level: 'info', text: 'from elsewhere' }, window);
    expect(handlers.onHeard).not.toHaveBeenCalled();
    say({ type: 'notice', level: 'info', text: 'hello' });
    expect(host.heard).toBe(true);
    expect(heard).toEqual([{ type: 'notice', level: 'info', text: 'hello' }]);
    say({ type: 'result', id: 3, result: { nonsense: true } });
    expect(refused).toEqual([expect.objectContaining({ type: 'result', id: 3 })]);
    expect(handlers.onHeard).toHaveBeenCalledTimes(2);
  });

  it('queues messages until the frame first speaks, then sends them in order', () => {
    const { host, say, posted } = setup();
    dispose = host.dispose;
    host.post({ type: 'ping', id: 1 });
    host.post({ type: 'stop', id: 2 });
    expect(posted()).toEqual([]);
    say({ type: 'pong', id: 0 });
    expect(posted()).toEqual([
      { type: 'ping', id: 1 },
      { type: 'stop', id: 2 },
    ]);
    host.post({ type: 'ping', id: 3 });
    expect(posted().at(-1)).toEqual({ type: 'ping', id: 3 });
  });

  it('replace drops the old frame and what was queued for it; dispose removes the frame and stops listening', () => {
    const { host, handlers, container, frame, say, posted } = setup();
    const first = frame();
    const oldWindow = first.contentWindow;
    host.post({ type: 'ping', id: 1 });
    host.replace();
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(frame()).not.toBe(first);
    expect(host.heard).toBe(false);
    say({ type: 'pong', id: 0 }, oldWindow);
    expect(handlers.onHeard).not.toHaveBeenCalled();
    say({ type: 'pong', id: 0 });
    expect(handlers.onHeard).toHaveBeenCalledTimes(1);
    expect(posted()).not.toContainEqual({ type: 'ping', id: 1 });
    const lastWindow = frame().contentWindow;
    host.dispose();
    expect(container.querySelectorAll('iframe')).toHaveLength(0);
    say({ type: 'pong', id: 0 }, lastWindow);
    expect(handlers.onHeard).toHaveBeenCalledTimes(1);
  });

  it('puts a reply sent in pages back together and hands it on whole, once, past the one-message cap', () => {
    const { host, heard, refused, say } = setup();
    dispose = host.dispose;
    const reply = { type: 'result', id: 4, result: makeResult({ stdout: 'v'.repeat(MAX_FRAME_MESSAGE_CHARS + 5000) }) };
    const pages = pagesOf(reply, MAX_FRAME_MESSAGE_CHARS);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) say(page);
    expect(heard).toEqual([]);
    say(pages.at(-1));
    expect(refused).toEqual([]);
    expect(heard).toHaveLength(1);
    expect(JSON.stringify(heard[0])).toBe(JSON.stringify(checkFrameMessage(reply)));
  });

  it('refuses pages that do not make the reply they announced, naming it so its caller stops waiting', () => {
    const { host, heard, refused, say } = setup();
    dispose = host.dispose;
    const lie = pagesOf({ type: 'result', id: 9, result: { nonsense: true }, pad: 'p'.repeat(3000) }, 1000, 1000);
    for (const page of lie) say(page);
    const disguised = pagesOf({ type: 'call-result', id: 5, response: { ok: false, error: 'x'.repeat(3000) } }, 1000, 1000).map((p) =>
      p.type === 'page' ? { ...p, of: 'tests-result' } : p,
    );
    for (const page of disguised) say(page);
    say({ type: 'page', id: 6, of: 'display', index: 1, count: 2, text: '{}' });
    expect(heard).toEqual([]);
    expect(refused).toEqual([
      expect.objectContaining({ type: 'result', id: 9, reason: expect.stringMatching(/^result/) }),
      expect.objectContaining({
        type: 'tests-result',
        id: 5,
        reason: "its pages made a 'call-result' message, not the 'tests-result' they announced",
      }),
      expect.objectContaining({ type: 'display', id: 6, reason: expect.stringMatching(/without page 1/) }),
    ]);
  });
});
