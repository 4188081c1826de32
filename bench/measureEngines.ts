import { launchRemoteBrowser } from '../scripts/engines/launchRemoteBrowser.ts';
import type { RemoteBrowser, RemoteEngine } from '../scripts/engines/RemoteBrowser.ts';
import { PYODIDE_VERSION } from '../src/protocol/paths.ts';
import type { BareWindow } from './bare/bareApi.ts';
import { log } from './log.ts';
import { BARE_PATH } from './paths.ts';
import { sleep } from './sleep.ts';
import { summarize } from './summarize.ts';
import { row, type BenchRow } from './types.ts';

const ENGINES: readonly (RemoteEngine | 'chromium')[] = ['chromium', 'firefox', 'webkit'];

/**
 * Navigation → `ready` is true in the page, as seen from outside (polled every 50 ms, the same way for Executor
 * and the bare page): WebKitGTK's page reloads itself once without isolation, and that reload counts.
 */
async function untilReady(browser: RemoteBrowser, url: string, ready: () => boolean | string): Promise<number> {
  const started = Date.now();
  await browser.goto(url);
  while (Date.now() - started < 180_000) {
    const state = await browser.evaluate(ready, null).catch(() => false); // between the two loads of WebKit's reload
    if (typeof state === 'string') throw new Error(`${browser.version}: ${state}`);
    if (state) return Date.now() - started;
    await sleep(50);
  }
  throw new Error(`${browser.version}: Python was not ready within 180 s`);
}

/** Executor's status line says Ready (true), or that Python could not start (its words). */
const executorReady = (): boolean | string => {
  const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
  return status.includes('could not start') ? status : status.includes('Ready');
};

/** The bare page's worker is ready. */
const bareReady = (): boolean => (window as unknown as BareWindow).bare?.readyAt != null;

/**
 * Figure 10: navigation → Ready in each engine the smoke suite covers, cold (a fresh browser and
 * profile) and warm (the same browser again: HTTP cache, and the memory snapshot where the engine
 * keeps one), next to a bare Pyodide worker's boot in the same engine.
 */
export async function measureEngines(origin: string, runs: number): Promise<{ rows: BenchRow[]; versions: Record<string, string> }> {
  const rows: BenchRow[] = [];
  const versions: Record<string, string> = {};
  for (const engine of ENGINES) {
    const cold: number[] = [];
    const warm: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const browser = await launchRemoteBrowser(engine);
      try {
        versions[engine] = browser.version;
        cold.push(await untilReady(browser, `${origin}/`, executorReady));
        await sleep(8_000); // the snapshot is made a few seconds after the first Ready
        warm.push(await untilReady(browser, `${origin}/`, executorReady));
      } finally {
        await browser.close();
      }
      const forBare = await launchRemoteBrowser(engine);
      try {
        bare.push(await untilReady(forBare, `${origin}${BARE_PATH}?pyodide=${PYODIDE_VERSION}`, bareReady));
      } finally {
        await forBare.close();
      }
      log(`   ${engine}: cold ${cold.at(-1)} ms, warm ${warm.at(-1)} ms, bare ${bare.at(-1)?.toFixed(0)} ms`);
    }
    const baseline = summarize(bare);
    const name = `bare Pyodide worker boot, ${engine}`;
    rows.push(row('10. Other engines', `${versions[engine]}: navigation → Ready, cold`, 'ms', summarize(cold), name, baseline));
    rows.push(row('10. Other engines', `${versions[engine]}: navigation → Ready, warm`, 'ms', summarize(warm), name, baseline));
  }
  return { rows, versions };
}
