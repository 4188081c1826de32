import { describe, expect, it } from 'vitest';
import { loadPyodide } from 'pyodide';
import type { PyodideAPI } from 'pyodide';
import { prepareRuntime, restorePyodide, WORKING_DIR } from './bootPyodide.ts';
import { runCode } from './runCode.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';

const ASM = new URL('../../node_modules/pyodide/pyodide.asm.mjs', import.meta.url).href;
type Factory = Parameters<typeof restorePyodide>[1];
const load = loadPyodide as unknown as (config: Record<string, unknown>) => Promise<PyodideAPI>;

async function run(rt: ReturnType<typeof prepareRuntime>, code: string): Promise<string> {
  const result = await runCode(rt, code, DEFAULT_RUN_OPTIONS, new Int32Array(new SharedArrayBuffer(4)), () => undefined);
  return result.error ? `${result.error.type}: ${result.error.message}` : result.stdout;
}

describe('booting from a memory snapshot (real Pyodide in Node)', () => {
  it('restores a prepared interpreter: fresh namespace, working folder, HOME, and its own random numbers', async () => {
    const maker = await loadPyodide({ _makeSnapshot: true, env: { HOME: WORKING_DIR } });
    prepareRuntime(maker, false);
    const snapshot = maker.makeMemorySnapshot();
    expect(snapshot.length).toBeGreaterThan(10 * 2 ** 20);

    const factory = ((await import(/* @vite-ignore */ ASM)) as { default: Factory }).default;
    const a = prepareRuntime(await restorePyodide(load, factory, {}, snapshot), true);
    const b = prepareRuntime(await restorePyodide(load, factory, {}, snapshot), true);
    // The snapshot's bytes are not kept alive by the restored interpreter (30 MB each in the browser).
    const config = (a.pyodide as unknown as { _api: { config: Record<string, unknown> } })._api.config;
    expect(config).toHaveProperty('indexURL');
    expect(config).not.toHaveProperty('_loadSnapshot');
    const probe = 'import os, random\nprint(os.getcwd(), os.environ["HOME"], random.random())';
    const [outA, outB] = [await run(a, probe), await run(b, probe)];
    expect(outA.startsWith(`${WORKING_DIR} ${WORKING_DIR} `)).toBe(true);
    expect(outA).not.toBe(outB);
    expect(await run(a, 'x = 1\nprint(sum(range(10)))')).toBe('45\n');
    expect(await run(b, 'print("x" in globals())')).toBe('False\n');
  }, 60_000);

  it('refuses bytes that are not a snapshot with a clear error', async () => {
    const factory = ((await import(/* @vite-ignore */ ASM)) as { default: Factory }).default;
    await expect(restorePyodide(load, factory, {}, new Uint8Array(1024).fill(7))).rejects.toThrow(/snapshot/i);
  }, 60_000);
});
