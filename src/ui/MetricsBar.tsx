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
      {m.cpuPercent !== undefined ? <span title="CPU time over wall time">CPU share {m.cpuPercent.toFixed(0)} %</span> : null}
      {m.pythonPeakMB !== undefined && m.pythonPeakMB !== null ? (
        <span data-testid="metric-python-peak" title="Peak of the run's Python allocations (tracemalloc)">
          Python peak {m.pythonPeakMB.toFixed(1)} MB
        </span>
      ) : null}
      {m.heapStartMB !== undefined && m.heapEndMB !== undefined ? (
        <span
          data-testid="metric-heap-growth"
          title={`Interpreter heap (dlmalloc footprint) ${m.heapStartMB.toFixed(1)} → ${m.heapEndMB.toFixed(1)} MB during the run`}
        >
          heap +{Math.max(0, m.heapEndMB - m.heapStartMB).toFixed(1)} MB
        </span>
      ) : null}
      <span title="Interpreter heap high-water mark since the interpreter started (dlmalloc footprint)">
        heap peak {m.peakMemoryMB.toFixed(1)} MB
      </span>
      {m.collected === false ? <span title="COLLECT_METRICS is off (Settings → Metrics)">metrics off</span> : null}
      <span title="Characters the program wrote">
        output {m.outputChars.toLocaleString('en')} chars{m.truncated ? ' (truncated)' : ''}
      </span>
      {!result.stateKept ? <span className="warn">variables lost</span> : null}
    </div>
  );
}
