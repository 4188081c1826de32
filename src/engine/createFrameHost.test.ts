// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameHost, type FrameHostHandlers } from './createFrameHost.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';

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
});
