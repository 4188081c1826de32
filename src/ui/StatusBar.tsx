import { LimitsSummary } from './LimitsSummary.tsx';
import { MetricsBar } from './MetricsBar.tsx';
import { RunAnnouncer } from './RunAnnouncer.tsx';

/** The bottom bar: the limits in force and the last run's metrics. */
export function StatusBar() {
  return (
    <footer className="statusbar">
      <LimitsSummary />
      <MetricsBar />
      <RunAnnouncer />
    </footer>
  );
}
