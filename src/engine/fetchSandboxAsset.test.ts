import { describe, expect, it, vi } from 'vitest';
import { createPackageCache } from './createPackageCache.ts';
import { fetchSandboxAsset } from './fetchSandboxAsset.ts';
import { fetchRuntimeFiles } from './fetchRuntimeFiles.ts';

const origin = 'http://127.0.0.1:8080';
const ask = (url: string, integrity: string | null = null, accept: string | null = null) => ({ url, integrity, accept });

/** Cache Storage as the browser has it, in memory: what the page keeps between installs. */
function memoryCaches(): CacheStorage & { keys: () => Promise<string[]> } {
  const store = new Map<string, Map<string, Response>>();
  const bucket = (name: string) => store.get(name) ?? store.set(name, new Map()).get(name)!;
  return {
    open: async (name: string) =>
      ({
        match: async (url: string) => bucket(name).get(url)?.clone(),
        put: async (url: string, res: Response) => void bucket(name).set(url, res),
      }) as unknown as Cache,
    keys: async () => [...store.values()].flatMap((b) => [...b.keys()]),
  } as unknown as CacheStorage & { keys: () => Promise<string[]> };
}

async function sriOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}

describe('fetchSandboxAsset', () => {
  it('fetches an allowed file with the integrity it was asked for, no redirects, and hands back its bytes', async () => {
    const fetcher = vi.fn(async () => new Response('wheel bytes'));
    const reply = await fetchSandboxAsset(ask(`${origin}/packages/a.whl`, 'sha256-xyz'), origin, fetcher);
    expect(reply.ok && new TextDecoder().decode(reply.bytes)).toBe('wheel bytes');
    expect(fetcher).toHaveBeenCalledWith(`${origin}/packages/a.whl`, {
      credentials: 'same-origin',
      redirect: 'error',
      integrity: 'sha256-xyz',
    });
  });

  it('refuses what the sandbox may not have without fetching, and reports HTTP and network errors', async () => {
    const fetcher = vi.fn(async () => new Response('nope', { status: 404 }));
    expect(await fetchSandboxAsset(ask(`${origin}/api/chat`), origin, fetcher as unknown as typeof fetch)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(fetcher).not.toHaveBeenCalled();
    expect(await fetchSandboxAsset(ask(`${origin}/packages/b.whl`), origin, fetcher as unknown as typeof fetch)).toEqual({
      ok: false,
      status: 404,
      error: `${origin}/packages/b.whl: HTTP 404.`,
    });
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const reply = await fetchSandboxAsset(ask(`${origin}/packages/c.whl`, 'sha256-bad'), origin, failing);
    expect(reply).toMatchObject({ ok: false, status: 502 });
    expect(!reply.ok && reply.error).toContain('could not be downloaded (Failed to fetch)');
  });

  it('fetches from another origin (a CDN, a package index) without credentials, with the Accept header asked, and gives its Content-Type', async () => {
    const fetcher = vi.fn(
      async () => new Response('{"files": []}', { headers: { 'Content-Type': 'application/vnd.pypi.simple.v1+json' } }),
    );
    const accept = 'application/vnd.pypi.simple.v1+json, */*;q=0.01';
    const reply = await fetchSandboxAsset(ask('https://pypi.org/simple/humanize/', null, accept), origin, fetcher);
    expect(reply).toMatchObject({ ok: true, contentType: 'application/vnd.pypi.simple.v1+json' });
    expect(fetcher).toHaveBeenCalledWith('https://pypi.org/simple/humanize/', {
      credentials: 'omit',
      redirect: 'follow',
      headers: { Accept: accept },
    });
    expect(await fetchSandboxAsset(ask('ftp://example.org/a.whl'), origin, fetcher)).toMatchObject({ ok: false, status: 400 });
  });

  it('keeps wheels: a second install, in this visit or a later one, makes no request; bytes that do not match the lock are fetched again', async () => {
    const caches = memoryCaches();
    const fetcher = vi.fn(async () => new Response('wheel bytes', { headers: { 'Content-Type': 'application/zip' } }));
    const url = 'https://cdn.example/full/demo-1.0-py3-none-any.whl';
    const integrity = await sriOf('wheel bytes');
    const first = await fetchSandboxAsset(ask(url, integrity), origin, fetcher, createPackageCache(caches));
    // A later visit: a new page, the same Cache Storage.
    const second = await fetchSandboxAsset(ask(url, integrity), origin, fetcher, createPackageCache(caches));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(second.ok && new TextDecoder().decode(second.bytes)).toBe('wheel bytes');
    expect(first.ok && second.ok && second.contentType).toBe('application/zip');
    // The lock now names other bytes (a rebuilt wheel): the kept copy is not used.
    await fetchSandboxAsset(ask(url, await sriOf('other bytes')), origin, fetcher, createPackageCache(caches));
    expect(fetcher).toHaveBeenCalledTimes(2);
    // Only package files are kept, not index pages.
    await fetchSandboxAsset(ask('https://pypi.org/simple/demo/'), origin, fetcher, createPackageCache(caches));
    expect(await caches.keys()).toEqual([url]);
  });

  it('works where the browser has no Cache Storage (nothing kept)', async () => {
    const fetcher = vi.fn(async () => new Response('w'));
    const cache = createPackageCache(undefined);
    await fetchSandboxAsset(ask(`${origin}/packages/a.whl`), origin, fetcher, cache);
    await fetchSandboxAsset(ask(`${origin}/packages/a.whl`), origin, fetcher, cache);
    expect(fetcher).toHaveBeenCalledTimes(2);
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
