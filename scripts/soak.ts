/**
 * The soak test (issue #37), by hand: `npm run soak` drives one page through the long day (5,000 runs, 200 test
 * runs, 50 Restarts, 20 debug sessions, 50 session switches) and prints the page's figures after the first
 * hundred operations and at the end; `npm run soak -- --short` runs CI's tenth. Builds the app first
 * (bench/.dist), serves it on 127.0.0.1 as the server does, and writes bench/results/soak-<form>.json.
 * Exits 1 when a figure grew by more than 10%.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../bench/buildApp.ts';
import { launchBrowser } from '../bench/launchBrowser.ts';
import { startBenchServer } from '../bench/startBenchServer.ts';
import { REPO_DIR } from '../bench/paths.ts';
import { prepareSoak, runSoak, type SoakReport } from './soak/runSoak.ts';
import { LONG_SOAK, SHORT_SOAK } from './soak/soakPlan.ts';

const short = process.argv.includes('--short');
const counts = short ? SHORT_SOAK : LONG_SOAK;

function table(report: SoakReport): string {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const rows: Array<[string, string, string, number]> = [
    ['page heap after GC', mb(report.baseline.heapBytes), mb(report.end.heapBytes), report.ratio.heapBytes],
    ['DOM nodes', String(report.baseline.domNodes), String(report.end.domNodes), report.ratio.domNodes],
    ['event listeners', String(report.baseline.listeners), String(report.end.listeners), report.ratio.listeners],
    ['live workers', String(report.baseline.workers), String(report.end.workers), report.ratio.workers],
    ['IndexedDB records', String(report.baseline.idbRecords), String(report.end.idbRecords), report.ratio.idbRecords],
  ];
  return [
    '| figure | after 100 operations | at the end | end / after 100 |',
    '|---|---|---|---|',
    ...rows.map(([name, a, b, r]) => `| ${name} | ${a} | ${b} | ${r.toFixed(2)} |`),
  ].join('\n');
}

const dist = await buildApp();
const server = await startBenchServer(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => /Ready/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, {
    timeout: 120_000,
  });
  await prepareSoak(page);
  const report = await runSoak(page, counts, { log: (line) => console.log(line) });
  const ops = Object.entries(counts)
    .map(([op, n]) => `${n} ${op}`)
    .join(', ');
  console.log(`\nSoak (${short ? 'short' : 'long'}: ${ops}) in ${Math.round(report.totalMs / 1000)} s\n\n${table(report)}\n`);
  const out = join(REPO_DIR, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, `soak-${short ? 'short' : 'long'}.json`),
    `${JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2)}\n`,
  );
  const grown = Object.entries(report.ratio).filter(([, r]) => r > 1.1);
  if (grown.length) {
    console.error(`Grew by more than 10%: ${grown.map(([k, r]) => `${k} ×${r.toFixed(2)}`).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
