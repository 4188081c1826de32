import { useEffect, useState } from 'react';
import { useAppStore } from '../store/useAppStore.ts';

function useElapsed(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return;
    const start = performance.now();
    const t = setInterval(() => setElapsed(performance.now() - start), 200);
    return () => {
      clearInterval(t);
      setElapsed(0);
    };
  }, [active]);
  return elapsed;
}

/** Where Python is: starting (with progress), ready, running (with elapsed time), restarting, failed. */
export function StatusLine() {
  const status = useAppStore((s) => s.status);
  const running = useAppStore((s) => s.running);
  const live = useAppStore((s) => s.liveSample);
  const waiting = useAppStore((s) => s.awaitingInput);
  const pause = useAppStore((s) => s.debugPause);
  const elapsed = useElapsed(running);
  let text: string;
  if (running && pause) text = `Paused at ${pause.file}:${pause.line} (debugger)`;
  else if (running && status.state !== 'restarting')
    text = `${waiting ? 'Waiting for input' : 'Running'}… ${(elapsed / 1000).toFixed(1)} s${live ? ` · heap ${live.heapMB.toFixed(0)} MB${live.pythonMB !== null ? `, Python ${live.pythonMB.toFixed(1)} MB` : ''}` : ''}`;
  else if (status.state === 'ready') text = 'Ready';
  else if (status.state === 'failed') text = status.detail;
  else text = `${status.detail}…${status.progress !== null ? ` ${Math.round(status.progress * 100)}%` : ''}`;
  const busy = status.state === 'starting' || status.state === 'restarting';
  return (
    <div
      className={`status status-${running ? 'running' : status.state}`}
      data-testid="status"
      data-boot={status.boot}
      title={status.boot === 'snapshot' ? `${text} (Python started from a snapshot saved on an earlier visit)` : text}
      aria-live="off"
    >
      <span className="status-dot" aria-hidden="true" />
      <span>{text}</span>
      {busy && status.progress !== null ? (
        <progress className="status-progress" max={1} value={status.progress} aria-label="Python start-up progress" />
      ) : null}
    </div>
  );
}
