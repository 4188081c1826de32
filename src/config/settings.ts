import { DEFAULT_CONFIG, parseMemoryMB } from './executorConfig.ts';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';

/**
 * Everything a user can set: the seed's ExecutorConfig (see src/config/executorConfig.ts
 * for the seed's names) in the form the app uses, memory as a number of MB.
 */
export interface Settings {
  timeoutSeconds: number;
  maxMemoryMB: number;
  maxOutputChars: number;
  sandboxMode: boolean;
  allowedModules: string[];
  safeStdlib: string[];
  forbiddenFunctions: string[];
  pytestArgs: string[];
  coverageThreshold: number;
  enableProfiling: boolean;
  collectMetrics: boolean;
  /** Ruff's rule selectors for the editor's lint (`lint.select`), unless the project has a ruff.toml or pyproject.toml. */
  lintRules: string[];
  /** Ruff's line length for lint and format. */
  lineLength: number;
  /** Format the file with Ruff before each run. */
  formatOnRun: boolean;
}

/** Defaults from the seed's ExecutorConfig. */
export const DEFAULT_SETTINGS: Settings = {
  timeoutSeconds: DEFAULT_RUN_OPTIONS.timeoutMs / 1000,
  maxMemoryMB: DEFAULT_RUN_OPTIONS.maxMemoryMB,
  maxOutputChars: DEFAULT_RUN_OPTIONS.maxOutputChars,
  sandboxMode: DEFAULT_CONFIG.SANDBOX_MODE,
  allowedModules: DEFAULT_CONFIG.ALLOWED_MODULES,
  safeStdlib: DEFAULT_CONFIG.SAFE_STDLIB,
  forbiddenFunctions: DEFAULT_CONFIG.FORBIDDEN_FUNCTIONS,
  pytestArgs: DEFAULT_CONFIG.PYTEST_ARGS,
  coverageThreshold: DEFAULT_CONFIG.COVERAGE_THRESHOLD,
  enableProfiling: DEFAULT_CONFIG.ENABLE_PROFILING,
  collectMetrics: DEFAULT_CONFIG.COLLECT_METRICS,
  // Ruff's own defaults.
  lintRules: ['E4', 'E7', 'E9', 'F'],
  lineLength: 88,
  formatOnRun: false,
};

interface Bound {
  label: string;
  min: number;
  max: number;
  unit: string;
  integer: boolean;
}

type NumberKey = 'timeoutSeconds' | 'maxMemoryMB' | 'maxOutputChars' | 'coverageThreshold' | 'lineLength';
type ListKey = 'allowedModules' | 'safeStdlib' | 'forbiddenFunctions' | 'pytestArgs' | 'lintRules';
type FlagKey = 'sandboxMode' | 'enableProfiling' | 'collectMetrics' | 'formatOnRun';

/** Allowed range of each numeric setting, with the words used in messages. */
export const SETTING_BOUNDS: Record<NumberKey, Bound> = {
  timeoutSeconds: { label: 'Timeout', min: 0.1, max: 3600, unit: 'seconds', integer: false },
  // Below ~64 MB the interpreter cannot even import the standard library; wasm32 ends at 4 GB.
  maxMemoryMB: { label: 'Memory limit', min: 64, max: 4096, unit: 'MB', integer: true },
  maxOutputChars: { label: 'Output limit', min: 100, max: 5_000_000, unit: 'characters', integer: true },
  coverageThreshold: { label: 'Coverage threshold', min: 0, max: 100, unit: 'percent', integer: false },
  // Ruff's own bounds.
  lineLength: { label: 'Line length', min: 1, max: 320, unit: 'characters', integer: true },
};

/** Labels and item rules of the list settings. */
export const LIST_SETTINGS: Record<ListKey, { label: string; item: RegExp; what: string }> = {
  allowedModules: { label: 'Allowed modules', item: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'a top-level module name like numpy' },
  safeStdlib: { label: 'Safe standard library', item: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'a top-level module name like math' },
  forbiddenFunctions: { label: 'Forbidden functions', item: /^[A-Za-z_][A-Za-z0-9_]*$/, what: 'a builtin function name like eval' },
  pytestArgs: { label: 'pytest arguments', item: /^\S+$/, what: 'an argument without spaces like -v' },
  lintRules: { label: 'Lint rules', item: /^(ALL|[A-Z]{1,4}[0-9]{0,4})$/, what: 'a Ruff rule code or prefix like F, E4 or I001' },
};

