import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import type { RunOptions, RunSample } from '../protocol/results.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';
import { runSafely } from './runSafely.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

async function run(code: string, options: Partial<RunOptions> = {}) {
  const samples: RunSample[] = [];
  const result = await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, ...options }, interrupt, () => undefined, {
    sendSample: (s) => samples.push(s),
  });
  return { result, samples };
}

const BUBBLE_SORT = `def bubble_sort(arr):
    n = len(arr)
    for i in range(n):
        for j in range(0, n-i-1):
            if arr[j] > arr[j+1]:
                arr[j], arr[j+1] = arr[j+1], arr[j]
    return arr

import time
sizes = [100, 300]
for size in sizes:
    arr = list(range(size, 0, -1))
    start = time.time()
    bubble_sort(arr.copy())
    end = time.time()
    print(f"Size {size}: {end-start:.4f} seconds")
`;

beforeAll(async () => {
  rt = await loadTestRuntime();
  rt.pyodide.setInterruptBuffer(interrupt);
});

describe('run metrics (real Pyodide in Node)', () => {
  it('measures heap growth, the Python allocation peak and the CPU share', async () => {
    const { result } = await run('blob = bytearray(40 * 1024 * 1024)\nlen(blob)', { tracePythonMemory: true });
    const m = result.metrics;
    expect(result.status).toBe('ok');
    expect(m.collected).toBe(true);
    expect(m.pythonPeakMB).toBeGreaterThan(39);
    expect(m.heapEndMB! - m.heapStartMB!).toBeGreaterThan(30);
    expect(m.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(m.cpuPercent).toBeLessThanOrEqual(100);
    await run('del blob');
  });

  it('leaves tracemalloc off unless asked (it slows allocation-heavy code down several times)', async () => {
    const { result } = await run('import tracemalloc\ntracemalloc.is_tracing()');
    expect(result.value).toBe('False');
    expect(result.metrics.collected).toBe(true);
    expect(result.metrics.pythonPeakMB).toBeNull();
    expect((await run('import tracemalloc\ntracemalloc.is_tracing()', { tracePythonMemory: true })).result.value).toBe('True');
  });

  it('records nothing extra with COLLECT_METRICS off, and leaves tracemalloc off', async () => {
    const { result, samples } = await run('import tracemalloc\ntracemalloc.is_tracing()', { collectMetrics: false });
    expect(result.value).toBe('False');
    expect(result.metrics.collected).toBe(false);
    expect(result.metrics.pythonPeakMB).toBeUndefined();
    expect(samples).toEqual([]);
  });

  it('sends no live sample for a run shorter than the sample interval (each is a message and a repaint)', async () => {
    const { result, samples } = await run('x = 1');
    expect(result.metrics.collected).toBe(true);
    expect(samples).toEqual([]);
  });

  it('sends live samples from the garbage collector while a program allocates', async () => {
    const code =
      'import time\nend = time.perf_counter() + 0.8\nkeep = []\nwhile time.perf_counter() < end:\n    keep.append([0] * 10)\ndel keep';
    const { samples } = await run(code, { tracePythonMemory: true });
    expect(samples.length).toBeGreaterThan(2);
    expect(samples.at(-1)!.pythonMB).not.toBeNull();
  });

  it('flushes output that is still pending when the run ends without touching the finished monitor', async () => {
    const batches: string[] = [];
    const code =
      'import time\nprint("start")\nend = time.perf_counter() + 0.3\nwhile time.perf_counter() < end:\n    pass\nprint("last line")';
    const result = await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS }, interrupt, (c) => batches.push(c.map((x) => x.text).join('')), {
      sendSample: () => undefined,
    });
    expect(result.status).toBe('ok');
    expect(batches.join('')).toBe('start\nlast line\n');
  });

  it('runs in a fresh namespace when asked, keeping the persistent one', async () => {
    await run('kept = 1');
    expect((await run('"kept" in globals()', { freshNamespace: true })).result.value).toBe('False');
    expect((await run('kept')).result.value).toBe('1');
  });
});

describe('profiling (real Pyodide in Node)', () => {
  it("profiles the seed's bubble sort with bubble_sort as the heaviest own time", async () => {
    const { result } = await run(BUBBLE_SORT, { profile: true });
    expect(result.status).toBe('ok');
    const profile = result.profile!;
    expect(profile.roots).toEqual(['main.py:1(<module>)']);
    expect(profile.totalMs).toBeGreaterThan(0);
    const byOwn = [...profile.functions].sort((a, b) => b.ownMs - a.ownMs);
    expect(byOwn[0]!.name).toBe('bubble_sort');
    expect(byOwn[0]!.line).toBe(1);
    expect(byOwn[0]!.calls).toBe(2);
    expect(byOwn[0]!.callers.map((c) => c.key)).toEqual(['main.py:1(<module>)']);
    // The runner's own work (compiling, flushing) is not the program's.
    expect(profile.functions.some((f) => f.file.includes('_executor'))).toBe(false);
  });

  it('keeps a program ending in an expression apart from that expression (both are <module> of main.py)', async () => {
    const code = 'def spin(n):\n    return sum(i * i for i in range(n))\n\ntotal = spin(300_000)\nprint("done", total > 0)';
    for (let i = 0; i < 4; i++) {
      const { result } = await run(code, { profile: true });
      const profile = result.profile!;
      expect(profile.roots).toEqual(['main.py:1(<module>)', 'main.py:5(<module>)']);
      const body = profile.functions.find((f) => f.key === 'main.py:1(<module>)')!;
      const spin = profile.functions.find((f) => f.name === 'spin')!;
      expect(body.cumMs).toBeGreaterThanOrEqual(spin.cumMs);
      expect(spin.callers.map((c) => c.key)).toEqual(['main.py:1(<module>)']);
      expect(profile.functions.some((f) => f.name.includes('print') && f.callers.some((c) => c.key === 'main.py:5(<module>)'))).toBe(true);
    }
  });

  it('profiles in safe mode too (the default policy)', async () => {
    await run('import sys; sys.modules.pop("json", None)'); // a fresh import goes through safe mode's hooks
    const BUBBLE_SORT_JSON = `import json\n${BUBBLE_SORT}`;
    const options = { ...DEFAULT_RUN_OPTIONS, profile: true, policy: DEFAULT_RUN_POLICY };
    const result = await runSafely(rt, BUBBLE_SORT_JSON, DEFAULT_RUN_POLICY, {
      execute: () => runCode(rt, BUBBLE_SORT_JSON, options, interrupt, () => undefined),
    });
    expect(result.error).toBeNull();
    // Safe mode's hooks run inside the program's frames; they are left out of its profile.
    expect(result.profile!.functions.some((f) => f.file.startsWith('/opt/executor/'))).toBe(false);
    expect([...result.profile!.functions].sort((a, b) => b.ownMs - a.ownMs)[0]!.name).toBe('bubble_sort');
  });

  it('has no profile unless asked, and still profiles a failing program', async () => {
    expect((await run('1 + 1')).result.profile).toBeUndefined();
    const { result } = await run('def f():\n    raise ValueError("x")\nf()', { profile: true });
    expect(result.status).toBe('error');
    expect(result.profile!.functions.map((f) => f.name)).toContain('f');
  });
});
