import type { Page } from '@playwright/test';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateLargeSuite, LARGE_SUITE_SUMMARY, LARGE_SUITE_TESTS } from '../src/testing/generateLargeSuite.ts';
import { generateTestSuite, type SuiteFile } from './generateTestSuite.ts';
import { log } from './log.ts';
import { runCommand } from './runCommand.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** Debian's python3 (with python3-pytest); the bench's native pytest. */
const NATIVE_PYTHON = '/usr/bin/python3';

async function timeNative(args: string[], cwd: string, summary: string): Promise<number> {
  const started = performance.now();
  const { stdout: out } = await runCommand(NATIVE_PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...args], cwd);
  const ms = performance.now() - started;
  if (!out.includes(`${summary} in `)) throw new Error(`native pytest did not say "${summary}":\n${out.slice(-2000)}`);
  return ms;
}

async function hasXdist(): Promise<boolean> {
  try {
    await runCommand(NATIVE_PYTHON, ['-c', 'import xdist'], tmpdir());
    return true;
  } catch {
    return false;
  }
}

/** Runs the suite in Executor and returns the wall time from the engine call to the result. */
async function timeExecutor(page: Page, files: SuiteFile[], summary: string, parallel: number, coverage: boolean): Promise<number> {
  await page.bringToFront();
  return page.evaluate(
    async ({ files, summary, parallel, coverage }) => {
      const started = performance.now();
      const r = await window.executor.engine.runTests({
        files,
        parallel,
        coverage,
        args: ['-q'],
        timeoutMs: 300_000,
        maxOutputChars: 1_000_000,
      });
      const ms = performance.now() - started;
      if (r.status !== 'passed' || !r.summary.startsWith(`${summary} in `))
        throw new Error(`the generated suite ended with ${r.status} ("${r.summary}", expected "${summary}"): ${r.message ?? ''}`);
      return ms;
    },
    { files, summary, parallel, coverage },
  );
}

/**
 * Figure 7: generated suites through Executor (engine.runTests, one interpreter and several, with and
 * without coverage) against the same files under native pytest (Debian's python3-pytest; parallel with
 * pytest-xdist when installed): 300 small passing tests in 10 files, and a project of
 * {@link LARGE_SUITE_TESTS} tests in 100 files (module-level skips, fixtures, parametrize, classes, xfail).
 * Every run's summary must be native pytest's. Times are end to end: the engine call to the result, the
 * command's start to its exit. Executor's test interpreters are booted by an untimed first run.
 */
export async function measureTests(executor: Page, runs: number, parallel: number): Promise<BenchRow[]> {
  const small = generateTestSuite();
  return [
    ...(await measureSuite(executor, runs, parallel, small, `${(small.length - 1) * 30} tests`, `${(small.length - 1) * 30} passed`)),
    ...(await measureSuite(executor, runs, parallel, generateLargeSuite(), `${LARGE_SUITE_TESTS} tests in 100 files`, LARGE_SUITE_SUMMARY)),
  ];
}

async function measureSuite(
  executor: Page,
  runs: number,
  parallel: number,
  suite: SuiteFile[],
  name: string,
  summary: string,
): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'executor-bench-tests-'));
  try {
    for (const f of suite) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.content);
    }
    const xdist = await hasXdist();
    await timeExecutor(executor, suite, summary, parallel, true);
    await timeNative([], dir, summary);
    const samples = {
      exSerial: [] as number[],
      exParallel: [] as number[],
      exCoverage: [] as number[],
      exParallelCoverage: [] as number[],
      native: [] as number[],
      nativeParallel: [] as number[],
    };
    for (let i = 0; i < runs; i++) {
      samples.exSerial.push(await timeExecutor(executor, suite, summary, 1, false));
      samples.exParallel.push(await timeExecutor(executor, suite, summary, parallel, false));
      samples.exCoverage.push(await timeExecutor(executor, suite, summary, 1, true));
      samples.exParallelCoverage.push(await timeExecutor(executor, suite, summary, parallel, true));
      samples.native.push(await timeNative([], dir, summary));
      if (xdist) samples.nativeParallel.push(await timeNative(['-n', String(parallel)], dir, summary));
      log(
        `tests (${name}) ${i + 1}/${runs}: Executor ${samples.exSerial.at(-1)?.toFixed(0)} ms serial, ${samples.exParallel.at(-1)?.toFixed(0)} ms on ${parallel}, ` +
          `${samples.exCoverage.at(-1)?.toFixed(0)} ms with coverage (${samples.exParallelCoverage.at(-1)?.toFixed(0)} on ${parallel}); native ${samples.native.at(-1)?.toFixed(0)} ms` +
          (xdist ? `, ${samples.nativeParallel.at(-1)?.toFixed(0)} ms with -n ${parallel}` : ''),
      );
    }
    const f = '7. Tests';
    const native = summarize(samples.native);
    const nativeParallel = xdist ? summarize(samples.nativeParallel) : native;
    const nativeParallelName = xdist ? `native pytest -n ${parallel} (xdist)` : 'native pytest';
    const noXdist = xdist ? undefined : 'install python3-pytest-xdist to compare with native parallel runs';
    return [
      row(f, `${name}, one interpreter`, 'ms', summarize(samples.exSerial), 'native pytest', native),
      row(f, `${name}, ${parallel} interpreters`, 'ms', summarize(samples.exParallel), nativeParallelName, nativeParallel, noXdist),
      row(
        f,
        `${name}, ${parallel} interpreters vs one (below 1: parallel is faster)`,
        'ms',
        summarize(samples.exParallel),
        'Executor, one interpreter',
        summarize(samples.exSerial),
      ),
      row(
        f,
        `${name} with line and branch coverage, one interpreter`,
        'ms',
        summarize(samples.exCoverage),
        'Executor without coverage',
        summarize(samples.exSerial),
      ),
      row(
        f,
        `${name} with coverage, ${parallel} interpreters`,
        'ms',
        summarize(samples.exParallelCoverage),
        'Executor with coverage, one interpreter',
        summarize(samples.exCoverage),
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