/** Labels of the on/off settings. */
export const FLAG_SETTINGS: Record<FlagKey, string> = {
  sandboxMode: 'Safe mode',
  enableProfiling: 'Profiling',
  collectMetrics: 'Metrics',
  formatOnRun: 'Format on run',
};

/** Result of validating settings: all valid, or one message per bad field and nothing applied. */
export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<keyof Settings, string>> };

/** Raw input for {@link validateSettings}: strings from a form, or parsed JSON; missing fields keep `base`. */
export type SettingsInput = Partial<Record<keyof Settings, unknown>>;

function checkNumber(key: NumberKey, raw: unknown): number | string {
  const b = SETTING_BOUNDS[key];
  let value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (key === 'maxMemoryMB' && typeof raw === 'string' && Number.isNaN(value)) value = parseMemoryMB(raw) ?? NaN;
  if (!Number.isFinite(value))
    return key === 'maxMemoryMB'
      ? `${b.label} must be a number of MB (like 512) or a size like 512MB or 2GB; "${String(raw)}" is not.`
      : `${b.label} must be a number of ${b.unit}.`;
  if (b.integer && !Number.isInteger(value)) return `${b.label} must be a whole number of ${b.unit}.`;
  if (value < b.min || value > b.max) return `${b.label} must be between ${b.min} and ${b.max} ${b.unit}; ${value} is out of range.`;
  return value;
}

function checkList(key: ListKey, raw: unknown): string[] | string {
  const spec = LIST_SETTINGS[key];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(key === 'pytestArgs' ? /\s+/ : /[\s,]+/) : null;
  if (!items) return `${spec.label} must be a list (comma-separated).`;
  const list = (items as unknown[]).map((i) => (typeof i === 'string' ? i.trim() : i)).filter((i) => i !== '');
  const bad = list.find((i) => typeof i !== 'string' || !spec.item.test(i));
  if (bad !== undefined) return `${spec.label}: "${typeof bad === 'string' ? bad : JSON.stringify(bad)}" is not ${spec.what}.`;
  return [...new Set(list as string[])];
}

function checkFlag(key: FlagKey, raw: unknown): boolean | string {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|1|on|yes)$/i.test(raw.trim())) return true;
  if (typeof raw === 'string' && /^(false|0|off|no)$/i.test(raw.trim())) return false;
  return `${FLAG_SETTINGS[key]} must be on or off (true or false); "${String(raw)}" is neither.`;
}

/** Checks raw input field by field; any bad field means nothing is applied. */
export function validateSettings(input: SettingsInput, base: Settings = DEFAULT_SETTINGS): SettingsCheck {
  const errors: Partial<Record<keyof Settings, string>> = {};
  const out: Record<string, unknown> = { ...base };
  // Each checker returns the value, or a string: the message.
  const take = (key: keyof Settings, checked: unknown) => {
    if (typeof checked === 'string') errors[key] = checked;
    else out[key] = checked;
  };
  for (const key of Object.keys(SETTING_BOUNDS) as NumberKey[]) if (key in input) take(key, checkNumber(key, input[key]));
  for (const key of Object.keys(LIST_SETTINGS) as ListKey[]) if (key in input) take(key, checkList(key, input[key]));
  for (const key of Object.keys(FLAG_SETTINGS) as FlagKey[]) if (key in input) take(key, checkFlag(key, input[key]));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings: out as unknown as Settings };
}

const STORAGE_KEY = 'executor.settings.v1';

/** Reads saved settings over `defaults`; anything invalid falls back to the defaults. Null when nothing is saved. */
export function loadSavedSettings(storage: Pick<Storage, 'getItem'>, defaults: Settings = DEFAULT_SETTINGS): Settings | null {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as SettingsInput | null;
    if (!saved || typeof saved !== 'object') return null;
    const check = validateSettings(saved, defaults);
    return check.ok ? check.settings : defaults;
  } catch {
    return defaults;
  }
}

/** Reads saved settings; anything missing or invalid falls back to the defaults. */
export function loadSettings(storage: Pick<Storage, 'getItem'>): Settings {
  return loadSavedSettings(storage) ?? DEFAULT_SETTINGS;
}

/** Saves settings. */
export function saveSettings(storage: Pick<Storage, 'setItem'>, settings: Settings): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(settings));
}
