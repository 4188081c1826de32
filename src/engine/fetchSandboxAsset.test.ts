import { describe, expect, it, vi } from 'vitest';
import { fetchSandboxAsset } from './fetchSandboxAsset.ts';
import { fetchRuntimeFiles } from './fetchRuntimeFiles.ts';

const origin = 'http://127.0.0.1:8080';

describe('fetchSandboxAsset', () => {
  it('fetches an allowed file with the integrity it was asked for, no redirects, and hands back its bytes', async () => {
    const fetcher = vi.fn(async () => new Response('wheel bytes'));
    const reply = await fetchSandboxAsset(`${origin}/packages/a.whl`, 'sha256-xyz', origin, fetcher);
    expect(reply.ok && new TextDecoder().decode(reply.bytes)).toBe('wheel bytes');
    expect(fetcher).toHaveBeenCalledWith(`${origin}/packages/a.whl`, {
      credentials: 'same-origin',
      redirect: 'error',
      integrity: 'sha256-xyz',
    });
  });

  it('refuses what the sandbox may not have without fetching, and reports HTTP and network errors', async () => {
    const fetcher = vi.fn(async () => new Response('nope', { status: 404 }));
    expect(await fetchSandboxAsset(`${origin}/api/chat`, null, origin, fetcher as unknown as typeof fetch)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(fetcher).not.toHaveBeenCalled();
    expect(await fetchSandboxAsset(`${origin}/packages/b.whl`, null, origin, fetcher as unknown as typeof fetch)).toEqual({
      ok: false,
      status: 404,
      error: `${origin}/packages/b.whl: HTTP 404.`,
    });
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const reply = await fetchSandboxAsset(`${origin}/packages/c.whl`, 'sha256-bad', origin, failing);
    expect(reply).toMatchObject({ ok: false, status: 502 });
    expect(!reply.ok && reply.error).toContain('could not be downloaded (Failed to fetch)');
  });
});

describe('fetchRuntimeFiles', () => {
  it("fetches Pyodide's files and the package lock from the app's origin", async () => {
    const fetcher = vi.fn(async (url: string) => new Response(url.endsWith('.json') ? '{"packages":{}}' : `bytes of ${url}`));
    const files = await fetchRuntimeFiles(origin, fetcher as unknown as typeof fetch);
    expect(files.asm).toBe(`bytes of ${origin}/pyodide/v314.0.7/pyodide.asm.mjs`);
    expect(new TextDecoder().decode(files.wasm)).toBe(`bytes of ${origin}/pyodide/v314.0.7/pyodide.asm.wasm`);
    expect(new TextDecoder().decode(files.stdlib)).toBe(`bytes of ${origin}/pyodide/v314.0.7/python_stdlib.zip`);
    expect(files.lock).toBe('{"packages":{}}');
  });

  it('says which file could not be downloaded and why', async () => {
    const fetcher = vi.fn(async (url: string) => new Response('', { status: url.endsWith('.wasm') ? 503 : 200 }));
    await expect(fetchRuntimeFiles(origin, fetcher as unknown as typeof fetch)).rejects.toThrow(
      `${origin}/pyodide/v314.0.7/pyodide.asm.wasm could not be downloaded (HTTP 503).`,
    );
  });
});
