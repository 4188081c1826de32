import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createFrameRuntime } from './createFrameRuntime.ts';
import { MAX_PENDING_ASSETS, type RuntimeFiles } from '../protocol/runtimeFiles.ts';

const origin = 'http://127.0.0.1:8080';
const urls = { indexURL: `${origin}/pyodide/v314.0.7/`, packageBaseUrl: `${origin}/packages/` };
const asm = readFileSync(new URL('../../node_modules/pyodide/pyodide.asm.mjs', import.meta.url), 'utf8');
// The smallest valid WebAssembly module: magic number and version.
const EMPTY_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]).buffer;
const files = (wasm: ArrayBuffer = EMPTY_WASM): RuntimeFiles => ({ asm, wasm, stdlib: new Uint8Array([1, 2, 3]).buffer, lock: '{}' });

describe('createFrameRuntime', () => {
  it('compiles the wasm once and gives every worker the module and its own copy of the standard library', async () => {
    const compile = vi.spyOn(WebAssembly, 'compile');
    const given = files();
    const runtime = createFrameRuntime(given, 'self.worker = 1;', urls, origin, vi.fn());
    // Compiled, the module has its own copy: the frame does not keep the wasm bytes.
    expect(given.wasm.byteLength).toBe(0);
    const [a, b] = [await runtime.bootFiles(), await runtime.bootFiles()];
    expect(compile).toHaveBeenCalledTimes(1);
    compile.mockRestore();
    expect(a.wasmModule).toBeInstanceOf(WebAssembly.Module);
    expect(a.wasmModule).toBe(b.wasmModule);
    expect(a.stdlib).not.toBe(b.stdlib);
    expect([...new Uint8Array(a.stdlib)]).toEqual([1, 2, 3]);
    expect(a).toMatchObject({ ...urls, lock: '{}' });
    expect(runtime.workerUrl()).toMatch(/^blob:/);
  });

  it('says why Python cannot be prepared when the wasm does not compile', async () => {
    const runtime = createFrameRuntime(files(new Uint8Array([1, 2, 3]).buffer), '', urls, origin, vi.fn());
    await expect(runtime.bootFiles()).rejects.toThrow(WebAssembly.CompileError);
  });

  it('relays requests for files to the page by id, refusing bad URLs and a flood at once', async () => {
    const ask = vi.fn();
    const runtime = createFrameRuntime(files(), '', urls, origin, ask);
    const ask1 = (url: string, integrity: string | null = null) => ({ url, integrity, accept: null });
    expect(await runtime.requestAsset(ask1(`${origin}/api/chat`))).toMatchObject({ ok: false, status: 400 });
    expect(await runtime.requestAsset(ask1('file:///etc/passwd'))).toMatchObject({ ok: false, status: 400 });
    const first = runtime.requestAsset(ask1(`${origin}/packages/a.whl`, 'sha256-a'));
    expect(ask).toHaveBeenCalledWith(1, ask1(`${origin}/packages/a.whl`, 'sha256-a'));
    const bytes = new ArrayBuffer(2);
    runtime.deliverAsset(1, { ok: true, bytes, contentType: null });
    expect(await first).toEqual({ ok: true, bytes, contentType: null });
    for (let i = 0; i < MAX_PENDING_ASSETS; i++) void runtime.requestAsset(ask1(`${origin}/packages/${i}.whl`));
    expect(await runtime.requestAsset(ask1(`${origin}/packages/more.whl`))).toMatchObject({ ok: false, status: 429 });
  });
});
