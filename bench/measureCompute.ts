import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { BareWindow } from './bare/bareApi.ts';
import { log } from './log.ts';
import { parseComputeMs } from './parseComputeSeconds.ts';
import { COMPUTE_PROGRAM, REPO_DIR } from './paths.ts';
import { runCommand } from './runCommand.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

interface Timed {
  stdout: string;
  endToEndMs: number;
}

/**
 * Figure 3: bench/programs/compute.py in Executor, in the bare worker and in
 * native python3. Each reports the time inside Python (perf_counter around the
 * work); Executor and the bare worker also their end-to-end time. One untimed
 * warm-up run each.
 */
export async function measureCompute(executor: Page, bare: Page, runs: number): Promise<BenchRow[]> {
  const code = await readFile(COMPUTE_PROGRAM, 'utf8');
  const runExecutor = async (): Promise<Timed> => {
    await executor.bringToFront();
    return executor.evaluate(async (src) => {
      const started = performance.now();
      const r = await window.executor.engine.execute(src, { timeoutMs: 120_000 });
      const endToEndMs = performance.now() - started;
      if (r.status !== 'ok') throw new Error(`compute.py ended with ${r.status}: ${r.error?.message ?? ''}`);
      return { stdout: r.stdout, endToEndMs };
    }, code);
  };
  const runBare = async (): Promise<Timed> => {
    await bare.bringToFront();
    return bare.evaluate(async (src) => {
      const started = performance.now();
      const r = await (window as unknown as BareWindow).bare.run(src);
      const endToEndMs = performance.now() - started;
      if (r.error !== null) throw new Error(`compute.py failed in the bare worker: ${r.error}`);
      return { stdout: r.stdout, endToEndMs };
    }, code);
  };
  const runNative = async (): Promise<number> => parseComputeMs((await runCommand('python3', [COMPUTE_PROGRAM], REPO_DIR)).stdout);

  await runExecutor();
  await runBare();
  await runNative();
  const exIn: number[] = [];
  const exE2e: number[] = [];
  const baIn: number[] = [];
  const baE2e: number[] = [];
  const native: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ex = await runExecutor();
    exIn.push(parseComputeMs(ex.stdout));
    exE2e.push(ex.endToEndMs);
    const ba = await runBare();
    baIn.push(parseComputeMs(ba.stdout));
    baE2e.push(ba.endToEndMs);
    native.push(await runNative());
    log(
      `compute ${i + 1}/${runs}: Executor ${exIn.at(-1)?.toFixed(0)} ms (end to end ${exE2e.at(-1)?.toFixed(0)}), ` +
        `bare ${baIn.at(-1)?.toFixed(0)} ms (end to end ${baE2e.at(-1)?.toFixed(0)}), native ${native.at(-1)?.toFixed(0)} ms`,
    );
  }
  const f = '3. Compute';
  return [
    row(f, 'compute.py, inside Python: Executor vs bare worker', 'ms', summarize(exIn), 'bare Pyodide worker', summarize(baIn)),
    row(f, 'compute.py, inside Python: Executor vs native', 'ms', summarize(exIn), 'native python3', summarize(native)),
    row(
      f,
      'compute.py, inside Python: bare worker vs native',
      'ms',
      summarize(baIn),
      'native python3',
      summarize(native),
      'Pyodide’s own cost (WebAssembly), no Executor involved',
    ),
    row(f, 'compute.py, end to end (call → result)', 'ms', summarize(exE2e), 'bare worker end to end', summarize(baE2e)),
  ];
}
