/**
 * `npm run bench`: builds the app into bench/.dist, serves it together with the
 * bare Pyodide page, drives headless Chromium through every figure and writes
 * bench/results/latest.json and latest.md. `--no-build` reuses bench/.dist.
 */
import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_CONFIG } from './benchConfig.ts';
import { buildApp } from './buildApp.ts';
import { describeMachine } from './describeMachine.ts';
import { launchBrowser } from './launchBrowser.ts';
import { log } from './log.ts';
import { measureCompute } from './measureCompute.ts';
import { measureMemory } from './measureMemory.ts';
import { measureOutputFlood } from './measureOutputFlood.ts';
import { measureRoundTrip } from './measureRoundTrip.ts';
import { measureStart } from './measureStart.ts';
import { measureSessionPackages } from './measureSessionPackages.ts';
import { measureCompletion } from './measureCompletion.ts';
import { measureDebug } from './measureDebug.ts';
import { measureEngines } from './measureEngines.ts';
import { measureMcp } from './measureMcp.ts';
import { measureReplicas } from './measureReplicas.ts';
import { measureTests } from './measureTests.ts';
import { measureLargeResult } from './measureLargeResult.ts';
import { measureWorkspace } from './measureWorkspace.ts';
import { measureHardKill, measureSoftStop } from './measureStop.ts';
import { openBarePage } from './openBarePage.ts';
import { openExecutorPage } from './openExecutorPage.ts';
import { BENCH_DIST_DIR } from './paths.ts';
import { sleep } from './sleep.ts';
import { startBenchServer, type BenchServer } from './startBenchServer.ts';
import { writeReport } from './writeReport.ts';
import type { BenchReport, BenchRow } from './types.ts';

/** Rejects after `ms`, so a hung page fails the run instead of stalling it. */
function watchdog(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`the bench did not finish within ${ms / 1000} s (set BENCH_TIMEOUT_MS to allow more)`)), ms).unref();
  });
}

/** What must be closed at the end, whatever happens. */
interface Resources {
  server: BenchServer | null;
  browser: Browser | null;
}

/** `--only=12,7` runs those figures alone (to measure one change); the report says which ran. */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map(Number);
const wanted = (figure: number) => !only || only.includes(figure);

