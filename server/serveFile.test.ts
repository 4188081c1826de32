// @vitest-environment node
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './createApp.ts';

let dist: string;
const script = `export const answer = ${'42 + '.repeat(2000)}0;\n`;
const wasm = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 13));

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'executor-encoded-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'pyodide', 'v314.0.7'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  for (const [file, bytes] of [
    [join(dist, 'assets', 'main.js'), Buffer.from(script)],
    [join(dist, 'pyodide', 'v314.0.7', 'pyodide.asm.wasm'), wasm],
  ] as const) {
    writeFileSync(file, bytes);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes));
    writeFileSync(`${file}.gz`, gzipSync(bytes));
  }
  writeFileSync(join(dist, 'assets', 'plain.css'), 'body { color: red }');
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  createApp({ distDir: dist }).request(`http://127.0.0.1:8080${path}`, { method, headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('serving the compressed copies the build wrote', () => {
  it('sends brotli where it is accepted, gzip where only that is, the file as it is otherwise: the same bytes once decoded', async () => {
    const br = await get('/assets/main.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = await bytes(br);
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await get('/assets/main.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);

    const plain = await get('/assets/main.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect((await bytes(plain)).toString()).toBe(script);
  });

  it("keeps Pyodide's files byte-identical and immutable, in every coding", async () => {
    for (const accept of ['br', 'gzip', '']) {
      const res = await get('/pyodide/v314.0.7/pyodide.asm.wasm', { 'Accept-Encoding': accept });
      expect(res.headers.get('content-type')).toBe('application/wasm');
      expect(res.headers.get('cache-control')).toContain('immutable');
      const body = await bytes(res);
      const decoded = accept === 'br' ? brotliDecompressSync(body) : accept === 'gzip' ? gunzipSync(body) : body;
      expect(decoded.equals(wasm)).toBe(true);
    }
  });

  it('gives each coding its own ETag, and a 304 only for the one the cache holds', async () => {
    const br = await get('/assets/main.js', { 'Accept-Encoding': 'br' });
    const gz = await get('/assets/main.js', { 'Accept-Encoding': 'gzip' });
    const brTag = br.headers.get('etag') ?? '';
    expect(brTag).toMatch(/-br"$/);
    expect(gz.headers.get('etag')).not.toBe(brTag);
    expect((await get('/assets/main.js', { 'Accept-Encoding': 'br', 'If-None-Match': brTag })).status).toBe(304);
    expect((await get('/assets/main.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': brTag })).status).toBe(200);
  });

  it('answers HEAD with the headers of the copy it would send, and no body', async () => {
    const res = await get('/assets/main.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    const full = await bytes(await get('/assets/main.js', { 'Accept-Encoding': 'br' }));
    expect(Number(res.headers.get('content-length'))).toBe(full.length);
    expect((await bytes(res)).length).toBe(0);
  });

  it('answers a Range request with the whole file as it is (no range of a compressed copy)', async () => {
    const res = await get('/assets/main.js', { 'Accept-Encoding': 'br', Range: 'bytes=0-9' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('accept-ranges')).toBeNull();
    expect((await bytes(res)).toString()).toBe(script);
  });

  it('sends a file without copies as it is, without Vary', async () => {
    const res = await get('/assets/plain.css', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(await res.text()).toBe('body { color: red }');
  });
});
