import type { RunOptions } from './results.ts';

/** The seed's ExecutorConfig defaults: TIMEOUT 30 s, MAX_MEMORY 512MB, MAX_OUTPUT_LENGTH 10000. */
export const DEFAULT_RUN_OPTIONS: RunOptions = {
  timeoutMs: 30_000,
  maxMemoryMB: 512,
  maxOutputChars: 10_000,
  filename: 'main.py',
};
