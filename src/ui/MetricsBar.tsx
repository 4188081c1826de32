import { useAppStore } from '../store/useAppStore.ts';

function ms(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
}

/** The last run's metrics. */
export function MetricsBar() {
  const result = useAppStore((s) => s.lastResult);
  const runs = useAppStore((s) => s.runCount);
  if (!result) {
    return (
      <div className="metrics" data-testid="metrics" data-runs={runs}>
        No run yet.
      </div>
    );
  }
  const m = result.metrics;
  return (
    <div className="metrics" data-testid="metrics" data-status={result.status} data-runs={runs}>
      <span className={`badge badge-${result.status}`}>{result.status}</span>
      <span title="Wall-clock time of the run">wall {ms(m.wallMs)}</span>
      <span title="CPU time used by Python (time.process_time)">CPU {ms(m.cpuMs)}</span>
      <span title="Interpreter heap high-water mark (dlmalloc footprint)">heap peak {m.peakMemoryMB.toFixed(1)} MB</span>
      <span title="Characters the program wrote">
        output {m.outputChars.toLocaleString('en')} chars{m.truncated ? ' (truncated)' : ''}
      </span>
      {!result.stateKept ? <span className="warn">variables lost</span> : null}
    </div>
  );
}
