import type { BrowserContext, Page } from '@playwright/test';
import { PYODIDE_VERSION } from '../src/protocol/paths.ts';
import type { BareWindow } from './bare/bareApi.ts';
import { BARE_PATH } from './paths.ts';

/** The bare baseline page once its worker is ready. */
export interface OpenedBare {
  page: Page;
  /** Navigation → the worker posted ready after loadPyodide, ms. */
  readyMs: number;
}

/** Opens the bare Pyodide page in a new tab of `context` and waits for its worker. */
export async function openBarePage(context: BrowserContext, origin: string): Promise<OpenedBare> {
  const page = await context.newPage();
  await page.goto(`${origin}${BARE_PATH}?pyodide=${PYODIDE_VERSION}`);
  await page.evaluate(() => (window as unknown as BareWindow).bare.ready);
  const readyAt = await page.evaluate(() => (window as unknown as BareWindow).bare.readyAt);
  if (readyAt === null) throw new Error('The bare page did not record its ready time.');
  return { page, readyMs: readyAt };
}
