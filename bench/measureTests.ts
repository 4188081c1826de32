import type { Page } from '@playwright/test';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateTestSuite, type SuiteFile } from './generateTestSuite.ts';
import { log } from './log.ts';
import { runCommand } from './runCommand.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

/** Debian's python3 (with python3-pytest); the bench's native pytest. */
const NATIVE_PYTHON = '/usr/bin/python3';

async function timeNative(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  await runCommand(NATIVE_PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...args], cwd);
  return performance.now() - started;
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
async function timeExecutor(page: Page, files: SuiteFile[], expected: number, parallel: number, coverage: boolean): Promise<number> {
  await page.bringToFront();
  return page.evaluate(
    async ({ files, expected, parallel, coverage }) => {
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
      if (r.status !== 'passed' || r.passed !== expected)
        throw new Error(`the generated suite ended with ${r.status} (${r.passed} of ${expected} passed): ${r.message ?? ''}`);
      return ms;
    },
    { files, expected, parallel, coverage },
  );
}

/**
 * Figure 7: a generated suite of 300 small tests through Executor (engine.runTests,
 * one interpreter and several, with and without coverage) against the same files
 * under native pytest (Debian's python3-pytest; parallel with pytest-xdist when installed).
 * Times are end to end: the engine call to the result, the command's start to its exit.
 * Executor's test interpreters are booted by an untimed first run.
 */
export async function measureTests(executor: Page, runs: number, parallel: number): Promise<BenchRow[]> {
  const suite = generateTestSuite();
  const count = (suite.length - 1) * 30;
  const dir = await mkdtemp(join(tmpdir(), 'executor-bench-tests-'));
  try {
    for (const f of suite) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await writeFile(join(dir, f.path), f.content);
    }
    const xdist = await hasXdist();
    await timeExecutor(executor, suite, count, parallel, true);
    await timeNative([], dir);
    const samples = {
      exSerial: [] as number[],
      exParallel: [] as number[],
      exCoverage: [] as number[],
      native: [] as number[],
      nativeParallel: [] as number[],
    };
    for (let i = 0; i < runs; i++) {
      samples.exSerial.push(await timeExecutor(executor, suite, count, 1, false));
      samples.exParallel.push(await timeExecutor(executor, suite, count, parallel, false));
      samples.exCoverage.push(await timeExecutor(executor, suite, count, 1, true));
      samples.native.push(await timeNative([], dir));
      if (xdist) samples.nativeParallel.push(await timeNative(['-n', String(parallel)], dir));
      log(
        `tests ${i + 1}/${runs}: Executor ${samples.exSerial.at(-1)?.toFixed(0)} ms serial, ${samples.exParallel.at(-1)?.toFixed(0)} ms on ${parallel}, ` +
          `${samples.exCoverage.at(-1)?.toFixed(0)} ms with coverage; native ${samples.native.at(-1)?.toFixed(0)} ms` +
          (xdist ? `, ${samples.nativeParallel.at(-1)?.toFixed(0)} ms with -n ${parallel}` : ''),
      );
    }
    const f = '7. Tests';
    const native = summarize(samples.native);
    return [
      row(f, `${count} tests, one interpreter`, 'ms', summarize(samples.exSerial), 'native pytest', native),
      xdist
        ? row(
            f,
            `${count} tests, ${parallel} interpreters`,
            'ms',
            summarize(samples.exParallel),
            `native pytest -n ${parallel} (xdist)`,
            summarize(samples.nativeParallel),
          )
        : row(
            f,
            `${count} tests, ${parallel} interpreters`,
            'ms',
            summarize(samples.exParallel),
            'native pytest',
            native,
            'install python3-pytest-xdist to compare with native parallel runs',
          ),
      row(
        f,
        `${count} tests, ${parallel} interpreters vs one (below 1: parallel is faster)`,
        'ms',
        summarize(samples.exParallel),
        'Executor, one interpreter',
        summarize(samples.exSerial),
      ),
      row(
        f,
        `${count} tests with line and branch coverage, one interpreter`,
        'ms',
        summarize(samples.exCoverage),
        'Executor without coverage',
        summarize(samples.exSerial),
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
