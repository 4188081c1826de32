import { describeBatch } from '../runs/summarizeBatch.ts';
import { defaultBatchPaths } from '../store/createMonitorSlice.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

/** "Run all": which project files run, in which order and how, and each step's result. */
export function BatchPanel() {
  const files = useAppStore((s) => s.files);
  const selection = useAppStore((s) => s.batchSelection);
  const stopOnError = useAppStore((s) => s.batchStopOnError);
  const shared = useAppStore((s) => s.batchSharedState);
  const result = useAppStore((s) => s.batchResult);
  const error = useAppStore((s) => s.batchError);
  const s = appStore.getState();
  const python = files.map((f) => f.path).filter((p) => p.endsWith('.py'));
  const chosen = selection ?? defaultBatchPaths({ files });
  // Steps run in the order the files were ticked (shown as 1, 2, 3…).
  const toggle = (path: string, on: boolean) =>
    s.setBatchSelection(on ? [...chosen.filter((p) => p !== path), path] : chosen.filter((p) => p !== path));
  return (
    <section className="panel batch" data-testid="batch-panel" aria-label="Run all">
      <p className="panel-title">The files ticked here run in order, each as __main__, when you press Run all.</p>
      <ul className="batch-files">
        {python.map((p) => (
          <li key={p}>
            <label>
              <input
                type="checkbox"
                data-testid="batch-file"
                data-path={p}
                checked={chosen.includes(p)}
                onChange={(e) => toggle(p, e.target.checked)}
              />{' '}
              {p}
              {chosen.includes(p) ? <span className="batch-order"> (step {chosen.indexOf(p) + 1})</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <div className="deps-actions">
        <label className="deps-auto">
          <input
            type="checkbox"
            data-testid="batch-stop-on-error"
            checked={stopOnError}
            onChange={(e) => s.setBatchOptions({ stopOnError: e.target.checked })}
          />
          Stop at the first failure
        </label>
        <label className="deps-auto" title="Off: each file runs as a fresh __main__, like python file.py">
          <input
            type="checkbox"
            data-testid="batch-shared"
            checked={shared}
            onChange={(e) => s.setBatchOptions({ sharedState: e.target.checked })}
          />
          Share variables between steps
        </label>
      </div>
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <>
          <p className="tests-summary" data-testid="batch-summary">
            {describeBatch(result.summary)}
          </p>
          <ol className="batch-steps">
            {result.steps.map((step) => {
              const status = step.result?.status ?? 'skipped';
              return (
                <li key={step.index} className="test-row" data-testid="batch-step" data-status={status} data-name={step.name}>
                  <span className={`badge badge-${status}`}>{status}</span> {step.name}
                  {step.result ? <span className="test-time"> {Math.round(step.result.metrics.wallMs)} ms</span> : null}
                  {step.result?.error ? (
                    <div className="test-message">{`${step.result.error.type}: ${step.result.error.message}`}</div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
