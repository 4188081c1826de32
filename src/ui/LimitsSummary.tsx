import { appStore, useAppStore } from '../store/useAppStore.ts';

/** The limits in force, in one line; a click opens the settings. */
export function LimitsSummary() {
  const s = useAppStore((st) => st.settings);
  const text = `${s.timeoutSeconds} s · ${s.maxMemoryMB} MB · ${s.maxOutputChars.toLocaleString('en')} chars · safe mode ${s.sandboxMode ? 'on' : 'off'}`;
  return (
    <button
      type="button"
      className="limits-summary"
      data-testid="limits-summary"
      title="Limits of every run; click to change them"
      onClick={() => appStore.getState().setSettingsOpen(true)}
    >
      <span className="muted">Limits</span> {text}
    </button>
  );
}
