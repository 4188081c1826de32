import type { CDPSession, Page } from '@playwright/test';
import { measurePage, type PageFigures } from './measurePage.ts';
import { soakPlan, type SoakCounts, type SoakOp } from './soakPlan.ts';

/** What a soak found: the figures after the first hundred operations and at the end, and what each kind took. */
export interface SoakReport {
  counts: SoakCounts;
  baseline: PageFigures;
  end: PageFigures;
  /** End over baseline, per figure (1.0: no growth). */
  ratio: Record<keyof PageFigures, number>;
  /** Milliseconds per operation kind, in all. */
  time: Record<SoakOp, number>;
  totalMs: number;
}

/** The history kept per session during a soak: the minimum (10), so what the soak adds stops growing at once. */
export const SOAK_HISTORY_LIMIT = 10;
const TEST_FILE = 'def test_sum():\n    assert 1 + 1 == 2\n\n\ndef test_text():\n    assert "soak".upper() == "SOAK"\n';
const MAIN = 'n = 1\nm = n + 1\n';

const attr = (page: Page, testId: string, name: string) =>
  page.evaluate(([id, a]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(a) ?? null, [testId, name] as const);
const count = async (page: Page, testId: string) => Number((await attr(page, testId, 'data-runs')) ?? '0');
const waitCount = (page: Page, testId: string, atLeast: number) =>
  page.waitForFunction(
    ([id, n]) => Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-runs') ?? '0') >= n,
    [testId, atLeast] as const,
    {
      timeout: 120_000,
    },
  );
const waitReady = (page: Page) =>
  page.waitForFunction(() => /Ready/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, { timeout: 120_000 });

/** Puts the soak's project (main.py with a breakpoint on line 2, a test file) into the open session. */
async function fillSession(page: Page): Promise<void> {
  await page.getByTestId('import-files').setInputFiles([
    { name: 'main.py', mimeType: 'text/x-python', buffer: Buffer.from(MAIN) },
    { name: 'test_soak.py', mimeType: 'text/x-python', buffer: Buffer.from(TEST_FILE) },
  ]);
  await page.locator('[data-testid="file-item"][data-path="main.py"]').click();
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('F9');
  await page
    .waitForFunction(() => document.querySelectorAll('.codicon-debug-breakpoint, .breakpoint-glyph').length > 0, null, { timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * Prepares an opened, Ready page: the history limit at {@link SOAK_HISTORY_LIMIT}, and two sessions (the open one
 * and a second) each holding the soak's project and a full history, the first one open: what the soak adds to
 * IndexedDB from then on replaces what is there.
 */
export async function prepareSoak(page: Page): Promise<void> {
  await page.evaluate((limit) => localStorage.setItem('executor.history.limit', String(limit)), SOAK_HISTORY_LIMIT);
  await page.reload();
  await waitReady(page);
  await fillSession(page);
  for (let i = 0; i < SOAK_HISTORY_LIMIT; i++) await perform(page, 'run');
  await page.getByTestId('session-new').click();
  await waitReady(page);
  await fillSession(page);
  for (let i = 0; i < SOAK_HISTORY_LIMIT; i++) await perform(page, 'run');
  await page.getByTestId('session-switcher').selectOption({ index: 1 });
  await waitReady(page);
}

async function perform(page: Page, op: SoakOp): Promise<void> {
  switch (op) {
    case 'run': {
      const done = (await count(page, 'metrics')) + 1;
      await page.getByTestId('run').click();
      await waitCount(page, 'metrics', done);
      return;
    }
    case 'tests': {
      const done = (await count(page, 'tests-panel')) + 1;
      await page.getByTestId('tests-run').click();
      await waitCount(page, 'tests-panel', done);
      return;
    }
    case 'restart':
      await page.getByTestId('reset').click();
      await waitReady(page);
      return;
    case 'debug': {
      const done = (await count(page, 'metrics')) + 1;
      await page.getByTestId('debug').click();
      await page.getByTestId('debug-continue').click({ timeout: 60_000 });
      await waitCount(page, 'metrics', done);
      return;
    }
    case 'switch': {
      const switcher = page.getByTestId('session-switcher');
      const selected = await switcher.evaluate((s: HTMLSelectElement) => s.selectedIndex);
      await switcher.selectOption({ index: selected === 0 ? 1 : 0 });
      await waitReady(page);
      return;
    }
  }
}

/** The same view before each measurement: the console shown and cleared, Python idle. */
async function settle(page: Page): Promise<void> {
  await waitReady(page);
  await page.getByTestId('panel-tab-console').click();
  if (await page.getByTestId('clear').isEnabled()) await page.getByTestId('clear').click();
}

/**
 * Drives a prepared page (see {@link prepareSoak}) through `counts` operations in {@link soakPlan}'s order, through
 * its buttons as a person would, and measures after the first `baselineAfter` operations and at the end.
 */
export async function runSoak(
  page: Page,
  counts: SoakCounts,
  options: { baselineAfter?: number; log?: (line: string) => void } = {},
): Promise<SoakReport> {
  const baselineAfter = options.baselineAfter ?? 100;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const browser: CDPSession = await page.context().browser()!.newBrowserCDPSession();
  const plan = soakPlan(counts);
  const time = { run: 0, tests: 0, restart: 0, debug: 0, switch: 0 } satisfies Record<SoakOp, number>;
  const started = Date.now();
  let baseline: PageFigures | null = null;
  for (const [i, op] of plan.entries()) {
    const t = Date.now();
    await perform(page, op);
    time[op] += Date.now() - t;
    if (i + 1 === baselineAfter) {
      await settle(page);
      baseline = await measurePage(page, cdp, browser);
      options.log?.(`after ${baselineAfter} operations: ${JSON.stringify(baseline)}`);
    }
    if ((i + 1) % 500 === 0) options.log?.(`${i + 1} of ${plan.length} operations, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await settle(page);
  const end = await measurePage(page, cdp, browser);
  if (!baseline) throw new Error(`The soak has fewer than ${baselineAfter} operations: no baseline.`);
  const first = baseline;
  const ratio = Object.fromEntries(
    (Object.keys(end) as Array<keyof PageFigures>).map((k) => [k, first[k] === 0 ? (end[k] === 0 ? 1 : Infinity) : end[k] / first[k]]),
  ) as Record<keyof PageFigures, number>;
  return { counts, baseline, end, ratio, time, totalMs: Date.now() - started };
}
