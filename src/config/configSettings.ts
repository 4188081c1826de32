import type { RunPolicy } from '../protocol/policy.ts';
import { validateSettings, type Settings, type SettingsCheck } from './settings.ts';
import { CONFIG_KEYS, formatMemory, type ExecutorConfig } from './executorConfig.ts';

/** Each seed name and the settings field it is. */
export const CONFIG_FIELDS: Record<keyof ExecutorConfig, keyof Settings> = {
  TIMEOUT: 'timeoutSeconds',
  MAX_MEMORY: 'maxMemoryMB',
  MAX_OUTPUT_LENGTH: 'maxOutputChars',
  SANDBOX_MODE: 'sandboxMode',
  ALLOWED_MODULES: 'allowedModules',
  SAFE_STDLIB: 'safeStdlib',
  FORBIDDEN_FUNCTIONS: 'forbiddenFunctions',
  PYTEST_ARGS: 'pytestArgs',
  COVERAGE_THRESHOLD: 'coverageThreshold',
  ENABLE_PROFILING: 'enableProfiling',
  COLLECT_METRICS: 'collectMetrics',
};

/** The settings as an ExecutorConfig (seed names; memory as "512MB"). */
export function settingsToConfig(s: Settings): ExecutorConfig {
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) out[key] = s[CONFIG_FIELDS[key]];
  out.MAX_MEMORY = formatMemory(s.maxMemoryMB);
  return out as unknown as ExecutorConfig;
}

/** Result of checking a (partial) ExecutorConfig: the settings, or one message per bad field named by its seed name. */
export type ConfigCheck = { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<keyof ExecutorConfig, string>> };

/**
 * Checks a partial ExecutorConfig (seed names, e.g. from the server or a preset) over
 * `base`. Unknown names are errors; nothing is applied unless every field is valid.
 */
export function validateConfig(input: Record<string, unknown>, base: Settings): ConfigCheck {
  const errors: Partial<Record<keyof ExecutorConfig, string>> = {};
  const settingsInput: Partial<Record<keyof Settings, unknown>> = {};
  for (const [name, value] of Object.entries(input)) {
    if (!(name in CONFIG_FIELDS)) {
      (errors as Record<string, string>)[name] = `${name} is not a setting; known settings: ${CONFIG_KEYS.join(', ')}.`;
      continue;
    }
    settingsInput[CONFIG_FIELDS[name as keyof ExecutorConfig]] = value;
  }
  const check: SettingsCheck = validateSettings(settingsInput, base);
  if (!check.ok) {
    for (const key of CONFIG_KEYS) {
      const message = check.errors[CONFIG_FIELDS[key]];
      if (message) errors[key] = `${key}: ${message}`;
    }
  }
  if (Object.keys(errors).length || !check.ok) return { ok: false, errors };
  return { ok: true, settings: check.settings };
}

/** What safe mode enforces for these settings: ALLOWED_MODULES plus SAFE_STDLIB, and FORBIDDEN_FUNCTIONS. */
export function runPolicyOf(s: Pick<Settings, 'sandboxMode' | 'allowedModules' | 'safeStdlib' | 'forbiddenFunctions'>): RunPolicy {
  return {
    sandboxMode: s.sandboxMode,
    allowedModules: [...new Set([...s.allowedModules, ...s.safeStdlib])],
    forbiddenFunctions: [...s.forbiddenFunctions],
  };
}