async function bench(res: Resources): Promise<void> {
  const startedAt = new Date();
  const skipBuild = process.argv.includes('--no-build');
  if (skipBuild && existsSync(join(BENCH_DIST_DIR, 'index.html'))) {
    log(`reusing the build in ${BENCH_DIST_DIR}`);
  } else {
    log(`building the app into ${BENCH_DIST_DIR}`);
    await buildApp();
  }
  const server = await startBenchServer(BENCH_DIST_DIR);
  res.server = server;
  log(`serving the app and the bare page at ${server.origin}`);
  const browser = await launchBrowser();
  res.browser = browser;
  const machine = await describeMachine(browser.version());
  log(`Chromium ${machine.chromium}, ${machine.cpuModel} × ${machine.cores}, ${machine.python}`);
  const rows: BenchRow[] = [];
  const extras: Record<string, unknown> = {};

  let startSamples: unknown = null;
  if (wanted(1)) {
    log(`1. start: ${BENCH_CONFIG.startRuns} cold + warm visits each`);
    const start = await measureStart(server, BENCH_CONFIG.startRuns);
    rows.push(...start.rows);
    startSamples = start.samples;
    log(`1. start: ${BENCH_CONFIG.startRuns} reopens of a session with packages, and of one without`);
    rows.push(...(await measureSessionPackages(server, BENCH_CONFIG.startRuns)));
  }

  const ctx = await browser.newContext();
  try {
    const { page: executor } = await openExecutorPage(ctx, server.origin);
    const { page: bare } = await openBarePage(ctx, server.origin);
    await sleep(BENCH_CONFIG.spareSettleMs);
    if (wanted(2)) {
      log(`2. round trip: ${BENCH_CONFIG.runs} samples of ${BENCH_CONFIG.roundTripIterations} runs`);
      rows.push(...(await measureRoundTrip(executor, bare, BENCH_CONFIG.runs, BENCH_CONFIG.roundTripIterations)));
    }
    if (wanted(3)) {
      log(`3. compute: ${BENCH_CONFIG.runs} samples`);
      rows.push(...(await measureCompute(executor, bare, BENCH_CONFIG.runs)));
    }
    if (wanted(4)) {
      log(`4. stop: ${BENCH_CONFIG.runs} soft stops, ${BENCH_CONFIG.slowRuns} hard kills`);
      const softStop = await measureSoftStop(executor, bare, BENCH_CONFIG.runs);
      rows.push(...softStop.rows);
      extras.lostInterrupts = softStop.lost;
      rows.push(...(await measureHardKill(executor, bare, BENCH_CONFIG.slowRuns)));
    }
    if (wanted(5)) {
      log(`5. output flood: ${BENCH_CONFIG.slowRuns} samples`);
      rows.push(...(await measureOutputFlood(executor, bare, BENCH_CONFIG.slowRuns)));
    }
    if (wanted(7)) {
      log(`7. tests: ${BENCH_CONFIG.slowRuns} samples of a generated suite, serial and on ${BENCH_CONFIG.testWorkers} interpreters`);
      rows.push(...(await measureTests(executor, BENCH_CONFIG.slowRuns, BENCH_CONFIG.testWorkers)));
    }
    if (wanted(8)) {
      log(`8. completion: ${BENCH_CONFIG.runs} samples on a 300-line file`);
      rows.push(...(await measureCompletion(executor, bare, BENCH_CONFIG.runs)));
    }
    if (wanted(9)) {
      log(`9. debugger: ${BENCH_CONFIG.slowRuns} samples of compute.py, normal, under the debugger and under settrace`);
      rows.push(...(await measureDebug(executor, BENCH_CONFIG.slowRuns)));
    }
    if (wanted(13)) {
      log(`13. large results: ${BENCH_CONFIG.slowRuns} samples of a 1,000-file project with coverage`);
      rows.push(...(await measureLargeResult(executor, BENCH_CONFIG.slowRuns)));
    }
    if (wanted(12)) {
      log(`12. workspace: ${BENCH_CONFIG.slowRuns} samples of runs that write files, and a 1,000-file project`);
      rows.push(...(await measureWorkspace(executor, bare, BENCH_CONFIG.slowRuns)));
    }
  } finally {
    await ctx.close();
  }

  if (wanted(6)) {
    log(`6. memory: ${BENCH_CONFIG.slowRuns} samples`);
    rows.push(...(await measureMemory(browser, server.origin, BENCH_CONFIG.slowRuns)));
  }
  if (wanted(10)) {
    log(`10. other engines: ${BENCH_CONFIG.slowRuns} cold + warm visits and bare boots in each`);
    const engines = await measureEngines(server.origin, BENCH_CONFIG.slowRuns);
    rows.push(...engines.rows);
    extras.engineVersions = engines.versions;
  }
  if (wanted(11)) {
    log(`11. MCP server: ${BENCH_CONFIG.slowRuns} servers, sessions, round trips and ten sessions at once`);
    rows.push(...(await measureMcp(BENCH_CONFIG.slowRuns, BENCH_CONFIG.roundTripIterations)));
    log(`11. MCP replicas: ${BENCH_CONFIG.slowRuns} × two replicas behind nginx, 20 sessions`);
    rows.push(...(await measureReplicas(BENCH_CONFIG.slowRuns)));
  }

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 } },
    rows,
    extras: { ...extras, config: BENCH_CONFIG, startSamples, ...(only ? { only } : {}) },
  };
  const written = await writeReport(report, only ? `only-${only.join('-')}` : 'latest');
  log(`wrote ${written.json} and ${written.md}`);
}

async function main(): Promise<void> {
  const res: Resources = { server: null, browser: null };
  try {
    await Promise.race([bench(res), watchdog(BENCH_CONFIG.overallTimeoutMs)]);
  } finally {
    await res.browser?.close().catch(() => undefined);
    await res.server?.close().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
