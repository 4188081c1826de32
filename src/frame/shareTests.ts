import type { WorkerTestsDone } from '../protocol/testProtocol.ts';
import { splitTests, type FileDurations } from './splitTests.ts';

/**
 * The shares of a run split across `n` interpreters, from what the first one collected: none when pytest
 * itself would run nothing (a collection error without `--continue-on-collection-errors`), else
 * {@link splitTests}, balanced by the files' times in the last run (`durations`).
 */
export function shareTests(found: WorkerTestsDone, args: readonly string[], n: number, durations?: FileDurations): string[][] {
  const stopsAtErrors = (found.collectCounts.error ?? 0) > 0 && !args.includes('--continue-on-collection-errors');
  return stopsAtErrors ? [] : splitTests(found.collected, n, durations);
}
