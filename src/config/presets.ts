import type { Settings } from './settings.ts';
import { validateConfig } from './configSettings.ts';
import type { ExecutorConfig } from './executorConfig.ts';

/** Named presets: changes over the deployment's defaults (the "Default" preset is those defaults). */
export const PRESETS: Record<string, { description: string; config: Partial<ExecutorConfig> }> = {
  Default: { description: "The deployment's defaults (the seed's ExecutorConfig unless the server sets others).", config: {} },
  Scientific: {
    description: 'numpy, scipy, pandas, matplotlib and more memory (the seed’s sci_config).',
    config: {
      ALLOWED_MODULES: ['numpy', 'scipy', 'pandas', 'matplotlib', 'sklearn', 'sympy', 'statsmodels', 'networkx', 'json'],
      MAX_MEMORY: '2GB',
      TIMEOUT: 120,
    },
  },
  Teaching: {
    description: 'Safe mode on, only the standard library, short limits: mistakes end fast and visibly.',
    config: {
      SANDBOX_MODE: true,
      ALLOWED_MODULES: [],
      TIMEOUT: 10,
      MAX_MEMORY: '256MB',
      MAX_OUTPUT_LENGTH: 5000,
      FORBIDDEN_FUNCTIONS: ['eval', 'exec', '__import__', 'open', 'compile', 'globals', 'vars', 'breakpoint'],
    },
  },
};

/** Names of the presets, in menu order. */
export const PRESET_NAMES = Object.keys(PRESETS);

/** The settings of a preset over the deployment's defaults, or an error naming the field. */
export function presetSettings(
  name: string,
  deploymentDefaults: Settings,
): { ok: true; settings: Settings } | { ok: false; error: string } {
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (!preset) return { ok: false, error: `preset: "${name}" is not a preset; choose one of ${PRESET_NAMES.join(', ')}.` };
  const check = validateConfig(preset.config, deploymentDefaults);
  if (!check.ok) return { ok: false, error: Object.values(check.errors).join(' ') };
  return { ok: true, settings: check.settings };
}
