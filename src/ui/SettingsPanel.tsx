import { useState } from 'react';
import { SETTING_BOUNDS, type Settings } from '../store/settings.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

type Draft = Record<keyof Settings, string>;

const FIELDS: Array<{ key: keyof Settings; testId: string; suffix: string }> = [
  { key: 'timeoutSeconds', testId: 'setting-timeout', suffix: 's' },
  { key: 'maxMemoryMB', testId: 'setting-memory', suffix: 'MB' },
  { key: 'maxOutputChars', testId: 'setting-output', suffix: 'chars' },
];

const toDraft = (s: Settings): Draft => ({
  timeoutSeconds: String(s.timeoutSeconds),
  maxMemoryMB: String(s.maxMemoryMB),
  maxOutputChars: String(s.maxOutputChars),
});

/** Run limits: applied as soon as all fields are valid; a bad field says what is wrong and keeps what was typed. */
export function SettingsPanel() {
  const errors = useAppStore((s) => s.settingsErrors);
  const [draft, setDraft] = useState<Draft>(() => toDraft(appStore.getState().settings));

  const change = (key: keyof Settings, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    appStore.getState().updateSettings(next);
  };

  return (
    <form className="settings" data-testid="settings" aria-label="Run limits" onSubmit={(e) => e.preventDefault()}>
      <span className="settings-title">Limits</span>
      {FIELDS.map(({ key, testId, suffix }) => {
        const b = SETTING_BOUNDS[key];
        const error = errors[key];
        return (
          <label key={key} className={error ? 'field field-error' : 'field'}>
            <span>{b.label}</span>
            <input
              data-testid={testId}
              inputMode="decimal"
              value={draft[key]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${testId}-error` : undefined}
              onChange={(e) => change(key, e.target.value)}
            />
            <span className="suffix">{suffix}</span>
            {error ? (
              <span className="field-message" id={`${testId}-error`} role="alert">
                {error}
              </span>
            ) : null}
          </label>
        );
      })}
    </form>
  );
}
