import { MAX_TEST_WORKERS } from '../protocol/testProtocol.ts';

/**
 * A suite whose last run took less than this per interpreter gains nothing from another one: booting an
 * interpreter, loading pytest and collecting again cost a few seconds each (measured: two interpreters were
 * slower than one on every suite on a 2-core machine, benchmark figure 7).
 */
export const MS_PER_EXTRA_INTERPRETER = 10_000;

/** What "auto" decides from: the machine's cores, and how long the suite took the last time it ran here. */
export interface InterpreterChoiceInput {
  /** `navigator.hardwareConcurrency` (0 or missing when the browser hides it). */
  cores: number;
  /** The sum of the suite's files' times in the last run that ran them; null when none has run yet. */
  lastRunMs: number | null;
  /** Test files in the suite: a split is by file, so more interpreters than files do not help. */
  files: number;
}

/**
 * How many interpreters an "auto" test run uses: one unless the suite is long enough that the others' start-up
 * pays for itself, and never more than the cores left after the page's own (one core keeps the page and the
 * editor's interpreter responsive). A first run, with no times yet, uses one: never slower than one interpreter.
 */
export function chooseInterpreters({ cores, lastRunMs, files }: InterpreterChoiceInput): number {
  const spare = Math.max(1, Math.floor(cores || 2) - 1);
  if (lastRunMs === null || files < 2) return 1;
  const worth = Math.floor(lastRunMs / MS_PER_EXTRA_INTERPRETER);
  return Math.max(1, Math.min(spare, worth, files, MAX_TEST_WORKERS));
}
