/**
 * `npm run profile:runs`: where a trivial run's time goes in the page. Builds the app unminified (readable function
 * names) into bench/.dist-profile, serves it as the bench does, and in headless Chromium:
 *  1. times each step of 200 `pass` runs with performance.measure: call → the frame's result message (the sandbox's
 *     share), → the call resolves (the page's handling), → the next frame is drawn (the page's rendering);
 *  2. records a CPU profile of 200 more and lists the functions with the most self time.
 * Writes bench/results/profile-runs.{md,json}. Not part of `npm test`; never run it beside tests or the bench.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../bench/launchBrowser.ts';
import { openExecutorPage } from '../bench/openExecutorPage.ts';
import { REPO_DIR } from '../bench/paths.ts';
import { runCommand } from '../bench/runCommand.ts';
import { startBenchServer } from '../bench/startBenchServer.ts';
import { summarizeProfile, type CpuProfile } from './profile/summarizeProfile.ts';
import { timeRunSteps } from './profile/timeRunSteps.ts';

const RUNS = Number(process.env.PROFILE_RUNS ?? 200);
const OUT_DIR = join(REPO_DIR, 'bench', '.dist-profile');
const log = (text: string) => console.log(`[profile] ${text}`);

async function main(): Promise<void> {
  log(`building unminified into ${OUT_DIR}`);
  await runCommand('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--minify', 'false'], REPO_DIR);
  const server = await startBenchServer(OUT_DIR);
  const browser = await launchBrowser();
  try {
    const ctx = await browser.newContext();
    const { page } = await openExecutorPage(ctx, server.origin);
    log(`timing the steps of ${RUNS} runs`);
    const steps = await timeRunSteps(page, RUNS);
    log(`profiling ${RUNS} runs`);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const wallMs = await page.evaluate(async (n) => {
      const started = performance.now();
      for (let k = 0; k < n; k++) await window.executor.engine.execute('pass');
      return performance.now() - started;
    }, RUNS);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const top = summarizeProfile(profile, 25);
    const report = { at: new Date().toISOString(), runs: RUNS, steps, profile: { wallMs, perRunMs: wallMs / RUNS, top } };
    const md = [
      `# Where a trivial run's time goes (${report.at}, ${RUNS} runs of \`pass\`)`,
      '',
      '| step | median ms | p95 ms |',
      '|---|---|---|',
      ...steps.map((s) => `| ${s.name} | ${s.median.toFixed(3)} | ${s.p95.toFixed(3)} |`),
      '',
      `CPU profile of ${RUNS} more runs: ${report.profile.perRunMs.toFixed(2)} ms a run. Self time by function (all threads of the page's main thread):`,
      '',
      '| function | where | self ms | self ms a run | share |',
      '|---|---|---|---|---|',
      ...top.map(
        (f) => `| ${f.name} | ${f.where} | ${f.selfMs.toFixed(1)} | ${(f.selfMs / RUNS).toFixed(3)} | ${(f.share * 100).toFixed(1)}% |`,
      ),
      '',
    ].join('\n');
    await writeFile(join(REPO_DIR, 'bench', 'results', 'profile-runs.json'), JSON.stringify(report, null, 2));
    await writeFile(join(REPO_DIR, 'bench', 'results', 'profile-runs.md'), md);
    console.log(md);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
