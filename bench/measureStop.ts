import type { Page } from '@playwright/test';
import type { BareWindow } from './bare/bareApi.ts';
import { BENCH_CONFIG, SPIN_PROGRAM, SWALLOW_INTERRUPT_PROGRAM } from './benchConfig.ts';
import { log } from './log.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/**
 * Figure 4a: Stop → result for `while True: pass` (soft interrupt), Executor's
 * engine.stop() against the bare page writing SIGINT into its interrupt buffer.
 * An interrupt is sometimes not honoured (in both): Executor then kills the
 * worker after its grace period; the bare page reboots its worker after the
 * same grace, so a lost interrupt shows as a slow sample and is counted.
 */
export async function measureSoftStop(
  executor: Page,
  bare: Page,
  runs: number,
): Promise<{ rows: BenchRow[]; lost: { executor: number; bare: number } }> {
  const ex: number[] = [];
  const ba: number[] = [];
  const lost = { executor: 0, bare: 0 };
  for (let i = 0; i < runs; i++) {
    await executor.bringToFront();
    const e = await executor.evaluate(
      async ({ code, afterMs }) => {
        const engine = window.executor.engine;
        const done = engine.execute(code, { timeoutMs: 60_000 });
        await new Promise((r) => setTimeout(r, afterMs));
        const started = performance.now();
        engine.stop();
        const r = await done;
        if (r.status !== 'stopped') throw new Error(`Stop ended the run with status ${r.status}`);
        // stateKept false: the interrupt was not honoured and the worker was killed after the grace period.
        return { ms: performance.now() - started, lost: !r.stateKept };
      },
      { code: SPIN_PROGRAM, afterMs: BENCH_CONFIG.stopAfterMs },
    );
    ex.push(e.ms);
    if (e.lost) lost.executor++;
    await bare.bringToFront();
    const b = await bare.evaluate(
      async ({ code, afterMs, graceMs }) => {
        const api = (window as unknown as BareWindow).bare;
        const done = api.run(code);
        await new Promise((r) => setTimeout(r, afterMs));
        const started = performance.now();
        api.interrupt();
        const r = await Promise.race([done, new Promise<null>((d) => setTimeout(() => d(null), graceMs))]);
        if (r) {
          if (r.error !== 'KeyboardInterrupt') throw new Error(`The bare interrupt ended with ${r.error}`);
          return { ms: performance.now() - started, lost: false };
        }
        // Like Executor: an interrupt that was not honoured within the grace period ends in a reboot.
        await api.reboot();
        return { ms: performance.now() - started, lost: true };
      },
      { code: SPIN_PROGRAM, afterMs: BENCH_CONFIG.stopAfterMs, graceMs: BENCH_CONFIG.bareGraceMs },
    );
    ba.push(b.ms);
    if (b.lost) lost.bare++;
    log(
      `soft stop ${i + 1}/${runs}: Executor ${e.ms.toFixed(1)} ms${e.lost ? ' (interrupt lost: killed)' : ''}, ` +
        `bare ${b.ms.toFixed(1)} ms${b.lost ? ' (interrupt lost: rebooted)' : ''}`,
    );
    if (e.lost) await sleep(BENCH_CONFIG.spareSettleMs);
  }
  const note = `interrupt lost (worker killed/rebooted): Executor ${lost.executor}/${runs}, bare ${lost.bare}/${runs}`;
  return {
    lost,
    rows: [
      row('4. Stop', 'Soft stop: stop() → result (while True: pass)', 'ms', summarize(ex), 'bare interrupt buffer', summarize(ba), note),
    ],
  };
}

/**
 * Figure 4b: a program that swallows KeyboardInterrupt, under a small time
 * limit, so it is killed after the grace period. Measures kill → next run
 * (`pass`) resolved, and time limit → next run (includes the grace period),
 * against a bare reboot (terminate + new worker + loadPyodide).
 */
export async function measureHardKill(executor: Page, bare: Page, runs: number): Promise<BenchRow[]> {
  const killToNext: number[] = [];
  const limitToNext: number[] = [];
  const reboot: number[] = [];
  for (let i = 0; i < runs; i++) {
    await executor.bringToFront();
    const r = await executor.evaluate(
      async ({ code, timeoutMs }) => {
        const engine = window.executor.engine;
        const started = performance.now();
        const killed = await engine.execute(code, { timeoutMs });
        const killedAt = performance.now();
        const next = await engine.execute('pass');
        const nextAt = performance.now();
        if (killed.status !== 'timeout' || killed.stateKept)
          throw new Error(`The kill ended with ${killed.status}, stateKept ${killed.stateKept}`);
        if (next.status !== 'ok') throw new Error(`The run after the kill ended with ${next.status}`);
        return { killToNext: nextAt - killedAt, limitToNext: nextAt - (started + timeoutMs) };
      },
      { code: SWALLOW_INTERRUPT_PROGRAM, timeoutMs: BENCH_CONFIG.hardKillTimeoutMs },
    );
    killToNext.push(r.killToNext);
    limitToNext.push(r.limitToNext);
    await sleep(BENCH_CONFIG.spareSettleMs); // Executor boots a new spare now: let it finish before the bare reboot
    await bare.bringToFront();
    reboot.push(await bare.evaluate(() => (window as unknown as BareWindow).bare.reboot()));
    log(
      `hard kill ${i + 1}/${runs}: Executor kill → next run ${r.killToNext.toFixed(1)} ms, time limit → next run ${r.limitToNext.toFixed(0)} ms; ` +
        `bare reboot ${reboot.at(-1)?.toFixed(0)} ms`,
    );
  }
  const f = '4. Stop';
  return [
    row(
      f,
      'Hard kill → next run can start (pass resolved)',
      'ms',
      summarize(killToNext),
      'bare reboot',
      summarize(reboot),
      'Executor swaps in a booted spare',
    ),
    row(f, 'Time limit reached → next run resolved (incl. 1.5 s grace)', 'ms', summarize(limitToNext), 'bare reboot', summarize(reboot)),
  ];
}
