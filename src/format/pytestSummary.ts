/**
 * pytest's terminal summary line, built from its counts by pytest's own rules
 * (`_pytest/terminal.py`: `KNOWN_TYPES`, `pluralize`, `format_session_duration`),
 * so a run split across interpreters reads exactly as one pytest run would.
 */

/** pytest's order of the categories on its summary line; others follow in the order they appeared. */
const KNOWN_TYPES = ['failed', 'passed', 'skipped', 'deselected', 'xfailed', 'xpassed', 'warnings', 'error'] as const;

function pluralize(count: number, noun: string): string {
  if (noun !== 'error' && noun !== 'warnings' && noun !== 'test') return `${count} ${noun}`;
  const singular = noun.replace('warnings', 'warning');
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}

/** "0.41s", or "75.02s (0:01:15)" from a minute on. */
export function formatSessionDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(2)}s`;
  const whole = Math.floor(seconds);
  const hms = `${Math.floor(whole / 3600)}:${String(Math.floor(whole / 60) % 60).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  return `${seconds.toFixed(2)}s (${hms})`;
}

/** "1 failed, 11 passed, 2 skipped, 3 warnings, 1 error in 0.41s" (a run), as pytest prints it. */
export function pytestSummaryLine(counts: Readonly<Record<string, number>>, seconds: number): string {
  const keys = [...KNOWN_TYPES, ...Object.keys(counts).filter((k) => k && !(KNOWN_TYPES as readonly string[]).includes(k))];
  const parts = keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => pluralize(counts[k] ?? 0, k));
  return `${parts.length ? parts.join(', ') : 'no tests ran'} in ${formatSessionDuration(seconds)}`;
}

/** "12 tests collected in 0.05s", "10/12 tests collected (2 deselected), 1 error in 0.05s" (`--collect-only`). */
export function pytestCollectLine(selected: number, deselected: number, errors: number, seconds: number): string {
  const all = selected + deselected;
  const head =
    all === 0
      ? 'no tests collected'
      : deselected === 0
        ? `${pluralize(all, 'test')} collected`
        : selected === 0
          ? `no tests collected (${deselected} deselected)`
          : `${selected}/${all} tests collected (${deselected} deselected)`;
  return `${head}${errors ? `, ${pluralize(errors, 'error')}` : ''} in ${formatSessionDuration(seconds)}`;
}
