import { useEffect, useState } from 'react';
import { PRESET_NAMES, PRESETS } from '../config/presets.ts';
import { FLAG_SETTINGS, LIST_SETTINGS, SETTING_BOUNDS, type Settings } from '../config/settings.ts';
import { PackageSourcesNote } from './PackageSourcesNote.tsx';
import { StorageSettings } from './StorageSettings.tsx';
import { appStore, useAppStore } from '../store/useAppStore.ts';

type Draft = Record<keyof Settings, string>;

interface Field {
  key: keyof Settings;
  testId: string;
  label: string;
  suffix?: string;
  kind: 'number' | 'list' | 'flag';
}

const LIMITS: Field[] = [
  { key: 'timeoutSeconds', testId: 'setting-timeout', label: SETTING_BOUNDS.timeoutSeconds.label, suffix: 's', kind: 'number' },
  { key: 'maxMemoryMB', testId: 'setting-memory', label: SETTING_BOUNDS.maxMemoryMB.label, suffix: 'MB', kind: 'number' },
  { key: 'maxOutputChars', testId: 'setting-output', label: SETTING_BOUNDS.maxOutputChars.label, suffix: 'chars', kind: 'number' },
];

const POLICY: Field[] = [
  { key: 'sandboxMode', testId: 'setting-sandbox', label: FLAG_SETTINGS.sandboxMode, kind: 'flag' },
  { key: 'allowedModules', testId: 'setting-allowed-modules', label: LIST_SETTINGS.allowedModules.label, kind: 'list' },
  { key: 'safeStdlib', testId: 'setting-safe-stdlib', label: LIST_SETTINGS.safeStdlib.label, kind: 'list' },
  { key: 'forbiddenFunctions', testId: 'setting-forbidden', label: LIST_SETTINGS.forbiddenFunctions.label, kind: 'list' },
];

const TESTS: Field[] = [
  { key: 'pytestArgs', testId: 'setting-pytest-args', label: LIST_SETTINGS.pytestArgs.label, kind: 'list' },
  { key: 'coverageThreshold', testId: 'setting-coverage', label: SETTING_BOUNDS.coverageThreshold.label, suffix: '%', kind: 'number' },
];

const MONITORING: Field[] = [
  { key: 'enableProfiling', testId: 'setting-profiling', label: FLAG_SETTINGS.enableProfiling, kind: 'flag' },
  { key: 'collectMetrics', testId: 'setting-metrics', label: FLAG_SETTINGS.collectMetrics, kind: 'flag' },
];

const EDITOR: Field[] = [
  { key: 'lintRules', testId: 'setting-lint-rules', label: LIST_SETTINGS.lintRules.label, kind: 'list' },
  { key: 'lineLength', testId: 'setting-line-length', label: SETTING_BOUNDS.lineLength.label, suffix: 'chars', kind: 'number' },
  { key: 'formatOnRun', testId: 'setting-format-on-run', label: FLAG_SETTINGS.formatOnRun, kind: 'flag' },
];

const toDraft = (s: Settings): Draft =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? v.join(k === 'pytestArgs' ? ' ' : ', ') : String(v)]),
  ) as Draft;

/**
 * The ExecutorConfig, in groups: limits, safe mode and its policy, tests, monitoring,
 * presets and package sources. Applied as soon as every field is valid; a bad field
 * says what is wrong and keeps what was typed.
 */
export function SettingsPanel() {
  const errors = useAppStore((s) => s.settingsErrors);
  const revision = useAppStore((s) => s.settingsRevision);
  const presetError = useAppStore((s) => s.presetError);
  const [draft, setDraft] = useState<Draft>(() => toDraft(appStore.getState().settings));
  // A preset or the deployment's defaults replaced the settings: show them.
  useEffect(() => setDraft(toDraft(appStore.getState().settings)), [revision]);

  const change = (key: keyof Settings, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    appStore.getState().updateSettings(next);
  };

  const input = ({ key, testId, label, suffix, kind }: Field) => {
    const error = errors[key];
    return (
      <label key={key} className={`field field-${kind}${error ? ' field-error' : ''}`}>
        <span>{label}</span>
        {kind === 'flag' ? (
          <input
            type="checkbox"
            data-testid={testId}
            checked={draft[key] === 'true'}
            onChange={(e) => change(key, String(e.target.checked))}
          />
        ) : (
          <input
            data-testid={testId}
            inputMode={kind === 'number' ? 'decimal' : 'text'}
            spellCheck={false}
            value={draft[key]}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${testId}-error` : undefined}
            onChange={(e) => change(key, e.target.value)}
          />
        )}
        {suffix ? <span className="suffix">{suffix}</span> : null}
        {error ? (
          <span className="field-message" id={`${testId}-error`} role="alert">
            {error}
          </span>
        ) : null}
      </label>
    );
  };

  return (
    <form className="settings" data-testid="settings-form" aria-label="Settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="settings-group">
        <legend>Limits of every run</legend>
        {LIMITS.map(input)}
      </fieldset>
      <fieldset className="settings-group settings-policy">
        <legend>Safe mode</legend>
        <p className="settings-note" data-testid="policy-note">
          Safe mode checks code before it runs and blocks imports, functions and file writes outside its rules. It is a guard against
          accidents and a teaching aid. The security guarantee is the browser sandbox around Python (an isolated frame with no network and
          no access to this page), which holds whether safe mode is on or off.
        </p>
        {POLICY.map(input)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Tests</legend>
        {TESTS.map(input)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Monitoring</legend>
        {MONITORING.map(input)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Editor (Ruff)</legend>
        <p className="settings-note">A ruff.toml or a pyproject.toml with [tool.ruff] at the project's root takes the place of these.</p>
        {EDITOR.map(input)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Presets</legend>
        <label className="field">
          <span>Preset</span>
          <select
            data-testid="setting-preset"
            value=""
            onChange={(e) => {
              if (e.target.value) appStore.getState().applyPreset(e.target.value);
            }}
          >
            <option value="">Choose…</option>
            {PRESET_NAMES.map((name) => (
              <option key={name} value={name} title={PRESETS[name]?.description}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {presetError ? (
          <span className="field-message" role="alert" data-testid="setting-preset-error">
            {presetError}
          </span>
        ) : null}
      </fieldset>
      <fieldset className="settings-group settings-packages" data-testid="settings-packages">
        <legend>Package sources</legend>
        <PackageSourcesNote />
      </fieldset>
      <fieldset className="settings-group" data-testid="settings-storage">
        <legend>Storage</legend>
        <StorageSettings />
      </fieldset>
    </form>
  );
}
