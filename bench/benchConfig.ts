/** How many samples each figure takes, and the programs it runs. */
export const BENCH_CONFIG = {
  /** Cold and warm start samples (each a fresh browser context): slow, so fewer. */
  startRuns: Number(process.env.BENCH_START_RUNS ?? 3),
  /** Samples of the quicker figures. */
  runs: Number(process.env.BENCH_RUNS ?? 5),
  /** Samples of the output flood and the memory figure. */
  slowRuns: Number(process.env.BENCH_SLOW_RUNS ?? 3),
  /** Trivial runs per round-trip sample. */
  roundTripIterations: 200,
  /** After Executor starts (or kills a worker) it boots a spare interpreter; let it finish first. */
  spareSettleMs: 5_000,
  /** Between the cold and the warm visit, so the closed page's workers are gone. */
  pauseBetweenVisitsMs: 1_000,
  /** How long a program runs before Stop is pressed. */
  stopAfterMs: 300,
  /** The bare page reboots its worker when an interrupt is not honoured within this (Executor's grace). */
  bareGraceMs: 1_500,
  /** The whole run fails past this. */
  overallTimeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60_000),
  /** Time limit for the hard-kill figure. */
  hardKillTimeoutMs: 300,
  /** Output flood: lines printed and the output cap that keeps them all. */
  floodLines: 200_000,
  floodMaxOutputChars: 2_000_000,
  /** Memory figure: the cap and the allocation that breaks it. */
  memoryCapMB: 256,
  memoryCapProgram: 'block = bytearray(300 * 2**20)',
  /** Figure 7: interpreters for the parallel test runs (native: pytest-xdist's -n). */
  testWorkers: Number(process.env.BENCH_TEST_WORKERS ?? 2),
} as const;

/** Spins until interrupted. */
export const SPIN_PROGRAM = 'while True:\n    pass';

/** Swallows KeyboardInterrupt, so only a hard kill stops it. */
export const SWALLOW_INTERRUPT_PROGRAM =
  'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass';

/** Prints `lines` lines. */
export function floodProgram(lines: number): string {
  return `for i in range(${lines}):\n    print(i)`;
}
