import { describe, expect, it } from 'vitest';
import type { DownloadTick } from '../protocol/results.ts';
import { beginDownloadBatch, meterFetch } from './meterFetch.ts';

function served(bytes: Uint8Array, chunk: number, headers: Record<string, string> = {}): typeof fetch {
  return async () => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
    return new Response(body, { status: 200, headers });
  };
}

describe('meterFetch', () => {
  const bytes = new Uint8Array(10_000).map((_, i) => i % 251);

  it("meters nothing outside a batch (the interpreter's own boot files)", async () => {
    const ticks: DownloadTick[] = [];
    const metered = meterFetch(served(bytes, 4000), (t) => ticks.push(t));
    await (await metered('http://127.0.0.1/pyodide/python_stdlib.zip')).arrayBuffer();
    expect(ticks).toEqual([]);
  });

  it('reports a package download in bytes and hands over the same body', async () => {
    const ticks: DownloadTick[] = [];
    beginDownloadBatch();
    let clock = 0;
    const metered = meterFetch(
      served(bytes, 1000, { 'content-length': '10000' }),
      (t) => ticks.push(t),
      100,
      () => (clock += 60),
    );
    const body = new Uint8Array(await (await metered('https://cdn.example/pkg/numpy-2.0-cp314-wasm32.whl')).arrayBuffer());
    expect(body).toEqual(bytes);
    expect(ticks[0]).toMatchObject({ url: 'https://cdn.example/pkg/numpy-2.0-cp314-wasm32.whl', loaded: 0, total: 10_000, done: false });
    expect(ticks.at(-1)).toMatchObject({
      url: 'https://cdn.example/pkg/numpy-2.0-cp314-wasm32.whl',
      loaded: 10_000,
      total: 10_000,
      done: true,
    });
    // Throttled: not one tick per chunk, and never going backwards.
    expect(ticks.length).toBeLessThan(12);
    expect(ticks.map((t) => t.loaded)).toEqual([...ticks.map((t) => t.loaded)].sort((a, b) => a - b));
  });

  it('tags each file with the batch it was started in', async () => {
    const ticks: DownloadTick[] = [];
    const metered = meterFetch(served(bytes, 4000), (t) => ticks.push(t));
    beginDownloadBatch();
    await (await metered('https://x/a.whl')).arrayBuffer();
    beginDownloadBatch();
    await (await metered('https://x/b.whl')).arrayBuffer();
    const batchOf = (url: string) => new Set(ticks.filter((t) => t.url === url).map((t) => t.batch));
    expect([...batchOf('https://x/a.whl')]).toHaveLength(1);
    expect([...batchOf('https://x/b.whl')][0]).toBe([...batchOf('https://x/a.whl')][0]! + 1);
  });

  it('says the total is unknown without Content-Length, and leaves other fetches alone', async () => {
    const ticks: DownloadTick[] = [];
    const metered = meterFetch(served(bytes, 4000), (t) => ticks.push(t));
    const end = beginDownloadBatch();
    await (await metered(new URL('http://127.0.0.1/packages/pytest-8.3.5-py3-none-any.whl'))).arrayBuffer();
    expect(ticks.at(-1)).toMatchObject({ loaded: 10_000, total: null, done: true });
    ticks.length = 0;
    await (await metered('http://127.0.0.1/packages/pyodide-lock.json')).arrayBuffer();
    expect(ticks).toEqual([]);
    end();
    await (await metered('http://127.0.0.1/packages/later-1.0-py3-none-any.whl')).arrayBuffer();
    expect(ticks).toEqual([]);
  });
});
