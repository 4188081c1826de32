import type { Page } from '@playwright/test';
import type { BareWindow } from './bare/bareApi.ts';
import { log } from './log.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/**
 * Figure 2: mean time of one trivial run (`pass`) over `iterations` runs, timed
 * in the page: engine.execute → result for Executor, postMessage → result for
 * the bare worker. One untimed run first.
 */
export async function measureRoundTrip(executor: Page, bare: Page, runs: number, iterations: number): Promise<BenchRow[]> {
  const ex: number[] = [];
  const ba: number[] = [];
  for (let i = 0; i < runs; i++) {
    await executor.bringToFront();
    ex.push(
      await executor.evaluate(async (n) => {
        const engine = window.executor.engine;
        await engine.execute('pass');
        const started = performance.now();
        for (let k = 0; k < n; k++) {
          const r = await engine.execute('pass');
          if (r.status !== 'ok') throw new Error(`pass ended with status ${r.status}`);
        }
        return (performance.now() - started) / n;
      }, iterations),
    );
    await bare.bringToFront();
    ba.push(
      await bare.evaluate(async (n) => {
        const api = (window as unknown as BareWindow).bare;
        await api.run('pass');
        const started = performance.now();
        for (let k = 0; k < n; k++) {
          const r = await api.run('pass');
          if (r.error !== null) throw new Error(`pass failed: ${r.error}`);
        }
        return (performance.now() - started) / n;
      }, iterations),
    );
    log(`round trip ${i + 1}/${runs}: Executor ${ex.at(-1)?.toFixed(3)} ms, bare ${ba.at(-1)?.toFixed(3)} ms`);
  }
  return [
    row(
      '2. Round trip',
      `Trivial run (pass), mean of ${iterations}`,
      'ms',
      summarize(ex),
      'bare worker postMessage round trip',
      summarize(ba),
    ),
  ];
}
