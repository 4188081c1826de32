import type { Page } from '@playwright/test';
import type { BareWindow } from './bare/bareApi.ts';
import { BENCH_CONFIG, floodProgram } from './benchConfig.ts';
import { log } from './log.ts';
import { readHeapMB } from './readHeapMB.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

interface FloodSample {
  resultMs: number;
  settledMs: number;
  longestTaskMs: number;
  longTasks: number;
  outputChars: number;
}

/**
 * Figure 5: `for i in range(200_000): print(i)` with an output cap that keeps it
 * all. Executor streams it to the console; the bare worker collects it and
 * returns it with the result (the floor: no streaming, no UI).
 */
export async function measureOutputFlood(executor: Page, bare: Page, runs: number): Promise<BenchRow[]> {
  const code = floodProgram(BENCH_CONFIG.floodLines);
  const expectedChars = Array.from({ length: BENCH_CONFIG.floodLines }, (_, i) => `${i}\n`).join('').length;
  const ex: FloodSample[] = [];
  const ba: FloodSample[] = [];
  const exHeap: number[] = [];
  const baHeap: number[] = [];
  const exHeapBefore = await readHeapMB(executor);
  for (let i = 0; i < runs; i++) {
    await executor.bringToFront();
    const e = await executor.evaluate(
      async ({ src, maxOutputChars }) => {
        const durations: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const started = performance.now();
        const r = await window.executor.engine.execute(src, { maxOutputChars, timeoutMs: 120_000 });
        const resultMs = performance.now() - started;
        // Let the console render what it was handed: two frames and a task.
        await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
        const settledMs = performance.now() - started;
        await new Promise((done) => setTimeout(done, 300)); // long-task entries arrive late
        for (const entry of observer.takeRecords()) durations.push(entry.duration);
        observer.disconnect();
        if (r.status !== 'ok') throw new Error(`The flood ended with ${r.status}`);
        return { resultMs, settledMs, longestTaskMs: Math.max(0, ...durations), longTasks: durations.length, outputChars: r.stdout.length };
      },
      { src: code, maxOutputChars: BENCH_CONFIG.floodMaxOutputChars },
    );
    if (e.outputChars !== expectedChars) throw new Error(`Executor returned ${e.outputChars} of ${expectedChars} output characters.`);
    ex.push(e);
    exHeap.push(await readHeapMB(executor));
    await bare.bringToFront();
    const b = await bare.evaluate(async (src) => {
      const durations: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const started = performance.now();
      const r = await (window as unknown as BareWindow).bare.run(src);
      const resultMs = performance.now() - started;
      await new Promise((done) => setTimeout(done, 300));
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      if (r.error !== null) throw new Error(`The bare flood failed: ${r.error}`);
      return {
        resultMs,
        settledMs: resultMs,
        longestTaskMs: Math.max(0, ...durations),
        longTasks: durations.length,
        outputChars: r.stdout.length,
      };
    }, code);
    if (b.outputChars !== expectedChars)
      throw new Error(`The bare worker returned ${b.outputChars} of ${expectedChars} output characters.`);
    ba.push(b);
    baHeap.push(await readHeapMB(bare));
    log(
      `output flood ${i + 1}/${runs}: Executor ${e.resultMs.toFixed(0)} ms (settled ${e.settledMs.toFixed(0)}, longest task ${e.longestTaskMs.toFixed(0)} ms, ` +
        `heap ${exHeap.at(-1)?.toFixed(1)} MB); bare ${b.resultMs.toFixed(0)} ms (longest task ${b.longestTaskMs.toFixed(0)} ms)`,
    );
  }
  const f = '5. Output flood';
  const lines = `${BENCH_CONFIG.floodLines.toLocaleString('en')} lines`;
  return [
    row(
      f,
      `print ${lines}: call → result`,
      'ms',
      summarize(ex.map((s) => s.resultMs)),
      'bare worker (collects, no streaming/UI)',
      summarize(ba.map((s) => s.resultMs)),
    ),
    row(
      f,
      `print ${lines}: call → console rendered`,
      'ms',
      summarize(ex.map((s) => s.settledMs)),
      'bare worker (collects, no streaming/UI)',
      summarize(ba.map((s) => s.resultMs)),
    ),
    row(
      f,
      'Longest main-thread task during the flood',
      'ms',
      summarize(ex.map((s) => s.longestTaskMs)),
      'bare page',
      summarize(ba.map((s) => s.longestTaskMs)),
      'long tasks are ≥ 50 ms; 0 means none',
    ),
    row(f, 'Page JS heap after the flood (after GC)', 'MB', summarize(exHeap), 'Executor page before the flood', summarize([exHeapBefore])),
    row(f, 'Bare page JS heap after the flood (after GC)', 'MB', summarize(baHeap)),
  ];
}
