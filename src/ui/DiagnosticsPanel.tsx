import { useEffect } from 'react';
import { appStore, useAppStore } from '../store/useAppStore.ts';

/** How long typing must pause before the code is checked again. */
const VALIDATE_DEBOUNCE_MS = 400;

/** Re-runs validate_code when the code, the settings or the interpreter change, debounced. */
function useValidateAsYouType(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void appStore.getState().validateNow(), VALIDATE_DEBOUNCE_MS);
    };
    schedule();
    const unsub = appStore.subscribe((s, prev) => {
      const becameReady = s.status.state === 'ready' && prev.status.state !== 'ready';
      if (s.code !== prev.code || s.settings !== prev.settings || becameReady) schedule();
    });
    return () => {
      clearTimeout(timer);
      unsub();
    };
  }, []);
}

/** validate_code's findings on the editor's code: one row per diagnostic, with line, rule and suggestion. */
export function DiagnosticsPanel() {
  useValidateAsYouType();
  // A report about other code (typing since, another file opened) is not shown: it would mislead.
  const validation = useAppStore((s) => (s.validatedCode === s.code ? s.validation : null));
  const error = useAppStore((s) => s.validationError);
  const safe = useAppStore((s) => s.settings.sandboxMode);
  const diagnostics = validation?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="panel diagnostics" data-testid="diagnostics" aria-label="Problems" data-count={diagnostics.length}>
      <header className="diagnostics-head">
        <span className="settings-title">Check</span>
        <span data-testid="diagnostics-summary">
          {validation === null
            ? 'Checking…'
            : diagnostics.length === 0
              ? 'No problems found.'
              : `${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} warning${diagnostics.length - errors === 1 ? '' : 's'}${safe && errors ? ': safe mode will refuse to run this code.' : '.'}`}
        </span>
        <span
          className={safe ? 'badge badge-safe' : 'badge badge-open'}
          data-testid="safe-mode-badge"
          title="Safe mode is a guard against accidents and a teaching aid; the browser sandbox is the security guarantee."
        >
          {safe ? 'Safe mode on' : 'Safe mode off'}
        </span>
      </header>
      {error ? <p className="field-message">The code could not be checked: {error}</p> : null}
      {diagnostics.length ? (
        <ul className="diagnostics-list">
          {diagnostics.map((d, i) => (
            <li
              key={i}
              className={`diagnostic diagnostic-${d.severity}`}
              data-testid="diagnostic"
              data-rule={d.rule}
              data-severity={d.severity}
            >
              <span className="diagnostic-where">
                {d.line}:{d.column}
              </span>{' '}
              <span className="diagnostic-message">{d.message}</span> <span className="diagnostic-rule">[{d.rule}]</span>
              <div className="diagnostic-suggestion">{d.suggestion}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
