import { useState } from 'react';
import type { RunStatus } from '../protocol/results.ts';
import type { HistoryEntry } from '../runs/historyStorage.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { downloadBlob } from './downloadBlob.ts';

const STATUSES: Array<RunStatus | 'all'> = ['all', 'ok', 'error', 'timeout', 'memory', 'stopped', 'crashed', 'security'];

function download(text: string): void {
  downloadBlob(text, `executor-history-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`, 'application/json');
}

function Details({ entry, busy }: { entry: HistoryEntry; busy: boolean }) {
  const s = appStore.getState();
  return (
    <div className="history-details" data-testid="history-details">
      <div className="deps-actions">
        <button type="button" className="btn" data-testid="history-rerun" disabled={busy} onClick={() => void s.rerunHistory(entry.id)}>
          Run again
        </button>
        <button
          type="button"
          className="btn"
          data-testid="history-open"
          title="Opens the code in a new file; nothing is overwritten"
          onClick={() => s.openHistoryCode(entry.id)}
        >
          Open in editor
        </button>
      </div>
      <pre className="history-code" data-testid="history-code">
        {entry.code}
      </pre>
      <pre className="history-output" data-testid="history-output">
        {entry.output || '(no output)'}
      </pre>
    </div>
  );
}

/** This session's runs (kept in IndexedDB): filter, open, run again, export; a chart of the recent ones. */
export function HistoryPanel() {
  const history = useAppStore((s) => s.history);
  const filter = useAppStore((s) => s.historyFilter);
  const selected = useAppStore((s) => s.historySelected);
  const limit = useAppStore((s) => s.historyLimit);
  const error = useAppStore((s) => s.historyError);
  const busy = useAppStore((s) => s.running);
  const [limitText, setLimitText] = useState<string | null>(null);
  const [limitError, setLimitError] = useState<string | null>(null);
  const s = appStore.getState();
  const shown = history.filter((e) => filter === 'all' || e.status === filter).reverse();
  const entry = history.find((e) => e.id === selected);
  return (
    <section className="panel history" data-testid="history-panel" aria-label="Run history" data-count={history.length}>
      <div className="deps-actions">
        <label className="deps-auto">
          Status
          <select data-testid="history-filter" value={filter} onChange={(e) => s.setHistoryFilter(e.target.value as RunStatus | 'all')}>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {st}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          data-testid="history-export"
          disabled={history.length === 0}
          onClick={() => download(s.exportHistory())}
        >
          Export JSON
        </button>
        <button
          type="button"
          className="btn"
          data-testid="history-clear"
          disabled={history.length === 0}
          onClick={() => void s.clearHistory()}
        >
          Clear
        </button>
        <label className="deps-auto" title="The newest runs kept per session">
          Keep
          <input
            className="tests-workers history-limit"
            data-testid="history-limit"
            inputMode="numeric"
            value={limitText ?? String(limit)}
            onChange={(e) => setLimitText(e.target.value)}
            onBlur={() => {
              if (limitText === null) return;
              const problem = s.setHistoryLimit(Number(limitText));
              setLimitError(problem);
              if (!problem) setLimitText(null);
            }}
          />
          runs
        </label>
      </div>
      {limitError ? (
        <p className="field-message" role="alert">
          {limitError}
        </p>
      ) : null}
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      <HistoryChart entries={history} />
      {shown.length === 0 ? (
        <p className="deps-empty">{history.length ? 'No run has this status.' : 'No run yet in this session.'}</p>
      ) : null}
      <ul className="history-list">
        {shown.slice(0, 200).map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={`history-row${e.id === selected ? ' history-selected' : ''}`}
              data-testid="history-row"
              data-status={e.status}
              onClick={() => s.selectHistory(e.id === selected ? null : e.id)}
            >
              <span className={`badge badge-${e.status}`}>{e.status}</span>
              <span className="history-source">{e.kind === 'run' ? e.source : `${e.kind}: ${e.source}`}</span>
              <span className="history-when">{new Date(e.at).toLocaleTimeString()}</span>
              <span className="history-metric">
                {e.metrics ? `${Math.round(e.metrics.wallMs)} ms · ${e.metrics.memory_used.toFixed(1)} MB` : 'no metrics'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {entry ? <Details entry={entry} busy={busy} /> : null}
    </section>
  );
}
