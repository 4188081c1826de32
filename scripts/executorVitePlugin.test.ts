// @vitest-environment node
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { frameHeaders, pageHeaders } from '../server/securityHeaders.ts';

let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
});

describe('npm run dev (Vite with the Executor plugin)', () => {
  it('serves the page cross-origin isolated, like production', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('cross-origin-opener-policy')).toBe(pageHeaders()['Cross-Origin-Opener-Policy']);
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('serves the frame with the production CSP and its bundled script', async () => {
    const frame = await fetch(`${base}/frame.html`);
    expect(frame.headers.get('content-security-policy')).toBe(frameHeaders(base)['Content-Security-Policy']);
    const script = await fetch(`${base}/frame/frame.js`);
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    expect(await script.text()).toContain('loadPyodide');
  });

  it('serves Pyodide from node_modules with CORS and the lock file', async () => {
    const wasm = await fetch(`${base}/pyodide/v314.0.7/pyodide.asm.wasm`, { method: 'GET' });
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const lock = await (await fetch(`${base}/packages/pyodide-lock.json`)).json();
    expect(lock.info.python).toBe('3.14.2');
    expect(lock.packages.pytest).toBeDefined();
  });
});
