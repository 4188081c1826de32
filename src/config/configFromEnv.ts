import { DEFAULT_SETTINGS } from './settings.ts';
import { settingsToConfig, validateConfig } from './configSettings.ts';
import { CONFIG_KEYS, DEFAULT_CONFIG, type ExecutorConfig } from './executorConfig.ts';

/** The environment variable of each setting: EXECUTOR_<NAME>; the seed's PYTEST_ARGS and COVERAGE_THRESHOLD work unprefixed too. */
export function envNames(key: keyof ExecutorConfig): string[] {
  return key === 'PYTEST_ARGS' || key === 'COVERAGE_THRESHOLD' ? [`EXECUTOR_${key}`, key] : [`EXECUTOR_${key}`];
}

/**
 * A deployment's defaults from the server's environment (EXECUTOR_TIMEOUT,
 * EXECUTOR_MAX_MEMORY, EXECUTOR_SANDBOX_MODE, EXECUTOR_ALLOWED_MODULES, ...). When
 * any value is bad, none is applied: the seed's defaults stay, and each problem
 * names the variable, the field and what is wrong.
 */
export function configFromEnv(env: Record<string, string | undefined>): { config: ExecutorConfig; problems: string[] } {
  const input: Record<string, unknown> = {};
  const source: Partial<Record<keyof ExecutorConfig, string>> = {};
  for (const key of CONFIG_KEYS) {
    const name = envNames(key).find((n) => env[n] !== undefined && env[n] !== '');
    if (name) {
      input[key] = env[name];
      source[key] = name;
    }
  }
  const check = validateConfig(input, DEFAULT_SETTINGS);
  if (!check.ok) {
    const problems = CONFIG_KEYS.filter((k) => check.errors[k]).map((k) => `${source[k]}: ${check.errors[k]}`);
    return { config: DEFAULT_CONFIG, problems };
  }
  return { config: settingsToConfig(check.settings), problems: [] };
}
