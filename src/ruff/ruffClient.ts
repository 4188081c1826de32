import { createRuffClient } from './createRuffClient.ts';

/** The page's one Ruff client; its worker starts on the first lint or format. */
export const ruffClient = createRuffClient(() => new Worker(new URL('./ruffWorker.ts', import.meta.url), { type: 'module', name: 'ruff' }));
