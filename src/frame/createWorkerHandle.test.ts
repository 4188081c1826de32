import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameRuntime } from './createFrameRuntime.ts';
import { createWorkerHandle } from './createWorkerHandle.ts';

/** A Worker that fails to load (as WebKit's blob: workers in the isolated opaque frame), or speaks at once. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
    queueMicrotask(() => {
      if (url.startsWith('blob:')) this.onerror?.({ message: '', preventDefault: () => undefined });
      else this.onmessage?.({ data: { type: 'ready', bootMs: 1, boot: 'normal', snapshotProblem: null } });
    });
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

function runtime(): FrameRuntime & { dataUrls: number } {
  const r = {
    dataUrls: 0,
    workerUrl: () => 'blob:null/1',
    workerDataUrl: async () => (r.dataUrls++, 'data:text/javascript;base64,AAAA'),
    bootFiles: async () => ({
      indexURL: '/',
      packageBaseUrl: '/',
      wasmModule: {} as WebAssembly.Module,
      stdlib: new ArrayBuffer(1),
      lock: '{}',
    }),
    requestAsset: async () => ({ ok: false as const, status: 404, error: 'no' }),
    deliverAsset: () => undefined,
  };
  return r;
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('createWorkerHandle', () => {
  it('starts from a data: URL when the blob: worker fails before it speaks, and so does every later worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const rt = runtime();
    const heard: string[] = [];
    const first = createWorkerHandle(rt, (_h, msg) => heard.push(msg.type), {}, true);
    await first.ready;
    expect(FakeWorker.made.map((w) => w.url.slice(0, 5))).toEqual(['blob:', 'data:']);
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    expect(first.url).toMatch(/^data:/);
    expect(heard).toEqual(['ready']); // the refused blob: worker is not reported as a failure
    await vi.waitFor(() => expect(FakeWorker.made[1]?.posted).toContainEqual(expect.objectContaining({ type: 'init' })));
    const second = createWorkerHandle(rt, () => undefined, {}, true);
    await second.ready;
    expect(FakeWorker.made.map((w) => w.url.slice(0, 5))).toEqual(['blob:', 'data:', 'data:']);
  });
});
