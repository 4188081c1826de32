import { DEFAULT_RUN_OPTIONS } from '../engine/defaults.ts';

/** The run limits a user can set (the seed's TIMEOUT, MAX_MEMORY, MAX_OUTPUT_LENGTH). */
export interface Settings {
  timeoutSeconds: number;
  maxMemoryMB: number;
  maxOutputChars: number;
}

/** Defaults from the seed's ExecutorConfig. */
export const DEFAULT_SETTINGS: Settings = {
  timeoutSeconds: DEFAULT_RUN_OPTIONS.timeoutMs / 1000,
  maxMemoryMB: DEFAULT_RUN_OPTIONS.maxMemoryMB,
  maxOutputChars: DEFAULT_RUN_OPTIONS.maxOutputChars,
};

interface Bound {
  label: string;
  min: number;
  max: number;
  unit: string;
  integer: boolean;
}

/** Allowed range of each setting, with the words used in messages. */
export const SETTING_BOUNDS: Record<keyof Settings, Bound> = {
  timeoutSeconds: { label: 'Timeout', min: 0.1, max: 3600, unit: 'seconds', integer: false },
  // Below ~64 MB the interpreter cannot even import the standard library; wasm32 ends at 4 GB.
  maxMemoryMB: { label: 'Memory limit', min: 64, max: 4096, unit: 'MB', integer: true },
  maxOutputChars: { label: 'Output limit', min: 100, max: 5_000_000, unit: 'characters', integer: true },
};

/** Result of validating settings: all valid, or one message per bad field and nothing applied. */
export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<keyof Settings, string>> };

/** Checks raw input (strings from a form, or parsed JSON) against {@link SETTING_BOUNDS}. */
export function validateSettings(input: Record<keyof Settings, unknown>): SettingsCheck {
  const errors: Partial<Record<keyof Settings, string>> = {};
  const out = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SETTING_BOUNDS) as Array<keyof Settings>) {
    const b = SETTING_BOUNDS[key];
    const raw = input[key];
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value)) errors[key] = `${b.label} must be a number of ${b.unit}.`;
    else if (b.integer && !Number.isInteger(value)) errors[key] = `${b.label} must be a whole number of ${b.unit}.`;
    else if (value < b.min || value > b.max)
      errors[key] = `${b.label} must be between ${b.min} and ${b.max} ${b.unit}; ${value} is out of range.`;
    else out[key] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings: out };
}

const STORAGE_KEY = 'executor.settings.v1';

/** Reads saved settings; anything missing or invalid falls back to the defaults. */
export function loadSettings(storage: Pick<Storage, 'getItem'>): Settings {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Record<keyof Settings, unknown> | null;
    if (!saved) return DEFAULT_SETTINGS;
    const check = validateSettings({ ...DEFAULT_SETTINGS, ...saved });
    return check.ok ? check.settings : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Saves settings. */
export function saveSettings(storage: Pick<Storage, 'setItem'>, settings: Settings): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(settings));
}
