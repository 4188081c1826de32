import { describe, expect, it, vi } from 'vitest';
import { createAssetFetch } from './createAssetFetch.ts';

const base = 'http://127.0.0.1:8080/packages/';

describe('createAssetFetch', () => {
  it('serves registered files from memory until they are withdrawn, and passes other URLs to the real fetch', async () => {
    const real = vi.fn(async () => new Response('network'));
    const assets = createAssetFetch(real, () => undefined);
    const stop = assets.serve('http://x/std.zip', () => new Response('from memory'));
    expect(await (await assets.fetch(new URL('http://x/std.zip'))).text()).toBe('from memory');
    stop();
    expect(await (await assets.fetch('http://x/std.zip')).text()).toBe('network');
    expect(real).toHaveBeenCalledTimes(1);
  });

  it("asks the page for files under the routed folders, with the request's integrity and Accept, and answers with its bytes and type", async () => {
    const asked: Array<[number, { url: string; integrity: string | null; accept: string | null }]> = [];
    const real = vi.fn();
    const assets = createAssetFetch(real, (id, request) => asked.push([id, request]));
    assets.route([base]);
    const pending = assets.fetch(`${base}pytest.whl`, { integrity: 'sha256-abc', headers: { Accept: 'application/zip' } });
    await Promise.resolve();
    expect(asked).toEqual([[1, { url: `${base}pytest.whl`, integrity: 'sha256-abc', accept: 'application/zip' }]]);
    assets.deliver(1, { ok: true, bytes: new TextEncoder().encode('wheel').buffer, contentType: 'application/zip' });
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-length')).toBe('5');
    expect(await response.text()).toBe('wheel');
    expect(real).not.toHaveBeenCalled();
  });

  it("turns the page's refusal into an HTTP error response that says why", async () => {
    const assets = createAssetFetch(vi.fn(), () => undefined);
    assets.route([base]);
    const pending = assets.fetch(`${base}missing.whl`);
    await Promise.resolve();
    assets.deliver(1, { ok: false, status: 404, error: 'http://127.0.0.1:8080/packages/missing.whl: HTTP 404.' });
    const response = await pending;
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('HTTP 404');
  });

  it('rejects, as a blocked fetch does, what the page refused or could not reach', async () => {
    const assets = createAssetFetch(vi.fn(), () => undefined);
    assets.route(['http://']);
    const pending = assets.fetch('http://127.0.0.1:9/collect');
    await Promise.resolve();
    assets.deliver(1, { ok: false, status: 502, error: 'http://127.0.0.1:9/collect could not be downloaded (Failed to fetch).' });
    await expect(pending).rejects.toThrow(/Failed to fetch: .*could not be downloaded/);
  });

  it('sends non-GET requests and unrouted URLs to the real fetch (where the CSP decides)', async () => {
    const real = vi.fn(async () => new Response('real'));
    const ask = vi.fn();
    const assets = createAssetFetch(real, ask);
    assets.route([base]);
    await assets.fetch(`${base}x.whl`, { method: 'POST' });
    await assets.fetch('https://cdn.example/x.whl');
    expect(real).toHaveBeenCalledTimes(2);
    expect(ask).not.toHaveBeenCalled();
  });
});
