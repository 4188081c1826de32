import type { HistoryEntry } from '../runs/historyStorage.ts';

const W = 300;
const H = 48;

function line(values: number[]): string {
  const max = Math.max(...values, 1e-9);
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  return values.map((v, i) => `${(i * step).toFixed(1)},${(H - 2 - (v / max) * (H - 4)).toFixed(1)}`).join(' ');
}

/** Wall time and memory of the recent runs, each scaled to its own maximum. */
export function HistoryChart({ entries }: { entries: HistoryEntry[] }) {
  const measured = entries.filter((e) => e.metrics).slice(-30);
  if (measured.length < 2) return null;
  const times = measured.map((e) => e.metrics?.wallMs ?? 0);
  const memory = measured.map((e) => e.metrics?.memory_used ?? 0);
  return (
    <figure className="history-chart" data-testid="history-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Wall time (up to ${Math.round(Math.max(...times))} ms) and memory (up to ${Math.max(...memory).toFixed(1)} MB) of the last ${measured.length} runs`}
      >
        <polyline points={line(times)} className="history-line-time" fill="none" />
        <polyline points={line(memory)} className="history-line-memory" fill="none" />
      </svg>
      <figcaption>
        <span className="history-key-time">time</span> (max {Math.round(Math.max(...times))} ms) ·{' '}
        <span className="history-key-memory">memory</span> (max {Math.max(...memory).toFixed(1)} MB), last {measured.length} runs
      </figcaption>
    </figure>
  );
}
