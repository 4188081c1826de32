/**
 * `npm run lighthouse`: Lighthouse 12 (npm `lighthouse`) on the built app as the Executor server serves it, in Debian's
 * Chromium, desktop and mobile. Writes the four category scores, the paint and blocking figures, and the failed audits
 * to bench/results/lighthouse.{json,md}, beside the benchmark's results. Builds first unless `--no-build`. Not part of
 * `npm test`; never run it beside tests or the benchmark (two browsers on two cores make its timings meaningless).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { REPO_DIR } from '../bench/paths.ts';
import { runCommand } from '../bench/runCommand.ts';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createServerApp } from '../server/createServerApp.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { formatLighthouse, summarizeLighthouse, type LighthouseSummary } from './lighthouse/summarizeLighthouse.ts';

const DIST = join(REPO_DIR, 'dist');
const log = (text: string) => console.log(`[lighthouse] ${text}`);

/** Debian's Chromium with a DevTools port, as Lighthouse drives it; resolves once the port answers. */
async function launch(profile: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port in 30 s:\n${err}`)), 30_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${err}`)));
  });
  return { port, child };
}

async function audit(url: string, formFactor: 'desktop' | 'mobile'): Promise<LighthouseSummary> {
  const profile = mkdtempSync(join(tmpdir(), 'executor-lighthouse-'));
  const { port, child } = await launch(profile);
  try {
    const flags: Flags = { port, output: 'json', logLevel: 'error' };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error('Lighthouse returned no result.');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit the page: ${result.lhr.runtimeError.message}`);
    // The whole report, for a closer look at an audit (large: not kept in the repository).
    const full = join(tmpdir(), `executor-lighthouse-${formFactor}.json`);
    await writeFile(full, JSON.stringify(result.lhr));
    log(`the full ${formFactor} report: ${full}`);
    return summarizeLighthouse(result.lhr, formFactor);
  } finally {
    child.kill('SIGKILL');
    // Chromium may still be writing its profile as it dies.
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    log('building the app');
    await runCommand('npm', ['run', 'build'], REPO_DIR);
  }
  // The server as `npm start` runs it (its API too: the page asks for /api/config and /api/health), without an LLM.
  const env = { ...process.env, AZURE_OPENAI_API_KEY: '', AZURE_OPENAI_ENDPOINT: '', REDIS_URL: '' };
  const { app, close } = await createServerApp(env, DIST, (line) => log(line));
  const listener = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => listener.once('listening', resolve));
  const server = { origin: `http://127.0.0.1:${(listener.address() as AddressInfo).port}` };
  try {
    const runs: LighthouseSummary[] = [];
    for (const formFactor of ['desktop', 'mobile'] as const) {
      log(`auditing ${server.origin}/ (${formFactor})`);
      runs.push(await audit(`${server.origin}/`, formFactor));
    }
    const at = new Date().toISOString();
    await writeFile(join(REPO_DIR, 'bench', 'results', 'lighthouse.json'), JSON.stringify({ at, runs }, null, 2));
    const md = formatLighthouse(at, runs);
    await writeFile(join(REPO_DIR, 'bench', 'results', 'lighthouse.md'), md);
    console.log(md);
  } finally {
    listener.close();
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
