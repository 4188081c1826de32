import { useAppStore } from '../store/useAppStore.ts';

/**
 * Tells screen readers once that a run finished, and how ("Run finished: error, 0.4 s").
 * The console and the status line stay quiet: they change many times a second while a program runs.
 */
export function RunAnnouncer() {
  const runs = useAppStore((s) => s.runCount);
  const result = useAppStore((s) => s.lastResult);
  const text = result && runs > 0 ? `Run ${runs} finished: ${result.status}, ${(result.metrics.wallMs / 1000).toFixed(1)} s.` : '';
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="run-announcement">
      {text}
    </p>
  );
}
