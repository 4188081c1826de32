// @vitest-environment node
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './createApp.ts';

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'executor-dist-'));
  mkdirSync(join(dist, 'frame'));
  mkdirSync(join(dist, 'pyodide', 'v314.0.7'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'frame.html'), '<!doctype html><title>frame</title>');
  writeFileSync(join(dist, 'frame', 'frame.js'), '/* frame */');
  writeFileSync(join(dist, 'pyodide', 'v314.0.7', 'pyodide.asm.wasm'), 'wasm');
  writeFileSync(join(dist, 'secret.txt'), 'not outside');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'main-Dkx9Sd9b.js'), '/* app */');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
});

const get = (path: string, init?: RequestInit) =>
  createApp({ distDir: dist, packageLock: '{"packages":{}}' }).request(`http://127.0.0.1:8080${path}`, init);

describe('createApp', () => {
  it('serves the page cross-origin isolated and unframeable', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the page and frame without isolation when asked (?isolation=off), with the same CSP', async () => {
    for (const path of ['/?isolation=off&session=a', '/frame.html?isolation=off']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
      expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    }
    expect((await get('/frame.html')).headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('lets the page show rich output (blob:/data: images, script-less srcdoc frames) and nothing more', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*(blob:|data:|\*)/);
  });

  it("serves the frame with a strict CSP: no unsafe-eval, only its own script, no request to the app's origin", async () => {
    const csp = (await get('/frame.html')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src http://127.0.0.1:8080/frame/frame.js 'wasm-unsafe-eval'");
    // Pyodide's files and the index's wheels reach the sandbox from the page, which the browser caches.
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob: data:');
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
  });

  it('gives the sandbox assets CORS and a cross-origin resource policy, with the wasm type', async () => {
    const res = await get('/pyodide/v314.0.7/pyodide.asm.wasm');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const lock = await get('/packages/pyodide-lock.json');
    expect(await lock.json()).toEqual({ packages: {} });
    expect(lock.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("caches the build's hashed assets for good, and revalidates the page and its unhashed files", async () => {
    expect((await get('/assets/main-Dkx9Sd9b.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBeNull();
  });

  it('answers a revalidation of an unchanged file or lock with 304 and no body', async () => {
    for (const path of ['/pyodide/v314.0.7/pyodide.asm.wasm', '/packages/pyodide-lock.json']) {
      const first = await get(path);
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
      const again = await get(path, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const changed = await get(path, { headers: { 'If-None-Match': '"something-else"' } });
      expect(changed.status).toBe(200);
    }
  });

  it('never serves files outside the built app', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/pyodide/v314.0.7/..%2f..%2f..%2fpackage.json']) {
      const res = await get(path);
      expect(await res.text()).not.toContain('"name": "executor"');
    }
  });

  it('serves the sandbox folders by exact name only: encoded separators and dot segments get a 400', async () => {
    expect((await get('/pyodide/v314.0.7/pyodide.asm.wasm')).status).toBe(200);
    // (Whole dot segments, literal or encoded, are resolved by URL parsing, in the browser too, before the CSP sees them.)
    for (const path of [
      '/packages/..%2fsecret.txt',
      '/packages/%2e%2e%2fsecret.txt',
      '/pyodide/v314.0.7/..%5c..%5csecret.txt',
      '/packages/x%00.whl',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.text()).toMatch(/^Bad path: .*exact name\.$/);
    }
  });

  it('answers unknown API routes with JSON and app routes with the page', async () => {
    const api = await get('/api/nothing');
    expect(api.status).toBe(404);
    expect(await api.json()).toHaveProperty('error.message');
    const route = await get('/some/app/route');
    expect(await route.text()).toContain('<title>app</title>');
  });
});
